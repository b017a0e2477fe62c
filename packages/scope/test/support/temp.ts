import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh real folder (its real path, so `/tmp` links on macOS do not confuse a test). */
export function tempDir(prefix = "scope-"): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Writes files and folders: names ending in `/` are folders, others files. */
export function makeTree(root: string, entries: readonly string[]): void {
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (entry.endsWith("/")) fs.mkdirSync(full, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, "x");
    }
  }
}

/**
 * Waits past the file system's clock tick (a few ms), so that answers about a tree just made
 * can be kept (a scope given `containsRacyMilliseconds: 20`) and a change made afterwards gets
 * other times than the ones recorded. Setup, not an assertion on time.
 */
export function settle(ms = 60): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
