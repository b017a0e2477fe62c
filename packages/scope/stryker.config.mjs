import { strykerConfig } from "../../stryker.shared.mjs";

// The files of issue 21: gitignore matching, containment, path keys, protected locations.
export default strykerConfig({
  mutate: ["src/gitignore/*.ts", "src/contains.ts", "src/keys.ts", "src/locations.ts"],
  breakAt: 85,
  vitestConfig: "vitest.mutation.config.ts",
});
