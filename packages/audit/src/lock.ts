import { mkdirSync, rmdirSync, statSync } from "node:fs";
import { AuditError } from "./errors.js";

export interface LockOptions {
  /**
   * A lock whose directory has not been refreshed for this long belongs to a dead writer
   * and is taken over (proper-lockfile's rule). Default 5000 ms: an append holds the lock
   * for well under a millisecond, so only a crashed (or SIGSTOPped) writer ever looks stale.
   */
  staleMs?: number;
  /** Give up (and throw, failing closed) after waiting this long. Default 10,000 ms. */
  timeoutMs?: number;
}

// A plain timer: node:timers/promises would cost every hook process ~3 ms to load, for a wait
// that only a contended append ever takes.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const defaultLockOptions: Required<LockOptions> = { staleMs: 5000, timeoutMs: 10_000 };

/**
 * Takes `<file>.lock` once, synchronously: proper-lockfile's protocol (an atomic `mkdir`; a lock
 * directory whose mtime is older than `staleMs` is removed and taken over) without loading it
 * and graceful-fs (~15 ms of the hook's start). The hold is synchronous (`critical` returns
 * before the lock is released, with no event-loop turn), so there is no mtime to refresh while
 * held: proper-lockfile's update timer could not fire inside it either. Returns the release, or
 * undefined when someone else holds a fresh lock.
 */
function tryLock(lock: string, staleMs: number): (() => void) | undefined {
  for (let takeover = 0; takeover < 2; takeover++) {
    try {
      mkdirSync(lock);
      return () => rmdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let mtime: number;
    try {
      mtime = statSync(lock).mtimeMs;
    } catch (err) {
      // Released between our mkdir and stat: try again.
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    if (mtime >= Date.now() - staleMs) return undefined;
    try {
      rmdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  return undefined;
}

/**
 * Runs `critical` while holding `<file>.lock`, an atomic `mkdir` shared by every process on
 * the machine. Attempts are bounded by time, not by a count: short jittered sleeps (1–8 ms,
 * growing) keep the hand-off quick in a storm of 16 hooks without them polling in lockstep.
 */
export async function withLock<T>(
  file: string,
  options: LockOptions,
  critical: () => T,
): Promise<T> {
  const { staleMs, timeoutMs } = { ...defaultLockOptions, ...options };
  const deadline = Date.now() + timeoutMs;
  const lock = `${file}.lock`;
  let release: (() => void) | undefined;
  for (let attempt = 0; release === undefined; attempt++) {
    try {
      release = tryLock(lock, staleMs);
    } catch (err) {
      throw new AuditError(`cannot lock ${lock}: ${(err as Error).message}`, "io", {
        cause: err,
      });
    }
    if (release !== undefined) break;
    if (Date.now() >= deadline) {
      throw new AuditError(`timed out after ${timeoutMs} ms waiting for ${lock}`, "lock-timeout");
    }
    const cap = Math.min(8, 1 + attempt);
    await sleep(1 + Math.floor(Math.random() * cap));
  }
  let released = false;
  let result: T;
  try {
    result = critical();
  } finally {
    try {
      release();
      released = true;
    } catch {
      // Reported below (when `critical` itself succeeded).
    }
  }
  if (!released) {
    // Someone removed our lock while we held it (taken over as stale): the log may hold
    // another writer's line in between; say so, as proper-lockfile's onCompromised did.
    throw new AuditError(
      `lock on ${file} was taken over while held (the lock directory was gone at release); run verify`,
      "lock-compromised",
    );
  }
  return result;
}
