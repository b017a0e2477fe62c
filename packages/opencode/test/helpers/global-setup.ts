import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The audit writer signs with a key in a config folder of the run's own, never the user's. */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "opencode-test-config-"));
  process.env.AUTOMODE_CONFIG_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
