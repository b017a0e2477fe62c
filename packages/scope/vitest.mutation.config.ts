import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// The suite Stryker runs per mutant (stryker.config.mjs): everything but the randomised
// differential tests and the 1,000-file stat test, which take 7 to 25 seconds each on a shared
// 2-core machine and would cover almost every mutant. They still run in `pnpm test`; targeted
// tests pin what they would catch.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, "test/git-differential.test.ts"],
      testNamePattern:
        /^(?!.*(random trees|stat'ed past the first|agrees on every path it rewrites))/,
    },
  }),
);
