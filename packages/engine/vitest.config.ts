import { configDefaults, defineConfig } from "vitest/config";
import { shared } from "../../vitest.shared.js";

/**
 * The whole suite runs twice, once on each bash parser (the native tree-sitter binding and
 * its WebAssembly build), so the fallback is as tested as the default. The setup file readies
 * the parser AUTOMODE_PARSER names before any test file builds an engine synchronously.
 */
const onParser = (parser: "native" | "wasm") => ({
  extends: true as const,
  test: {
    name: parser,
    env: { AUTOMODE_PARSER: parser },
    setupFiles: ["test/parser-setup.ts"],
    // parsers.test.ts compares the two parsers itself (each named explicitly): once is enough.
    ...(parser === "wasm"
      ? { exclude: [...configDefaults.exclude, "test/shell/parsers.test.ts"] }
      : {}),
  },
});

export default defineConfig({
  ...shared,
  test: { ...shared.test, projects: [onParser("native"), onParser("wasm")] },
});
