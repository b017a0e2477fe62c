import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONCERNS, renderView } from "../src/shell/knowledge/views.js";

/** Writes the reviewer views into `docs/` (one page per concern). */
const dir = join(import.meta.dirname, "..", "docs");
for (const c of CONCERNS) writeFileSync(join(dir, `${c}.md`), renderView(c));
console.log(`wrote ${CONCERNS.length} pages to ${dir}`);
