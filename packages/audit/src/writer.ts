import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { AuditError } from "./errors.js";
import { genesis, recordHash, recordLine, sha256 } from "./hash.js";
import { defaultLockOptions, type LockOptions, withLock } from "./lock.js";
import { redactEntry } from "./record.js";
import {
  type DecisionEntry,
  type DecisionRecord,
  decisionEntrySchema,
  formatVersion,
  type RecoveryRecord,
} from "./schema.js";
import { readTail, type Tail } from "./tail.js";

export interface AppendOptions {
  /** fsync the log (and a moved-aside tail) before returning. Default false. */
  durable?: boolean;
  /** Redact secrets before hashing (SPEC section 6, `audit.redact`). Default true. */
  redact?: boolean;
  lock?: LockOptions;
}

export interface AppendResult {
  record: DecisionRecord;
  /** Present when this append found a partial last line and moved it aside first. */
  recovery?: RecoveryRecord;
}

function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

function readRange(fd: number, start: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/**
 * Copies the bad tail to `<file>.partial-<time>-<pid>` (created exclusively, never
 * overwriting), fsyncs the copy, and only then cuts it from the log: a crash in between
 * leaves the bytes in both places, never in neither.
 */
function moveAside(
  fd: number,
  file: string,
  tail: Tail,
  size: number,
  ts: string,
): RecoveryRecord["recovery"] {
  const bytes = readRange(fd, tail.goodEnd, size - tail.goodEnd);
  const stamp = ts.replace(/[:.]/g, "-");
  let aside = `${file}.partial-${stamp}-${process.pid}`;
  let out: number | undefined;
  for (let n = 1; out === undefined; n++) {
    try {
      out = openSync(aside, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || n > 100) throw err;
      aside = `${file}.partial-${stamp}-${process.pid}-${n}`;
    }
  }
  try {
    writeAll(out, bytes);
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
  ftruncateSync(fd, tail.goodEnd);
  return {
    file: basename(aside),
    offset: tail.goodEnd,
    bytes: bytes.length,
    sha256: sha256(bytes),
    reason: tail.badReason ?? "not an audit record",
  };
}

function chain<T extends DecisionRecord | RecoveryRecord>(body: Omit<T, "hash">): T {
  return { ...body, hash: recordHash(body) } as T;
}

/**
 * The critical section, synchronous on purpose: nothing else in this process can run
 * between reading the last hash and appending, and the lock's refresh timer cannot fire
 * mid-way. One `write` per call through an `O_APPEND` descriptor: a record is never split
 * across writes (the recovery record, and an `AuditWriter` batch, travel in the same one).
 */
function appendLocked(file: string, entries: DecisionEntry[], durable: boolean): AppendResult[] {
  const fd = openSync(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o600);
  try {
    const size = fstatSync(fd).size;
    const tail = readTail(fd, size);
    let seq = (tail.head?.seq ?? 0) + 1;
    let prev = tail.head?.hash ?? genesis;
    let recovery: RecoveryRecord | undefined;
    const lines: string[] = [];
    if (tail.badReason !== undefined) {
      const now = new Date().toISOString(); // when the recovery happened, not the decision
      recovery = chain<RecoveryRecord>({
        v: formatVersion,
        seq,
        ts: now,
        event: "recovery",
        recovery: moveAside(fd, file, tail, size, now),
        prev,
      });
      lines.push(recordLine(recovery));
      seq += 1;
      prev = recovery.hash;
    }
    const results: AppendResult[] = entries.map((entry, i) => {
      const record = chain<DecisionRecord>({ ...entry, seq, prev });
      lines.push(recordLine(record));
      seq += 1;
      prev = record.hash;
      return i === 0 && recovery ? { record, recovery } : { record };
    });
    writeAll(fd, Buffer.from(`${lines.join("\n")}\n`, "utf8"));
    if (durable) fsyncSync(fd);
    return results;
  } finally {
    closeSync(fd);
  }
}

function validEntry(entry: DecisionEntry, redact: boolean): DecisionEntry {
  const parsed = decisionEntrySchema.safeParse(redact ? redactEntry(entry) : entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuditError(
      `invalid audit entry at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
      "invalid-entry",
    );
  }
  return parsed.data as DecisionEntry;
}

/** The log's path with its folder created and resolved through symlinks. */
function logPath(file: string): string {
  const absolute = resolve(file);
  mkdirSync(dirname(absolute), { recursive: true });
  // The lock is `<path>.lock`: resolve the folder's symlinks so that two spellings of the
  // same log (`.claude/audit.jsonl` through a symlinked checkout) share one lock.
  return join(realpathSync(dirname(absolute)), basename(absolute));
}

/**
 * Appends one decision to the log at `file`, safely against any number of processes doing
 * the same: lock, read the last record from the file's tail, move a torn tail aside, chain,
 * write, (fsync), unlock. Throws `AuditError` rather than write something unverifiable.
 */
export async function appendDecision(
  file: string,
  entry: DecisionEntry,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const [result] = await appendBatch(file, [validEntry(entry, options.redact ?? true)], options);
  return result!;
}

/** Appends already validated and redacted entries under one lock hold, in one write. */
async function appendBatch(
  file: string,
  entries: DecisionEntry[],
  options: AppendOptions,
): Promise<AppendResult[]> {
  try {
    const path = logPath(file);
    return await withLock(path, options.lock ?? defaultLockOptions, () =>
      appendLocked(path, entries, options.durable ?? false),
    );
  } catch (err) {
    if (err instanceof AuditError) throw err;
    throw new AuditError(`cannot append to ${file}: ${(err as Error).message}`, "io", {
      cause: err,
    });
  }
}

interface Pending {
  entry: DecisionEntry;
  resolve: (result: AppendResult) => void;
  reject: (err: unknown) => void;
}

/**
 * A long-lived writer for servers: the guarantees of `appendDecision`, plus group commit.
 * Appends made while a write is in progress wait and then go out together, under one lock
 * hold, in one `write` and (when durable) one `fsync`, in call order. The chain is always
 * re-read from the file under the lock, since other processes append too. An invalid entry
 * is rejected alone, before it can hold up the others.
 */
export class AuditWriter {
  #pending: Pending[] = [];
  #flushing: Promise<void> | undefined;
  #closed = false;

  constructor(
    readonly file: string,
    readonly options: AppendOptions = {},
  ) {}

  append(entry: DecisionEntry): Promise<AppendResult> {
    if (this.#closed) {
      return Promise.reject(new AuditError(`writer for ${this.file} is closed`, "io"));
    }
    let valid: DecisionEntry;
    try {
      valid = validEntry(entry, this.options.redact ?? true);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.#pending.push({ entry: valid, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        const results = await appendBatch(
          this.file,
          batch.map((p) => p.entry),
          this.options,
        );
        for (const [i, p] of batch.entries()) p.resolve(results[i]!);
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.#flushing = undefined;
  }

  /** Waits for queued appends; later appends are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#flushing;
  }
}
