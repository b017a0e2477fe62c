import { setTimeout as sleep } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { AuditError } from "./errors.js";

export interface LockOptions {
  /**
   * A lock whose directory has not been refreshed for this long belongs to a dead writer
   * and is taken over (proper-lockfile's minimum is 2000 ms). Default 5000 ms: an append
   * holds the lock for well under a millisecond, the holder refreshes the mtime every
   * `stale / 2`, so only a crashed (or SIGSTOPped) writer ever looks stale.
   */
  staleMs?: number;
  /** Give up (and throw, failing closed) after waiting this long. Default 10,000 ms. */
  timeoutMs?: number;
}

export const defaultLockOptions: Required<LockOptions> = { staleMs: 5000, timeoutMs: 10_000 };

/**
 * Runs `critical` while holding `<file>.lock`, an atomic `mkdir` shared by every process on
 * the machine. Attempts are our own loop rather than proper-lockfile's `retries`, so the
 * wait is bounded by time, not by a count (and proper-lockfile refuses retries in its sync API): short jittered sleeps (1–8 ms, growing) keep the
 * hand-off quick in a storm of 16 hooks without them polling in lockstep.
 */
export async function withLock<T>(
  file: string,
  options: LockOptions,
  critical: () => T,
): Promise<T> {
  const { staleMs, timeoutMs } = { ...defaultLockOptions, ...options };
  const deadline = Date.now() + timeoutMs;
  let compromised: Error | undefined;
  let release: (() => void) | undefined;
  for (let attempt = 0; release === undefined; attempt++) {
    try {
      // The synchronous API: one mkdir (and a stat of it) with no event-loop round trips,
      // which halves an uncontended append; waiting between attempts stays asynchronous.
      release = lockfile.lockSync(file, {
        realpath: false, // the log may not exist yet; the lock path is `<file>.lock` as given
        stale: staleMs,
        onCompromised: (err) => {
          // The default throws from a timer and kills the process; record it instead.
          compromised = err;
        },
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ELOCKED") {
        throw new AuditError(`cannot lock ${file}.lock: ${(err as Error).message}`, "io", {
          cause: err,
        });
      }
      if (Date.now() >= deadline) {
        throw new AuditError(
          `timed out after ${timeoutMs} ms waiting for ${file}.lock`,
          "lock-timeout",
        );
      }
      const cap = Math.min(8, 1 + attempt);
      await sleep(1 + Math.floor(Math.random() * cap));
    }
  }
  let result: T;
  try {
    result = critical();
  } finally {
    try {
      release();
    } catch {
      // Released already (compromised): reported below.
    }
  }
  if (compromised) {
    throw new AuditError(
      `lock on ${file} was taken over while held (${compromised.message}); run verify`,
      "lock-compromised",
    );
  }
  return result;
}
