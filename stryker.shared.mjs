// Shared StrykerJS settings (issue 21): each package runs Stryker against its own vitest suite,
// with a `mutate` list of the files it owns. See docs/mutation-testing.md.

/**
 * @param {{ mutate: string[], breakAt: number, vitestConfig?: string }} options
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig({ mutate, breakAt, vitestConfig = "vitest.config.ts" }) {
  return {
    packageManager: "pnpm",
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner"],
    vitest: { configFile: vitestConfig },
    // Each mutant runs only the tests that reach its code.
    coverageAnalysis: "perTest",
    // The packages' vitest configs import ../../vitest.shared.js, which a sandbox copy under
    // .stryker-tmp/ would not find, so mutants are written in place; Stryker puts every file
    // back when the run ends (also on Ctrl-C). Never commit during a run.
    inPlace: true,
    // 2 cores shared by the whole machine: one test process at a time.
    concurrency: 1,
    // Added to each mutant's expected time: a mutant that loops (a timeout counts as killed) costs
    // this much, and the shared machine makes expected times noisy.
    timeoutMS: 10_000,
    mutate,
    // Module-level constants would need every test per mutant; their behaviour is covered by
    // the tests of the functions that read them.
    ignoreStatic: true,
    thresholds: { high: 90, low: breakAt, break: breakAt },
    // Kept out of git (.gitignore): a local cache, like turbo's. `--incremental` reuses it.
    incrementalFile: "reports/mutation/incremental.json",
    reporters: ["clear-text", "progress-append-only", "json"],
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    clearTextReporter: { allowColor: false, logTests: false },
    tempDirName: ".stryker-tmp",
    cleanTempDir: "always",
  };
}
