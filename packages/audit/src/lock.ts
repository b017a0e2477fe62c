import { randomBytes } from "node:crypto";
import {
  type BigIntStats,
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmdirSync,
  type Stats,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { AuditError } from "./errors.js";

export interface LockOptions {
  /**
   * A lock older than this is taken over even when its owner's pid is alive (the pid may have
   * been reused, or the owner is on another host). Default 5000 ms: an append holds the lock
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

/** What a writer puts in the lock file it holds. */
interface Owner {
  pid: number;
  host: string;
}

const host = hostname();
/** Owner files are tiny; anything longer is not one of ours. */
const maxOwnerBytes = 512;

/** The identity of the lock file this process created (device, inode, change time). */
interface Held {
  dev: bigint;
  ino: bigint;
  ctime: bigint;
}

function sameFile(a: Held, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.ctime === b.ctimeNs;
}

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/**
 * Creates `lock` holding our owner record, atomically: the record is written to a private
 * temporary file first and then hard-linked to the lock's name (`link` fails when the name
 * exists, and never follows a symlink there), so no other writer ever sees a half-written
 * lock. Returns what identifies our lock file, or undefined when the name is taken.
 */
function create(lock: string): Held | undefined {
  const tmp = `${lock}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o600,
  );
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host } satisfies Owner));
    let linked = true;
    try {
      linkSync(tmp, lock);
    } catch (err) {
      if (errno(err) !== "EEXIST") throw err;
      linked = false;
    }
    unlinkSync(tmp);
    if (!linked) return undefined;
    // After the unlink: link counts are part of the change time, so this is the final one.
    const st = fstatSync(fd, { bigint: true });
    return { dev: st.dev, ino: st.ino, ctime: st.ctimeNs };
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
    throw err;
  } finally {
    closeSync(fd);
  }
}

/**
 * The owner record of the lock file `st` describes: `undefined` when it is not one of ours
 * (garbage), `"changed"` when the name no longer holds that file (released or replaced since
 * the lstat: look again rather than judge a file we did not read).
 */
function readOwner(lock: string, st: Stats): Owner | "changed" | undefined {
  let fd: number;
  try {
    fd = openSync(lock, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | constants.O_NONBLOCK);
  } catch {
    return "changed";
  }
  try {
    const now = fstatSync(fd);
    if (now.ino !== st.ino || now.dev !== st.dev) return "changed";
    const buf = Buffer.alloc(maxOwnerBytes + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n > maxOwnerBytes) return undefined;
    const parsed: unknown = JSON.parse(buf.toString("utf8", 0, n));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { pid, host: owner } = parsed as Record<string, unknown>;
    if (typeof pid !== "number" || !Number.isSafeInteger(pid) || pid < 1) return undefined;
    if (typeof owner !== "string") return undefined;
    return { pid, host: owner };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Signal 0 checks that a process exists without touching it (EPERM: it exists, another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errno(err) === "EPERM";
  }
}

/** The lock a waiter last judged alive, so the next poll costs one `lstat` (and one `kill 0`). */
interface Seen {
  dev: number;
  ino: number;
  mtimeMs: number;
  /** The owner's pid when it is on this host, to notice at once that it died. */
  pid: number | undefined;
}

/**
 * Whether the lock at `lock` (already lstat'ed) may be taken over now; false while its owner
 * may still be writing. Ours are regular files holding `{pid, host}`: one whose pid is gone
 * on this host is stale at once, any one older than `staleMs` too (pid reuse, another host).
 * Anything else there (garbage, an empty file, a directory from an older automode or planted
 * by someone, a FIFO) is foreign and taken over at once: a real writer's lock never looks
 * like that, not even for an instant, since it appears whole through `link`.
 */
function stale(lock: string, st: Stats, staleMs: number, seen: { last?: Seen }): boolean {
  const age = Date.now() - st.mtimeMs;
  const old = age > staleMs || age < -staleMs;
  const last = seen.last;
  if (last && last.ino === st.ino && last.dev === st.dev && last.mtimeMs === st.mtimeMs) {
    return old || (last.pid !== undefined && !alive(last.pid));
  }
  if (!st.isFile()) return true;
  const owner = readOwner(lock, st);
  if (owner === "changed") return false; // look again at the next attempt
  if (owner === undefined) return true;
  const local = owner.host === host && owner.pid !== process.pid;
  if (old || (local && !alive(owner.pid))) return true;
  seen.last = { dev: st.dev, ino: st.ino, mtimeMs: st.mtimeMs, pid: local ? owner.pid : undefined };
  return false;
}

/**
 * Removes the lock `st` describes, and only it: the name is renamed aside first (atomic), and
 * the renamed file is checked to be the one judged stale. When another writer took the lock
 * over in between, what was renamed is its fresh lock: it is put back when the name is still
 * free (else that writer's release reports the lock as compromised).
 */
function removeStale(lock: string, st: Stats): void {
  const aside = `${lock}.stale-${process.pid}-${randomBytes(6).toString("hex")}`;
  try {
    renameSync(lock, aside);
  } catch (err) {
    if (errno(err) === "ENOENT") return; // someone else removed it first
    throw err;
  }
  const moved = lstatSync(aside);
  if (moved.ino !== st.ino || moved.dev !== st.dev) {
    try {
      linkSync(aside, lock);
    } catch {
      // The name was taken again meanwhile; nothing more to restore.
    }
  }
  if (moved.isDirectory()) {
    try {
      rmdirSync(aside);
    } catch {
      // Not empty: left next to the log (named .stale-…) for a person to look at.
    }
  } else unlinkSync(aside);
}

/** The clear error for a symlink at the lock's name: it is evidence, never followed or removed. */
function symlinkRefused(lock: string): AuditError {
  return new AuditError(
    `the audit lock ${lock} is a symbolic link; automode never follows or removes one (someone planted it): remove it, then check the log with automode audit verify`,
    "unsafe-path",
  );
}

/**
 * Takes `<file>.lock` once, synchronously. Returns the release, or undefined when a live
 * writer holds it. The first attempt creates right away (the uncontended case); later ones
 * look first, so that a waiter's poll is an `lstat`, not a temporary file.
 */
function tryLock(
  lock: string,
  staleMs: number,
  seen: { last?: Seen },
  first: boolean,
): (() => boolean) | undefined {
  for (let round = 0; round < 3; round++) {
    if (first && round === 0) {
      const held = create(lock);
      if (held !== undefined) return () => release(lock, held);
    }
    let st: Stats;
    try {
      st = lstatSync(lock);
    } catch (err) {
      if (errno(err) !== "ENOENT") throw err;
      const held = create(lock);
      if (held !== undefined) return () => release(lock, held);
      continue;
    }
    if (st.isSymbolicLink()) throw symlinkRefused(lock);
    if (!stale(lock, st, staleMs, seen)) return undefined;
    removeStale(lock, st);
  }
  return undefined;
}

/** Removes our lock file; false when it is no longer ours (taken over while held). */
function release(lock: string, held: Held): boolean {
  let st: BigIntStats;
  try {
    st = lstatSync(lock, { bigint: true });
  } catch {
    return false;
  }
  if (!sameFile(held, st)) return false;
  unlinkSync(lock);
  return true;
}

/**
 * Runs `critical` while holding `<file>.lock`, a lock file created atomically (`link`) and
 * shared by every process on the machine. Attempts are bounded by time, not by a count: short
 * jittered sleeps (1–8 ms, growing) keep the hand-off quick in a storm of 16 hooks without
 * them polling in lockstep.
 */
export async function withLock<T>(
  file: string,
  options: LockOptions,
  critical: () => T,
): Promise<T> {
  const { staleMs, timeoutMs } = { ...defaultLockOptions, ...options };
  const deadline = Date.now() + timeoutMs;
  const lock = `${file}.lock`;
  let releaseLock: (() => boolean) | undefined;
  const seen: { last?: Seen } = {};
  for (let attempt = 0; releaseLock === undefined; attempt++) {
    try {
      releaseLock = tryLock(lock, staleMs, seen, attempt === 0);
    } catch (err) {
      if (err instanceof AuditError) throw err;
      throw new AuditError(`cannot lock ${lock}: ${(err as Error).message}`, "io", {
        cause: err,
      });
    }
    if (releaseLock !== undefined) break;
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
      released = releaseLock();
    } catch {
      // Reported below (when `critical` itself succeeded).
    }
  }
  if (!released) {
    // Someone removed our lock while we held it (taken over as stale): the log may hold
    // another writer's line in between; say so, as proper-lockfile's onCompromised did.
    throw new AuditError(
      `lock on ${file} was taken over while held (the lock file was gone or replaced at release); run verify`,
      "lock-compromised",
    );
  }
  return result;
}
