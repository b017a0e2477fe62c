import { forEachLine } from "./lines.js";
import { type DecisionRecord, decisionRecordSchema } from "./schema.js";

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
 * Counts decisions one record at a time: `summarize` feeds it a log's lines, and a caller that
 * already holds parsed records (a filtered report) feeds it those, so both count alike.
 */
export class SummaryCounter {
  private readonly top: number;
  private readonly escalated: TopCounter;
  private readonly denied: TopCounter;
  private readonly summary: AuditSummary = {
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

  constructor(options: SummaryOptions = {}) {
    this.top = options.top ?? 10;
    const capacity = options.trackedTargets ?? 10_000;
    this.escalated = new TopCounter(capacity);
    this.denied = new TopCounter(capacity);
  }

  private seen(ts: string): void {
    const s = this.summary;
    if (s.first === null || ts < s.first) s.first = ts;
    if (s.last === null || ts > s.last) s.last = ts;
  }

  decision(r: DecisionRecord): void {
    const s = this.summary;
    s.decisions += 1;
    this.seen(r.ts);
    bump(s.byVerdict, r.verdict);
    bump(s.byCheck, r.check);
    bump(s.byTier, r.tier);
    bump(s.byTool, r.tool ?? "(none)");
    bump(s.byAgent, r.agent ?? "(unknown)");
    bump(s.byHour, r.ts.slice(0, 13));
    if (r.verdict === "escalate") this.escalated.add(r.target);
    if (r.verdict === "deny") this.denied.add(r.target);
  }

  recovery(ts: string | undefined): void {
    this.summary.recoveries += 1;
    if (ts !== undefined) this.seen(ts);
  }

  checkpoint(): void {
    this.summary.checkpoints += 1;
  }

  invalid(): void {
    this.summary.invalid += 1;
  }

  result(): AuditSummary {
    return {
      ...this.summary,
      topEscalated: this.escalated.top(this.top),
      topDenied: this.denied.top(this.top),
      approximate: this.escalated.evicted || this.denied.evicted,
    };
  }
}

/**
 * Counts the decisions of a log in one streaming pass. It does not verify the chain (that
 * is `verifyLog`); lines that are not records are counted as `invalid`.
 */
export async function summarize(file: string, options: SummaryOptions = {}): Promise<AuditSummary> {
  const counter = new SummaryCounter(options);
  await forEachLine(file, (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      counter.invalid();
      return true;
    }
    const event =
      typeof json === "object" && json !== null ? (json as { event?: unknown }).event : undefined;
    if (event === "checkpoint") {
      counter.checkpoint();
      return true;
    }
    if (event === "recovery") {
      const ts = (json as { ts?: unknown }).ts;
      counter.recovery(typeof ts === "string" ? ts : undefined);
      return true;
    }
    const parsed = decisionRecordSchema.safeParse(json);
    if (parsed.success) counter.decision(parsed.data);
    else counter.invalid();
    return true;
  });
  return counter.result();
}
