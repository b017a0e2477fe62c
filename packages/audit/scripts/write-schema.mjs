// Writes audit-record.schema.json from the built zod schema; with --check, fails when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { auditRecordJsonSchema } from "../dist/index.js";

const file = new URL("../audit-record.schema.json", import.meta.url);
const text = `${JSON.stringify(auditRecordJsonSchema(), null, 2)}\n`;
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {}
  if (committed !== text) {
    console.error(
      "packages/audit/audit-record.schema.json is out of date: run `pnpm build` and commit it",
    );
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
