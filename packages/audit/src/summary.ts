import { forEachLine } from "./lines.js";
import { decisionRecordSchema } from "./schema.js";

export interface TargetCount {
  target: string;
  count: number;
}

export interface AuditSummary {
  /** Lines that are decision records. */
  decisions: number;
  recoveries: number;
  /** Signed checkpoint records (not decisions). */
  checkpoints: number;
  /** Lines that are neither (run `verifyLog` to learn why). */
  invalid: number;
  /** Earliest and latest `ts` seen, or null for an empty log. */
  first: string | null;
  last: string | null;
  byVerdict: Record<string, number>;
  byCheck: Record<string, number>;
  byTier: Record<string, number>;
  byTool: Record<string, number>;
  /** Keyed by the record's `agent`; `(unknown)` for records without one (written before it existed). */
  byAgent: Record<string, number>;
  /** Keyed by UTC hour, `2026-11-24T10`. */
  byHour: Record<string, number>;
  topEscalated: TargetCount[];
  topDenied: TargetCount[];
  /**
   * True when more distinct targets were seen than `trackedTargets`: the top lists then come
   * from a bounded Space-Saving count (the true top targets are found; counts may be high).
   */
  approximate: boolean;
}

export interface SummaryOptions {
  /** How many targets each top list returns. Default 10. */
  top?: number;
  /** Distinct targets tracked per verdict, bounding memory on huge logs. Default 10,000. */
  trackedTargets?: number;
}

/**
 * A counter with bounded memory (Space-Saving, Metwally et al. 2005): when full, a new key
 * replaces the smallest and inherits its count, so heavy hitters are never lost.
 */
class TopCounter {
  readonly counts = new Map<string, number>();
  evicted = false;
  constructor(private readonly capacity: number) {}

  add(key: string): void {
    const current = this.counts.get(key);
    if (current !== undefined || this.counts.size < this.capacity) {
      this.counts.set(key, (current ?? 0) + 1);
      return;
    }
    let minKey = "";
    let min = Number.POSITIVE_INFINITY;
    for (const [k, c] of this.counts) {
      if (c < min) {
        min = c;
        minKey = k;
      }
    }
    this.counts.delete(minKey);
    this.counts.set(key, min + 1);
    this.evicted = true;
  }

  top(n: number): TargetCount[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([target, count]) => ({ target, count }));
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Counts the decisions of a log in one streaming pass. It does not verify the chain (that
 * is `verifyLog`); lines that are not records are counted as `invalid`.
 */
export async function summarize(file: string, options: SummaryOptions = {}): Promise<AuditSummary> {
  const top = options.top ?? 10;
  const capacity = options.trackedTargets ?? 10_000;
  const escalated = new TopCounter(capacity);
  const denied = new TopCounter(capacity);
  const summary: AuditSummary = {
    decisions: 0,
    recoveries: 0,
    checkpoints: 0,
    invalid: 0,
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
  const seen = (ts: string) => {
    if (summary.first === null || ts < summary.first) summary.first = ts;
    if (summary.last === null || ts > summary.last) summary.last = ts;
  };
  await forEachLine(file, (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      summary.invalid += 1;
      return true;
    }
    if (
      typeof json === "object" &&
      json !== null &&
      (json as { event?: unknown }).event === "checkpoint"
    ) {
      summary.checkpoints += 1;
      return true;
    }
    if (
      typeof json === "object" &&
      json !== null &&
      (json as { event?: unknown }).event === "recovery"
    ) {
      summary.recoveries += 1;
      const ts = (json as { ts?: unknown }).ts;
      if (typeof ts === "string") seen(ts);
      return true;
    }
    const parsed = decisionRecordSchema.safeParse(json);
    if (!parsed.success) {
      summary.invalid += 1;
      return true;
    }
    const r = parsed.data;
    summary.decisions += 1;
    seen(r.ts);
    bump(summary.byVerdict, r.verdict);
    bump(summary.byCheck, r.check);
    bump(summary.byTier, r.tier);
    bump(summary.byTool, r.tool ?? "(none)");
    bump(summary.byAgent, r.agent ?? "(unknown)");
    bump(summary.byHour, r.ts.slice(0, 13));
    if (r.verdict === "escalate") escalated.add(r.target);
    if (r.verdict === "deny") denied.add(r.target);
    return true;
  });
  summary.topEscalated = escalated.top(top);
  summary.topDenied = denied.top(top);
  summary.approximate = escalated.evicted || denied.evicted;
  return summary;
}
