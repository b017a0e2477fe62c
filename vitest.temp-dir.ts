import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup shared by every package: the run gets a temp folder of its own, made
 * the TMPDIR of the test workers and of every process they start (os.tmpdir() reads it), and
 * removed when the run ends. A helper that forgets to clean up, a test that fails before its
 * cleanup, a killed child's leftovers: none of it outlives the run. Before this, one run left
 * about 200 folders in /tmp.
 */
export default function setup(): () => void {
  // Only tests read it, and a run's result never depends on where its temp folder is, so
  // turbo's cache need not know it.
  const env = process.env;
  const previous = env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "automode-test-run-"));
  env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete env.TMPDIR;
    else env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
