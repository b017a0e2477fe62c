import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { capEntry } from "./caps.js";
import { AuditError } from "./errors.js";
import { genesis, recordHash, recordLine, sha256 } from "./hash.js";
import { defaultLockOptions, type LockOptions, withLock } from "./lock.js";
import {
  type CheckpointRecord,
  type DecisionEntry,
  type DecisionRecord,
  decisionEntrySchema,
  formatVersion,
  type RecoveryRecord,
} from "./schema.js";
import {
  type CheckpointBody,
  keepHead,
  keptHeadPath,
  readKeptHead,
  type Signer,
  type SigningOptions,
  signCheckpoint,
  signerFor,
} from "./signing.js";
import { readTail, type Tail } from "./tail.js";

export interface AppendOptions {
  /** fsync the log (and a moved-aside tail) before returning. Default false. */
  durable?: boolean;
  /** Redact secrets before hashing (SPEC section 6, `audit.redact`). Default true. */
  redact?: boolean;
  lock?: LockOptions;
  /**
   * Sign the log's head with the user's Ed25519 key (SPEC section 6): after every append the
   * signed head is kept in the config folder, and a checkpoint record is written into the
   * log every `every` records. Default on, with the default config folder; `false` turns it
   * off (a log written so is checked by `verifyLog` for internal consistency only).
   */
  sign?: SigningOptions | false;
}

