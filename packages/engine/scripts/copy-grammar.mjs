// Copies the bash grammar's WebAssembly build into dist/, so the engine package ships it: the
// WebAssembly parser is the fallback where the optional native packages (`tree-sitter`,
// `tree-sitter-bash`) could not install, so it cannot come from them at run time. The file is
// the one tree-sitter-bash publishes, at the exact version the native parser uses (pinned in
// package.json), so both parsers read the same grammar.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
let source;
try {
  source = require.resolve("tree-sitter-bash/tree-sitter-bash.wasm");
} catch {
  process.stderr.write(
    "copy-grammar: tree-sitter-bash is not installed, so its tree-sitter-bash.wasm cannot be copied (run pnpm install)\n",
  );
  process.exit(1);
}
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
mkdirSync(dist, { recursive: true });
copyFileSync(source, `${dist}tree-sitter-bash.wasm`);
