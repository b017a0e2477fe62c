import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests run the built CLI (bin/automode.js → dist/*.js). The bundles are built
 * from the workspace packages' sources, so no other package's dist/ is needed.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, ["scripts/bundle.mjs"], { cwd: root, stdio: "inherit" });
}
