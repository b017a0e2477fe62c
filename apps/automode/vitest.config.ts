import { defineConfig } from "vitest/config";
import { shared, tempDirSetup } from "../../vitest.shared.js";

// Only this package's tests: the sample project ships test files of its own. The end-to-end
// tests run the built CLI; global setup bundles it first.
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    include: ["test/**/*.test.ts"],
    globalSetup: [tempDirSetup, "test/e2e/global-setup.ts"],
  },
});
