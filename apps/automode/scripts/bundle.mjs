// Bundles the CLI into dist/ with esbuild, from the workspace packages' TypeScript sources
// (the "source" export condition), so a run loads one file and `automode demo` works after
// a plain build. tree-sitter's native addon cannot be bundled: the engine loads it with
// createRequire, and it resolves from this package's own dependencies.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

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
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  conditions: ["source"],
  external: ["tree-sitter", "tree-sitter-bash", "web-tree-sitter"],
  // ESM builds first: jsonc-parser's UMD main requires its modules by computed paths.
  mainFields: ["module", "main"],
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  plugins: [englishOnlyZod],
};

// The hook: CommonJS, so bin/load-hook.js can compile it with V8's code cache (Node 20 has no
// code cache for ES modules). `import.meta.url` becomes the bundle's own URL.
await build({
  ...common,
  entryPoints: ["src/hook-entry.ts"],
  outfile: "dist/hook.cjs",
  format: "cjs",
  minify: true,
  define: { "import.meta.url": "__automodeUrl" },
  banner: { js: 'var __automodeUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// The hook's thin client: asks a running `automode serve` first. Node's own modules only, so
// a tool call answered by the server never loads the hook bundle above.
await build({
  ...common,
  plugins: [],
  external: [],
  entryPoints: ["src/serve/client.ts"],
  outfile: "dist/hook-client.cjs",
  format: "cjs",
  minify: true,
});

// Every other command: one ES module; its commands load lazily inside it.
await build({
  ...common,
  entryPoints: { automode: "src/cli.ts" },
  outdir: "dist",
  format: "esm",
  // Bundled CommonJS dependencies may call require(); give the ES module one.
  banner: {
    js: 'import { createRequire as __automodeCreateRequire } from "node:module"; const require = __automodeCreateRequire(import.meta.url);',
  },
});

// Warm the hook on a copy of the sample project and save the code cache it compiled. The cache
// only saves time: when warming fails the hook runs without it, so the build goes on.
const { hookCache, loadHook } = createRequire(import.meta.url)("../bin/load-hook.js");
rmSync(hookCache, { force: true });
const work = mkdtempSync(join(tmpdir(), "automode-build-"));
// The warm-up appends signed audit records: with a throwaway key, never the builder's.
const configDir = process.env.AUTOMODE_CONFIG_DIR;
process.env.AUTOMODE_CONFIG_DIR = join(work, "config");
try {
  const project = join(work, "invoice-kit");
  cpSync(join(root, "sample-project"), project, { recursive: true });
  const hook = loadHook();
  await hook.exports.warm(project, join(work, "audit.jsonl"));
  hook.writeCache();
} catch (error) {
  process.stderr.write(
    `automode build: no code cache for the hook (${error.message.split("\n")[0]})\n`,
  );
} finally {
  if (configDir === undefined) delete process.env.AUTOMODE_CONFIG_DIR;
  else process.env.AUTOMODE_CONFIG_DIR = configDir;
  rmSync(work, { recursive: true, force: true });
}
