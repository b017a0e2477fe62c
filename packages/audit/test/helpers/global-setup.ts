import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every writer in the tests (and the processes they start) signs with a key in a config
 * folder of its own, never the user's: set before the test workers start, removed after.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "audit-test-config-"));
  process.env.AUTOMODE_CONFIG_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
