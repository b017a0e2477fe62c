import type { Action, Decision } from "@automode/engine";
import { genesis, recordHash, recordLine } from "../../src/hash.js";
import { recordFromDecision } from "../../src/record.js";
import type { DecisionEntry, DecisionRecord } from "../../src/schema.js";

const actions: Action[] = [
  { kind: "execute", command: "npm test -- --run" },
  { kind: "read", path: "src/index.ts" },
  { kind: "write", path: "src/app.ts" },
  { kind: "delete", path: "dist", recursive: true },
  { kind: "network", url: "https://api.github.com/repos/x/y" },
  { kind: "execute", command: "git push --force origin main" },
  { kind: "read", path: ".env" },
];
const decisions: Decision[] = [
  {
    verdict: "approve",
    reason: "development command",
    check: "tier",
    tier: "balanced",
    operations: [],
  },
  {
    verdict: "approve",
    reason: "read inside the project",
    check: "tier",
    tier: "balanced",
    operations: [],
  },
  {
    verdict: "approve",
    reason: "modify a file inside the project",
    check: "tier",
    tier: "balanced",
    operations: [],
  },
  {
    verdict: "escalate",
    reason: "recursive delete",
    check: "destructive",
    tier: "balanced",
    operations: [],
  },
  {
    verdict: "escalate",
    reason: "network request",
    check: "tier",
    tier: "balanced",
    operations: [],
  },
  {
    verdict: "escalate",
    reason: "git push --force rewrites remote history",
    check: "destructive",
    tier: "balanced",
    operations: [],
  },
  {
    verdict: "deny",
    reason: ".env is ignored by .claudeignore",
    check: "ignored-path",
    rule: "no-env",
    tier: "balanced",
    operations: [],
  },
];

/** The i-th sample entry: a realistic mix of actions and verdicts. */
export function sampleEntry(
  i: number,
  session = "s1",
  ts = new Date(Date.UTC(2026, 10, 24, 10, 0, 0) + i * 1000),
): DecisionEntry {
  const k = i % actions.length;
  return recordFromDecision(actions[k]!, decisions[k]!, {
    session,
    tool: k === 0 ? "Bash" : "Read",
    cwd: "/repo",
    policy: "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
    us: 30 + (i % 17),
    ts,
  });
}

/** Chains entries in memory the way the writer does (for fixtures and the verify benchmark). */
export function chainRecords(entries: DecisionEntry[]): DecisionRecord[] {
  let prev = genesis;
  return entries.map((entry, i) => {
    const body = { ...entry, seq: i + 1, prev };
    const record = { ...body, hash: recordHash(body) };
    prev = record.hash;
    return record;
  });
}

export function toJsonl(records: Array<{ prev: string; hash: string }>): string {
  return records.map((r) => `${recordLine(r)}\n`).join("");
}
