// Writes a package's JSON Schema from its built zod schema, or with --check fails when the
// committed file is stale (CI runs the check). Run from the package folder:
//   node ../../scripts/write-json-schema.mjs <file.schema.json> <export of dist/index.js> [--check]
// With --from <package>, the export is taken from that dependency's build instead (the app
// ships a copy of the policy schema, so a project's `$schema` resolves under pnpm too).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const fromAt = args.indexOf("--from");
const from = fromAt === -1 ? undefined : args[fromAt + 1];
const [file, exportName] = args.filter(
  (arg, i) => !arg.startsWith("--") && (fromAt === -1 || i !== fromAt + 1),
);
if (file === undefined || exportName === undefined || (fromAt !== -1 && from === undefined)) {
  console.error(
    "usage: write-json-schema.mjs <file.schema.json> <export name> [--from <package>] [--check]",
  );
  process.exit(2);
}
const entry =
  from === undefined
    ? resolve("dist/index.js")
    : createRequire(resolve("package.json")).resolve(from);
const built = await import(pathToFileURL(entry).href);
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
