import { isUtf8 } from "node:buffer";
import type { KeyObject } from "node:crypto";
import { realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { CanonicalScanner } from "./canonical.js";
import { genesis, recordHash, recordLine } from "./hash.js";
import { type ChainLink, fastDecisionLine } from "./line-check.js";
import { forEachLineBytes, maxLineBytes } from "./lines.js";
import {
  auditRecordSchema,
  type CheckpointRecord,
  checkpointRecordSchema,
  digestPattern,
  formatVersion,
  type Recovery,
  recoverySchema,
} from "./schema.js";
import {
  checkCheckpoint,
  checkKeptHead,
  configDirectory,
  defaultCheckpointEvery,
  keptHeadPath,
  keyIdOf,
  parsePublicKey,
  readKeptHead,
} from "./signing.js";
import { certifyRange, lineAlignedSplits } from "./verify-parallel.js";

export interface RecoveryReport extends Recovery {
  /** 1-based line of the recovery record. */
  line: number;
  seq: number;
  ts: string;
}

export interface VerifyResult {
  /** True when every line is a record and the chain is intact from the genesis to the end. */
  ok: boolean;
  /** Records verified before the first bad line (all of them when ok), checkpoint records included. */
  records: number;
  /** How many of those records are signed checkpoint records (the rest are decisions and recoveries). */
  checkpoints: number;
  /** The first line that breaks the log, 1-based, and why. */
  firstBad?: { line: number; reason: string };
  /** Crash recoveries found in the verified part (a recovery is not a failure). */
  recoveries: RecoveryReport[];
  /** The hash of the last verified record (the genesis for an empty log): pin it elsewhere to detect truncation. */
  head: string;
  /** The seq of the last verified record (0 for an empty log). */
  headSeq: number;
  /**
   * What the signature checks found, when a public key was given; absent otherwise: then only
   * the log's internal consistency was checked (a re-hashed or truncated log passes).
   */
  signature?: SignatureReport;
}

export interface SignatureReport {
  /** The key id (16 hex digits) checked against. */
  key: string;
  /** Checkpoint records verified with the key. */
  checkpoints: number;
  /** The seq of the last record a verified checkpoint record covers (0: none). */
  signedThrough: number;
  /**
   * The head this key last signed for this log, kept in the config folder: `matched` (the log
   * ends exactly there: no truncation), `differs` (a finding in `firstBad`), or `none` (not on
   * this machine: a tail cut back to a checkpoint record cannot be detected).
   */
  kept: "matched" | "differs" | "none";
  /** Where the kept head was looked for. */
  keptFile: string;
}

export interface VerifyOptions {
  /**
   * Check every line against the full record schema besides the chain. Default true, and
   * free: the fast path's pattern is the canonical form of a schema-valid decision record,
   * so `false` is no faster for the writer's lines. `false` checks only what the chain needs
   * (v, seq, prev, hash, canonical form) on lines that are not ordinary decision records.
   */
  schema?: boolean;
  /**
   * Threads to verify with (this one included). Default: the available parallelism (at most
   * 4) for a log of at least `parallelMinBytes` (32 MiB, ≈ 60,000 records: below that,
   * starting workers costs more than they save), else 1. The result is the same.
   */
  threads?: number;
  /**
   * The writer's public key (`ed25519:…` text, PEM, or a KeyObject): also check every
   * checkpoint record's signature, that checkpoints come at least every `every` records, and
   * that the log ends at the head the key last signed (kept in the config folder). Verifying
   * with a key uses one thread.
   */
  key?: KeyObject | string;
  /** The config folder holding the kept heads. Default: `configDirectory()`. */
  configDir?: string;
  /** The kept head file itself (default: looked up in the config folder by the log's path). */
  keptHead?: string;
}

/** The fields the chain needs, checked on every line whatever the options. */
export interface ChainFields {
  v: number;
  seq: number;
  prev: string;
  hash: string;
  event?: unknown;
  recovery?: unknown;
  ts?: unknown;
}

function chainFields(json: unknown): ChainFields | string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "not a JSON object";
  const r = json as Record<string, unknown>;
  if (r.v !== formatVersion) return `v is ${JSON.stringify(r.v)}, not ${formatVersion}`;
  if (typeof r.seq !== "number" || !Number.isSafeInteger(r.seq) || r.seq < 1)
    return "seq is not a positive integer";
  if (typeof r.prev !== "string" || !digestPattern.test(r.prev))
    return "prev is not a sha256 digest";
  if (typeof r.hash !== "string" || !digestPattern.test(r.hash))
    return "hash is not a sha256 digest";
  return r as unknown as ChainFields;
}

