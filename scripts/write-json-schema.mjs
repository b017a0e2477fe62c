// Writes a package's JSON Schema from its built zod schema, or with --check fails when the
// committed file is stale (CI runs the check). Run from the package folder:
//   node ../../scripts/write-json-schema.mjs <file.schema.json> <export of dist/index.js> [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [file, exportName] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (file === undefined || exportName === undefined) {
  console.error("usage: write-json-schema.mjs <file.schema.json> <export name> [--check]");
  process.exit(2);
}
const built = await import(pathToFileURL(resolve("dist/index.js")).href);
const text = `${JSON.stringify(built[exportName](), null, 2)}\n`;
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {}
  if (committed !== text) {
    const shown = relative(resolve(import.meta.dirname, ".."), resolve(file));
    console.error(`${shown} is out of date: run \`pnpm build\` and commit it`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
