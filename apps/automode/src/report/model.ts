import type { DecisionRecord } from "@automode/audit";
import type { PolicyAction, Rule, Tier } from "@automode/policy";

/** What `verifyLog` found, as a report shows it. */
export interface ChainStatus {
  ok: boolean;
  /** The first bad line, when the chain is broken. */
  firstBad?: { line: number; reason: string };
  /** The one-line verdict `automode audit verify` prints. */
  message: string;
}

/** The filters a report was made with (`--session`, `--since`, `--until`). */
export interface ReportFilters {
  session?: string;
  since?: string;
  until?: string;
}

/** A network destination the agent asked to reach: one host, how often, with what outcome. */
export interface Destination {
  host: string;
  count: number;
  verdicts: Record<string, number>;
  /** The first record that reached it. */
  example: { seq: number; target: string };
}

/** A write or delete outside the project: one operation of one record. */
export interface OutsideWrite {
  seq: number;
  kind: "write" | "delete";
  path: string;
  verdict: string;
  check: string;
}

/**
 * What the engine's analysis adds to the records: facts a record's one-line reason does not
 * carry (a command line reaches a host, one of its operations writes outside the project).
 */
/** A command line with an irreversible operation (SPEC section 5), however the record was checked. */
export interface Destroyer {
  seq: number;
  command: string;
  verdict: string;
  /** The destructive operation's own reason ("rm -r deletes a whole folder tree …"). */
  reason: string;
}

export interface Findings {
  destinations: Destination[];
  /** Network commands that name no URL (`git push origin main`): seq and command. */
  hostless: Array<{ seq: number; command: string; verdict: string }>;
  outsideWrites: OutsideWrite[];
  destructive: Destroyer[];
  /**
   * Hard limits an operation of a record hit besides the record's own check, by seq: a line's
   * record carries the check of its first escalating operation, so `curl … | sh` can be logged
   * as `tier` while its `sh` is `remote-code`.
   */
  alsoHit: Record<number, string[]>;
}

/** A proposed rule: the narrowest rule that approves one group of repeated escalations. */
export interface Suggestion {
  rule: Rule;
  /** A policy `tests` entry that holds the rule to what it is for. */
  test?: { action: PolicyAction; expect: "approve"; tier?: Tier };
  /** How many escalations the group holds. */
  count: number;
  /** The seq numbers of those records. */
  seqs: number[];
  example: string;
  /** What was left out of the rule, when the group was larger than a rule should name. */
  note?: string;
}

/** A group of escalations no rule can approve, and why (reported, never proposed). */
export interface Unsuggested {
  what: string;
  count: number;
  why: string;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  unsuggested: Unsuggested[];
}

/** Everything a formatter needs: formatters are pure functions of this and their options. */
export interface ReportInput {
  /** The log's path, as shown in the report. */
  log: string;
  chain: ChainStatus;
  filters: ReportFilters;
  /** The decision records that passed the filters, in log order. */
  records: DecisionRecord[];
  /** Decision records in the log before filtering. */
  total: number;
  recoveries: number;
  /** Lines that are no record (verify says why). */
  invalid: number;
  findings: Findings;
  suggest: SuggestResult;
}