interface Link {
  seq: number;
  hash: string;
  prev: string;
}

/**
 * Why `record` (already known to match its own hash) does not continue the chain after
 * `last`, or undefined when it does. When it links to the record before `last`, the line
 * before it was inserted, and that is the line to report.
 */
function linkProblem(
  record: Link,
  last: Link | undefined,
  line: number,
): { line: number; reason: string } | undefined {
  const expectedSeq = (last?.seq ?? 0) + 1;
  const expectedPrev = last?.hash ?? genesis;
  if (record.seq === expectedSeq && record.prev === expectedPrev) return undefined;
  if (last !== undefined && record.prev === last.prev && record.seq === last.seq) {
    return {
      line: line - 1,
      reason: `inserted record: line ${line} (seq ${record.seq}) links past it to the record before`,
    };
  }
  if (record.seq !== expectedSeq) {
    const what =
      record.seq > expectedSeq
        ? "records are missing (deleted or moved) before it"
        : "it is out of order or duplicated";
    return { line, reason: `seq ${record.seq} where ${expectedSeq} was expected: ${what}` };
  }
  return {
    line,
    reason:
      last === undefined
        ? "prev is not the genesis value: the start of the log was removed or replaced"
        : "prev does not match the hash of the previous line: a record was deleted, inserted or reordered",
  };
}

/**
 * The exact (reference) check of one line, and the wording of every rejection: parse, the
 * chain fields, canonical form (the line must be byte for byte what the writer writes:
 * `recordLine` of the parsed record, in valid UTF-8), the schema, the hash. The fast path
 * (`fastDecisionLine`) accepts only lines this accepts; everything else comes here.
 */