export interface AppendResult {
  record: DecisionRecord;
  /** Present when this append found a partial last line and moved it aside first. */
  recovery?: RecoveryRecord;
  /** Checkpoint records written in the same write (before or after this record). */
  checkpoints?: CheckpointRecord[];
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

function chain<T extends DecisionRecord | RecoveryRecord | CheckpointRecord>(
  body: Omit<T, "hash">,
): T {
  return { ...body, hash: recordHash(body) } as T;
}

/** Why a file at the log's name must not be written, or undefined when it is a plain log file. */
function unsafeLog(st: { isFile(): boolean; nlink: number }): string | undefined {
  if (!st.isFile()) return "is not a regular file";
  // Another name for the same file (a hard link made to a project file or an outside one):
  // writing would change that file too.
  if (st.nlink > 1) return `has ${st.nlink} names (hard links): writing would change another file`;
  return undefined;
}

/**
 * Opens the log for appending without ever following a symlink at its name (`O_NOFOLLOW`:
 * a link there makes the open fail, so its target is neither truncated nor written), and
 * refuses anything but a regular file with one name.
 */
function openLog(file: string): number {
  let fd: number;
  try {
    fd = openSync(
      file,
      constants.O_RDWR |
        constants.O_APPEND |
        constants.O_CREAT |
        constants.O_NONBLOCK |
        (constants.O_NOFOLLOW ?? 0),
      0o600,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOOP") {
      throw new AuditError(
        `the audit log ${file} is a symbolic link; automode never writes through one (its target is left untouched): remove the link, then check the log with automode audit verify`,
        "unsafe-path",
      );
    }
    throw err;
  }
  const why = unsafeLog(fstatSync(fd));
  if (why !== undefined) {
    closeSync(fd);
    throw new AuditError(
      `the audit log ${file} ${why}; automode refuses to write it`,
      "unsafe-path",
    );
  }
  return fd;
}

/** What the signing part of one locked append knows. */
interface Signing {
  signer: Signer;
  /** Seq of the last checkpoint record in the log (0: none). */
  mark: number;
}

function checkpointRecord(
  signer: Signer,
  seq: number,
  at: number,
  head: string,
  prev: string,
): CheckpointRecord {
  const body: CheckpointBody = { at, every: signer.every, head, key: signer.keyId };
  return chain<CheckpointRecord>({
    v: formatVersion,
    seq,
    ts: new Date().toISOString(),
    event: "checkpoint",
    checkpoint: { ...body, sig: signCheckpoint(signer, body) },
    prev,
  });
}

/**
 * The critical section, synchronous on purpose: nothing else in this process can run
 * between reading the last hash and appending, and the lock's refresh timer cannot fire
 * mid-way. One `write` per call through an `O_APPEND` descriptor: a record is never split
 * across writes (the recovery record, checkpoint records and an `AuditWriter` batch travel
 * in the same one). With a signer, the head the key last signed for this log is compared with
 * the log's: a difference (a truncated, rewritten or foreign-appended log) gets a checkpoint
 * record naming the head the key last signed, so verify with the key reports it, and the
 * new head is signed and kept after the write.
 */
function appendLocked(
  file: string,
  entries: DecisionEntry[],
  durable: boolean,
  signer: Signer | undefined,
): AppendResult[] {
  const fd = openLog(file);
  try {
    const size = fstatSync(fd).size;
    const tail = readTail(fd, size);
    let seq = (tail.head?.seq ?? 0) + 1;
    let prev = tail.head?.hash ?? genesis;
    let recovery: RecoveryRecord | undefined;
    const lines: string[] = [];
    const checkpoints: CheckpointRecord[][] = entries.map(() => []);
    let signing: Signing | undefined;
    const kept = signer && readKeptHead(keptHeadPath(signer.dir, file));
    if (signer) signing = { signer, mark: kept?.mark ?? 0 };
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
    const addCheckpoint = (into: CheckpointRecord[], at: number, head: string) => {
      if (!signing) return;
      const cp = checkpointRecord(signing.signer, seq, at, head, prev);
      lines.push(recordLine(cp));
      into.push(cp);
      signing.mark = seq;
      seq += 1;
      prev = cp.hash;
    };
    if (
      kept !== undefined &&
      (kept.seq !== (tail.head?.seq ?? 0) || kept.hash !== (tail.head?.hash ?? genesis))
    ) {
      // The log is not what this key last signed: say so in the log, signed.
      addCheckpoint(checkpoints[0] ?? [], kept.seq, kept.hash);
    }
    const results: AppendResult[] = entries.map((entry, i) => {
      const record = chain<DecisionRecord>({ ...entry, seq, prev });
      lines.push(recordLine(record));
      seq += 1;
      prev = record.hash;
      if (signing && record.seq - signing.mark >= signing.signer.every) {
        addCheckpoint(checkpoints[i]!, record.seq, record.hash);
      }
      const result: AppendResult = i === 0 && recovery ? { record, recovery } : { record };
      if (checkpoints[i]!.length > 0) result.checkpoints = checkpoints[i];
      return result;
    });
    writeAll(fd, Buffer.from(`${lines.join("\n")}\n`, "utf8"));
    if (durable) fsyncSync(fd);
    if (signing) {
      keepHead(
        signing.signer,
        { log: file, seq: seq - 1, hash: prev, mark: signing.mark, ts: new Date().toISOString() },
        durable,
      );
    }
    return results;
  } finally {
    closeSync(fd);
  }
}

function validEntry(entry: DecisionEntry, redact: boolean): DecisionEntry {
  // Validated before capping (which relies on the shape), so an oversized value is cut, never refused.
  const parsed = decisionEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuditError(
      `invalid audit entry at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
      "invalid-entry",
    );
  }
  return capEntry(parsed.data as DecisionEntry, redact);
}

/**
 * The log's path with its folder created and checked: the folder itself must be a real
 * folder, not a symlink (a link there would move the log, and its lock, wherever it points).
 * Folders above it may be links (a symlinked checkout, macOS's /tmp): they are resolved, so
 * that two spellings of the same log share one lock and one kept checkpoint.
 */
export function logPath(file: string): string {
  const absolute = resolve(file);
  const folder = dirname(absolute);
  mkdirSync(folder, { recursive: true });
  if (!lstatSync(folder).isDirectory()) {
    throw new AuditError(
      `the audit log's folder ${folder} is a symbolic link (or not a folder); automode never writes through one: make it a real folder`,
      "unsafe-path",
    );
  }
  return join(realpathSync(folder), basename(absolute));
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
    // Loaded (or created) before the lock: the first use generates the key pair.
    const signer = options.sign === false ? undefined : signerFor(options.sign ?? {});
    return await withLock(path, options.lock ?? defaultLockOptions, () =>
      appendLocked(path, entries, options.durable ?? false, signer),
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
