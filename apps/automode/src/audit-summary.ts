import { readFileSync } from "node:fs";
import { formatSummary, summarize, verifyLog } from "@automode/audit";
import { safeText } from "@automode/engine";
import { verifyMessage } from "./audit.js";
import type { Io } from "./io.js";

interface Flagged {
  seq: number;
  ts: string;
  tool: string | null;
  verdict: string;
  check: string;
  rule: string | null;
  target: string;
  reason: string;
}

/** Every escalated and denied decision of a log, in order; lines that are not records are skipped. */
function flaggedRecords(path: string): Flagged[] {
  const out: Flagged[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      const r = JSON.parse(line) as Partial<Flagged> & { event?: string };
      if (r.event === undefined && (r.verdict === "escalate" || r.verdict === "deny"))
        out.push(r as Flagged);
    } catch {
      // verify reports broken lines; the report lists decisions.
    }
  }
  return out;
}

/**
 * A log's targets and reasons are the agent's text (or anyone's who edited the log): every
 * string is escaped before it is laid out, so a newline or an escape sequence in one cannot
 * forge or recolour a line of the report.
 */
function escaped<T>(value: T): T {
  if (typeof value === "string") return safeText(value) as T;
  if (Array.isArray(value)) return value.map(escaped) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escaped(v)])) as T;
}

/** `audit summary` (counts, as a table or JSON) and `audit report` (also each flagged decision). */
export async function summaryReport(
  verb: "summary" | "report",
  path: string,
  json: boolean,
  io: Io,
): Promise<number> {
  const summary = await summarize(path);
  if (verb === "summary") {
    io.out(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(escaped(summary)));
    return 0;
  }
  const verified = await verifyLog(path);
  const flagged = flaggedRecords(path);
  if (json) {
    io.out(`${JSON.stringify({ verify: verified, summary, flagged }, null, 2)}\n`);
    return verified.ok ? 0 : 1;
  }
  io.out(`${path}: ${verifyMessage(verified)}\n\n`);
  io.out(formatSummary(escaped(summary)));
  io.out(`\nEscalated and denied decisions (${flagged.length}):\n`);
  for (const r of flagged) {
    const e = escaped(r);
    io.out(
      `  #${String(e.seq).padEnd(5)} ${e.ts}  ${e.verdict.padEnd(8)} ${(e.tool ?? "-").padEnd(10)} ${e.target}\n`,
    );
    io.out(`         ${e.rule === null ? e.check : `${e.check} ${e.rule}`}: ${e.reason}\n`);
  }
  return verified.ok ? 0 : 1;
}