export function checkLineExact(
  buf: Buffer,
  start: number,
  end: number,
  terminated: boolean,
  fullSchema: boolean,
  scanner: CanonicalScanner,
): ChainFields | string {
  const text = buf.toString("utf8", start, end);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return terminated
      ? "not valid JSON"
      : "partial last line (no trailing newline): a writer died mid-append; the next append moves it aside";
  }
  if (!terminated) return "partial last line (no trailing newline)";
  const record = chainFields(json);
  if (typeof record === "string") return `not an audit record: ${record}`;
  let written: string | undefined;
  try {
    written = recordLine(record);
  } catch {
    written = undefined; // lone surrogates, say: no canonical form at all
  }
  if (written !== text || !isUtf8(buf.subarray(start, end))) {
    const why = scanner.scanLine(buf, start, end)
      ? "the line is not the record's canonical JSON followed by its hash"
      : scanner.problem;
    return `not canonical JSON (RFC 8785): ${why}`;
  }
  if (fullSchema) {
    const parsed = auditRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `not an audit record: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim();
    }
  }
  if (recordHash(record) !== record.hash)
    return "content does not match its hash: the record was edited";
  return record;
}

/** The verifier's progress: what a sequential pass has established so far. */
interface Progress {
  fullSchema: boolean;
  scanner: CanonicalScanner;
  last: Link | undefined;
  /** Lines consumed (verified) so far: the next line is `line + 1`. */
  line: number;
  records: number;
  checkpoints: number;
  firstBad: { line: number; reason: string } | undefined;
  recoveries: RecoveryReport[];
  signing: SignatureState | undefined;
}

/** Signature checks while the chain is verified (one thread). */
interface SignatureState {
  key: KeyObject;
  keyId: string;
  checkpoints: number;
  lastCheckpoint: number;
  every: number;
  problem: { line: number; reason: string } | undefined;
}

/** Checks one checkpoint record (already part of a valid chain) against the key. */
function checkSigned(sig: SignatureState, line: number, record: CheckpointRecord): void {
  if (sig.problem !== undefined) return;
  const { sig: signature, ...body } = record.checkpoint;
  const at = `line ${line} (checkpoint, seq ${record.seq})`;
  if (body.key !== sig.keyId) {
    sig.problem = {
      line,
      reason: `${at} was signed by another key (${body.key}), not ${sig.keyId}`,
    };
    return;
  }
  if (!checkCheckpoint(sig.key, body, signature)) {
    sig.problem = {
      line,
      reason: `${at}: the signature does not verify with this key: forged or edited`,
    };
    return;
  }
  if (body.at !== record.seq - 1 || body.head !== record.prev) {
    sig.problem = {
      line,
      reason: `${at}: the log was changed outside the writer before this line: the key last signed seq ${body.at} (${body.head.slice(0, 19)}…), but the record before is seq ${record.seq - 1} (${record.prev.slice(0, 19)}…): records were removed, rewritten or appended without the key`,
    };
    return;
  }
  const gap = record.seq - 1 - sig.lastCheckpoint;
  if (sig.lastCheckpoint > 0 && gap > sig.every) {
    sig.problem = {
      line,
      reason: `${at}: ${gap} records since the checkpoint at seq ${sig.lastCheckpoint}, where the writer signs at least every ${sig.every}: records were added without the key, or checkpoints removed`,
    };
    return;
  }
  sig.checkpoints += 1;
  sig.lastCheckpoint = record.seq;
  sig.every = body.every;
}

/** The sequential pass over `range` (all of the file without it), from and into `state`. */
async function verifyLines(
  file: string,
  state: Progress,
  range?: { start: number; end: number },
): Promise<void> {
  const base = state.line;
  const scan = await forEachLineBytes(
    file,
    (buf, start, end, lineNo, terminated) => {
      const line = base + lineNo;
      // Almost every line passes the fast path; the rest (faults, recoveries) take the exact one.
      const quick = terminated ? fastDecisionLine(buf, start, end) : undefined;
      let record: ChainFields | ChainLink;
      if (quick !== undefined) record = quick;
      else {
        const exact = checkLineExact(buf, start, end, terminated, state.fullSchema, state.scanner);
        if (typeof exact === "string") {
          state.firstBad = { line, reason: exact };
          return false;
        }
        record = exact;
      }
      const last = state.last;
      const problem = linkProblem(record, last, line);
      if (problem) {
        if (problem.line < line && last !== undefined) {
          // The previous line was the inserted one: it no longer counts as verified.
          state.records -= 1;
          state.last = { seq: last.seq - 1, hash: last.prev, prev: "" };
          if (state.recoveries.at(-1)?.line === line - 1) state.recoveries.pop();
        }
        state.firstBad = problem;
        return false;
      }
      if (quick === undefined && (record as ChainFields).event === "recovery") {
        const r = record as ChainFields;
        const recovery = recoverySchema.safeParse(r.recovery);
        if (!recovery.success) {
          state.firstBad = { line, reason: "not an audit record: malformed recovery" };
          return false;
        }
        state.recoveries.push({ line, seq: r.seq, ts: String(r.ts), ...recovery.data });
      }
      if (buf[start + 2] === 0x63 /* {"c(heckpoint) */) {
        state.checkpoints += 1;
        if (state.signing !== undefined) {
          const parsed = checkpointRecordSchema.safeParse(
            JSON.parse(buf.toString("utf8", start, end)),
          );
          if (parsed.success) checkSigned(state.signing, line, parsed.data);
        }
      }
      state.last = { seq: record.seq, hash: record.hash, prev: record.prev };
      state.records += 1;
      state.line = line;
      return true;
    },
    range,
  );
  if (scan.tooLong !== undefined && state.firstBad === undefined) {
    state.firstBad = {
      line: base + scan.tooLong,
      reason: `line longer than ${maxLineBytes} bytes`,
    };
  }
}

/** Below this size one thread verifies faster than starting workers (measured: see the README). */
export const parallelMinBytes = 32 * 1024 * 1024;

/**
 * Verifies the log at `file` in one streaming pass (constant memory): every line must be
 * exactly the writer's serialisation of a record (RFC 8785 canonical JSON without `hash`,
 * then `hash` as the last member), match its own hash (edits), be a valid record (schema,
 * unless `schema: false`), and link to the line before by `seq` and `prev` (deletions,
 * insertions, swaps). Stops at the first bad line.
 *
 * A large log is split into byte ranges at line starts: worker threads certify the ordinary
 * lines of the later ranges (fast path, links inside the range) while this thread verifies
 * the first; then this thread stitches the ranges in order (the link across each boundary)
 * and verifies itself whatever a worker did not certify, so the result, first bad line
 * included, is the sequential pass's.
 */
export async function verifyLog(file: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const key =
    options.key === undefined
      ? undefined
      : typeof options.key === "string"
        ? parsePublicKey(options.key)
        : options.key;
  const state: Progress = {
    fullSchema: options.schema ?? true,
    scanner: new CanonicalScanner(),
    last: undefined,
    line: 0,
    records: 0,
    checkpoints: 0,
    firstBad: undefined,
    recoveries: [],
    signing:
      key === undefined
        ? undefined
        : {
            key,
            keyId: keyIdOf(key),
            checkpoints: 0,
            lastCheckpoint: 0,
            every: defaultCheckpointEvery,
            problem: undefined,
          },
  };
  // Read before the log, so that an append made while verifying is not taken for a cut tail.
  const keptFile =
    key === undefined
      ? undefined
      : (options.keptHead ?? keptHeadPath(options.configDir ?? configDirectory(), realLog(file)));
  const keptBefore = keptFile === undefined ? undefined : readKeptHead(keptFile);
  const size = (await stat(file)).size;
  const threads =
    key !== undefined
      ? 1
      : Math.max(
          1,
          Math.floor(
            options.threads ?? (size >= parallelMinBytes ? Math.min(availableParallelism(), 4) : 1),
          ),
        );
  if (threads === 1 || size === 0) await verifyLines(file, state);
  else {
    const splits = await lineAlignedSplits(file, size, threads);
    const workers = splits.slice(1, -1).map((start, k) => ({
      start,
      end: splits[k + 2]!,
      ...certifyRange(file, start, splits[k + 2]!),
    }));
    try {
      await verifyLines(file, state, { start: 0, end: splits[1]! });
      for (const range of workers) {
        if (state.firstBad !== undefined) break;
        const report = await range.report;
        let from = range.start;
        if (report.first !== null && report.last !== null && report.lines > 0) {
          // The certified lines count only if the first of them continues the chain.
          if (linkProblem(report.first, state.last, state.line + 1) === undefined) {
            state.records += report.lines;
            state.checkpoints += report.checkpoints;
            state.line += report.lines;
            state.last = { seq: report.last.seq, hash: report.last.hash, prev: report.last.prev };
            from = report.stop ?? range.end;
          }
        }
        // What the worker did not certify (or a broken boundary): this thread decides.
        if (from < range.end) await verifyLines(file, state, { start: from, end: range.end });
      }
    } finally {
      for (const range of workers) range.stop();
    }
  }
  const { records, recoveries, checkpoints } = state;
  const head = state.last?.hash ?? genesis;
  const headSeq = state.last?.seq ?? 0;
  let firstBad = state.firstBad;
  let signature: SignatureReport | undefined;
  if (state.signing !== undefined && keptFile !== undefined) {
    const sig = state.signing;
    let kept: SignatureReport["kept"] = "none";
    if (firstBad === undefined && sig.problem === undefined) {
      const unsigned = headSeq - sig.lastCheckpoint;
      if (unsigned > sig.every) {
        sig.problem = {
          line: state.line,
          reason: `the last ${unsigned} records are not covered by a checkpoint signed with this key (the writer signs at least every ${sig.every}): written without the key, or checkpoints removed`,
        };
      }
    }
    if (keptBefore !== undefined) {
      // One more look when the log moved on since (an append while verifying).
      const keptHead =
        keptBefore.seq === headSeq && keptBefore.hash === head
          ? keptBefore
          : (readKeptHead(keptFile) ?? keptBefore);
      if (!checkKeptHead(sig.key, keptHead)) {
        kept = "differs";
        sig.problem ??= {
          line: state.line,
          reason: `the head kept in ${keptFile} is not signed by this key`,
        };
      } else if (keptHead.seq === headSeq && keptHead.hash === head) kept = "matched";
      else {
        kept = "differs";
        sig.problem ??= {
          line: state.line,
          reason:
            headSeq < keptHead.seq
              ? `truncated: the key last signed seq ${keptHead.seq}, but the log ends at seq ${headSeq}`
              : `the log ends at seq ${headSeq} (${head.slice(0, 19)}…), not at the head the key last signed (seq ${keptHead.seq}, ${keptHead.hash.slice(0, 19)}…): rewritten, or appended to without the key`,
        };
      }
    }
    firstBad ??= sig.problem;
    signature = {
      key: sig.keyId,
      checkpoints: sig.checkpoints,
      signedThrough: sig.lastCheckpoint > 0 ? sig.lastCheckpoint - 1 : 0,
      kept,
      keptFile,
    };
  }
  const result: VerifyResult =
    firstBad === undefined
      ? { ok: true, records, checkpoints, recoveries, head, headSeq }
      : { ok: false, records, checkpoints, firstBad, recoveries, head, headSeq };
  if (signature !== undefined) result.signature = signature;
  return result;
}

/** The log's path as the writer names it (folder resolved through symlinks). */
function realLog(file: string): string {
  const absolute = resolve(file);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}
