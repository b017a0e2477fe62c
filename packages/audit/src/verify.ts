import { genesis, lineHash, recordHash } from "./hash.js";
import { forEachLine, maxLineBytes } from "./lines.js";
import {
  auditRecordSchema,
  digestPattern,
  formatVersion,
  type Recovery,
  recoverySchema,
} from "./schema.js";

export interface RecoveryReport extends Recovery {
  /** 1-based line of the recovery record. */
  line: number;
  seq: number;
  ts: string;
}

export interface VerifyResult {
  /** True when every line is a record and the chain is intact from the genesis to the end. */
  ok: boolean;
  /** Records verified before the first bad line (all of them when ok). */
  records: number;
  /** The first line that breaks the log, 1-based, and why. */
  firstBad?: { line: number; reason: string };
  /** Crash recoveries found in the verified part (a recovery is not a failure). */
  recoveries: RecoveryReport[];
  /** The hash of the last verified record (the genesis for an empty log): pin it elsewhere to detect truncation. */
  head: string;
}

export interface VerifyOptions {
  /**
   * Validate every line against the full record schema (zod) besides the chain. Default
   * true. `false` checks only what the chain needs (v, seq, prev, hash) plus each line's
   * hash, about twice as fast, for very large logs: hash-valid lines were validated by the
   * writer before they were written.
   */
  schema?: boolean;
}

/** The fields the chain needs, checked on every line whatever the options. */
interface ChainFields {
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
  record: ChainFields,
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
 * Verifies the log at `file` in one streaming pass (constant memory): every line must be a
 * record (schema), match its own hash (edits), and link to the line before by `seq` and
 * `prev` (deletions, insertions, swaps). Stops at the first bad line.
 */
export async function verifyLog(file: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const fullSchema = options.schema ?? true;
  let last: Link | undefined;
  let records = 0;
  let firstBad: { line: number; reason: string } | undefined;
  const recoveries: RecoveryReport[] = [];
  const scan = await forEachLine(file, (text, line, terminated) => {
    const fail = (reason: string, at = line) => {
      firstBad = { line: at, reason };
      return false;
    };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(
        terminated
          ? "not valid JSON"
          : "partial last line (no trailing newline): a writer died mid-append; the next append moves it aside",
      );
    }
    if (!terminated) return fail("partial last line (no trailing newline)");
    const record = chainFields(json);
    if (typeof record === "string") return fail(`not an audit record: ${record}`);
    if (fullSchema) {
      const parsed = auditRecordSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail(
          `not an audit record: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim(),
        );
      }
    }
    // Fast path: hash the bytes as read. Only a line that is not the writer's canonical
    // serialisation (reformatted by a tool, say) needs re-canonicalising to decide.
    if (lineHash(text, record.prev) !== record.hash && recordHash(record) !== record.hash) {
      return fail("content does not match its hash: the record was edited");
    }
    const problem = linkProblem(record, last, line);
    if (problem) {
      if (problem.line < line && last !== undefined) {
        // The previous line was the inserted one: it no longer counts as verified.
        records -= 1;
        last = { seq: last.seq - 1, hash: last.prev, prev: "" };
        if (recoveries.at(-1)?.line === line - 1) recoveries.pop();
      }
      firstBad = problem;
      return false;
    }
    if (record.event === "recovery") {
      const recovery = recoverySchema.safeParse(record.recovery);
      if (!recovery.success) return fail("not an audit record: malformed recovery");
      recoveries.push({ line, seq: record.seq, ts: String(record.ts), ...recovery.data });
    }
    last = { seq: record.seq, hash: record.hash, prev: record.prev };
    records += 1;
    return true;
  });
  if (scan.tooLong !== undefined && firstBad === undefined) {
    firstBad = { line: scan.tooLong, reason: `line longer than ${maxLineBytes} bytes` };
  }
  const head = last?.hash ?? genesis;
  return firstBad === undefined
    ? { ok: true, records, recoveries, head }
    : { ok: false, records, firstBad, recoveries, head };
}
