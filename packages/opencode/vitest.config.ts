import { defineConfig } from "vitest/config";
import { shared } from "../../vitest.shared.js";

export default defineConfig({
  ...shared,
  test: { ...shared.test, globalSetup: ["test/helpers/global-setup.ts"] },
});
