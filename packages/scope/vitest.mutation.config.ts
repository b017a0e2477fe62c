import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// The suite Stryker runs per mutant (stryker.config.mjs): everything but the three randomised
// differential tests, which take half a minute each on a shared 2-core machine and would cover
// every mutant of the matcher. They still run in `pnpm test`; the mutants they would kill are
// pinned by the targeted tests (test/*-contract.test.ts).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        "test/git-differential.test.ts",
        "test/contains-pruned.test.ts",
        "test/proc-paths.test.ts",
      ],
    },
  }),
);
