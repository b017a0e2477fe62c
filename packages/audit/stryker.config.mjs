import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  mutate: ["src/**/*.ts", "!src/index.ts"],
  breakAt: 85,
  vitestConfig: "vitest.mutation.config.ts",
});
