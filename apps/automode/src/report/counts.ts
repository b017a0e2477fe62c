import { type AuditSummary, type DecisionRecord, SummaryCounter } from "@automode/audit";
import type { ReportInput } from "./model.js";

export const verdictOrder = ["deny", "escalate", "approve"] as const;

/** Entries of a count table, largest first (ties by name). */
export function sorted(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export const flagged = (r: DecisionRecord) => r.verdict !== "approve";

/** The filtered records counted as `automode audit summary` counts a whole log (exactly). */
export function summaryOf(input: ReportInput, top = 10): AuditSummary {
  const counter = new SummaryCounter({ top, trackedTargets: Number.POSITIVE_INFINITY });
  for (const r of input.records) counter.decision(r);
  for (let i = 0; i < input.recoveries; i++) counter.recovery(undefined);
  for (let i = 0; i < input.invalid; i++) counter.invalid();
  return counter.result();
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
