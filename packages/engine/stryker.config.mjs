import { strykerConfig } from "../../stryker.shared.mjs";

// The decision pipeline (issue 21). The shell tables (src/shell/) are not mutated yet.
export default strykerConfig({
  mutate: ["src/pipeline/**/*.ts"],
  breakAt: 80,
});
