// Bundles the CLI into dist/ with esbuild, from the workspace packages' TypeScript sources
// (the "source" export condition), so a run loads one file and `automode demo` works after
// a plain build. tree-sitter's native addon cannot be bundled: the engine loads it with
// createRequire, and it resolves from this package's own dependencies.
import { dirname } from "node:path";
import { build } from "esbuild";

/**
 * zod's namespace export drags in every locale (about 250 KB of the hook's 550 KB); automode
 * only ever shows zod's English messages, which zod installs itself. Parsing the rest cost
 * the hook ~25 ms of CPU per tool call.
 */
const englishOnlyZod = {
  name: "english-only-zod",
  setup(b) {
    b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
    }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source"],
  external: ["tree-sitter", "tree-sitter-bash"],
  sourcemap: false,
  legalComments: "none",
  plugins: [englishOnlyZod],
  logLevel: "warning",
  // ESM builds first: jsonc-parser's UMD main requires its modules by computed paths.
  mainFields: ["module", "main"],
  // Bundled CommonJS dependencies may call require(); give ESM output one.
  banner: {
    js: 'import { createRequire as __automodeCreateRequire } from "node:module"; const require = __automodeCreateRequire(import.meta.url);',
  },
};

await build({
  ...common,
  entryPoints: { hook: "src/hook-entry.ts" },
  outdir: "dist",
  minify: true,
});
await build({ ...common, entryPoints: { automode: "src/cli.ts" }, outdir: "dist" });
