import type { AuditSummary, DecisionRecord } from "@automode/audit";
import type { ReportInput } from "./model.js";

export const verdictOrder = ["deny", "escalate", "approve"] as const;

/** Entries of a count table, largest first (ties by name). */
export function sorted(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export const flagged = (r: DecisionRecord) => r.verdict !== "approve";

/** The filtered records counted as `automode audit summary` counts a whole log. */
export function summaryOf(input: ReportInput, top = 10): AuditSummary {
  const s: AuditSummary = {
    decisions: input.records.length,
    recoveries: input.recoveries,
    checkpoints: 0,
    invalid: input.invalid,
    first: null,
    last: null,
    byVerdict: { approve: 0, deny: 0, escalate: 0 },
    byCheck: {},
    byTier: {},
    byTool: {},
    byAgent: {},
    byHour: {},
    topEscalated: [],
    topDenied: [],
    approximate: false,
  };
  const escalated: Record<string, number> = {};
  const denied: Record<string, number> = {};
  for (const r of input.records) {
    if (s.first === null || r.ts < s.first) s.first = r.ts;
    if (s.last === null || r.ts > s.last) s.last = r.ts;
    bump(s.byVerdict, r.verdict);
    bump(s.byCheck, r.check);
    bump(s.byTier, r.tier);
    bump(s.byTool, r.tool ?? "(none)");
    bump(s.byAgent, r.agent ?? "(unknown)");
    bump(s.byHour, r.ts.slice(0, 13));
    if (r.verdict === "escalate") bump(escalated, r.target);
    if (r.verdict === "deny") bump(denied, r.target);
  }
  const topOf = (c: Record<string, number>) =>
    sorted(c)
      .slice(0, top)
      .map(([target, count]) => ({ target, count }));
  s.topEscalated = topOf(escalated);
  s.topDenied = topOf(denied);
  return s;
}

/** A record's check and rule, with the hard limits its other operations hit: `tier +remote-code`. */
export function checkOf(input: ReportInput, r: DecisionRecord): string {
  const base = r.rule === null ? r.check : `${r.check} ${r.rule}`;
  const also = input.findings.alsoHit[r.seq];
  return also === undefined ? base : `${base} ${also.map((c) => `+${c}`).join(" ")}`;
}

/** A line naming the filters, or "" when none was given. */
export function filterLine(input: ReportInput): string {
  const f = input.filters;
  const parts = [
    f.session === undefined ? "" : `session ${f.session}`,
    f.since === undefined ? "" : `since ${f.since}`,
    f.until === undefined ? "" : `until ${f.until}`,
  ].filter((p) => p !== "");
  return parts.length === 0
    ? ""
    : `${input.records.length} of ${input.total} decisions (${parts.join(", ")})`;
}
