import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests run the built CLI (bin/automode.js → dist/*.js). The bundles are built
 * from the workspace packages' sources, so no other package's dist/ is needed. The audit
 * signing key and signed heads go to a config folder of the run's own (the CLI processes
 * inherit AUTOMODE_CONFIG_DIR), never the user's, and it is removed afterwards.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, ["scripts/bundle.mjs"], { cwd: root, stdio: "inherit" });
  const config = mkdtempSync(join(tmpdir(), "automode-e2e-config-"));
  process.env.AUTOMODE_CONFIG_DIR = config;
  return () => rmSync(config, { recursive: true, force: true });
}
