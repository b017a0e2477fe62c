import { defineConfig } from "vitest/config";
import { shared } from "../../vitest.shared.js";

// Only this package's tests: the sample project ships test files of its own.
export default defineConfig({
  ...shared,
  test: { ...shared.test, include: ["test/**/*.test.ts"] },
});
