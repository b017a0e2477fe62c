import type { DecisionRecord } from "@automode/audit";
import { hardLimitChecks } from "@automode/engine";
import type { Explain } from "./explain.js";
import type { Destination, Destroyer, Findings, OutsideWrite } from "./model.js";

/** The host of a URL, lower-cased, without a trailing dot; undefined when it has none. */
export function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
    return host === "" ? undefined : host;
  } catch {
    return undefined;
  }
}

/**
 * Network destinations, writes outside the project, network commands without a URL,
 * destructive commands and the hard limits a record's one check hides, from the engine's own
 * analysis of each record (a command line's operations), never from its reason text.
 */
export function findings(records: readonly DecisionRecord[], explain: Explain): Findings {
  const destinations = new Map<string, Destination>();
  const hostless: Findings["hostless"] = [];
  const outsideWrites: OutsideWrite[] = [];
  const destructive: Destroyer[] = [];
  const alsoHit: Record<number, string[]> = {};
  const reach = (host: string, r: DecisionRecord) => {
    let d = destinations.get(host);
    if (d === undefined) {
      d = { host, count: 0, verdicts: {}, example: { seq: r.seq, target: r.target } };
      destinations.set(host, d);
    }
    d.count += 1;
    d.verdicts[r.verdict] = (d.verdicts[r.verdict] ?? 0) + 1;
  };
  for (const r of records) {
    const trace = explain(r);
    if (trace === undefined) {
      if (r.check === "destructive")
        destructive.push({ seq: r.seq, command: r.target, verdict: r.verdict, reason: r.reason });
      continue;
    }
    const hit = new Set<string>();
    let destroys: string | undefined;
    for (const o of trace.operations) {
      const check = o.decision.check;
      if (hardLimitChecks.has(check) && check !== r.check) hit.add(check);
      if (check === "destructive") destroys ??= o.decision.reason;
    }
    if (hit.size > 0) alsoHit[r.seq] = [...hit].sort();
    if (r.check === "destructive" || destroys !== undefined)
      destructive.push({
        seq: r.seq,
        command: r.target,
        verdict: r.verdict,
        reason: r.check === "destructive" ? r.reason : (destroys ?? r.reason),
      });
    const hosts = new Set<string>();
    let networkCommand = false;
    for (const o of trace.operations) {
      const op = o.operation;
      if (op.kind === "network") {
        const host = hostOf(op.url);
        if (host !== undefined) hosts.add(host);
      } else if (op.kind === "execute" && op.class === "network") {
        networkCommand = true;
      } else if (
        (op.kind === "write" || op.kind === "delete") &&
        o.facts.includes("outside the project")
      ) {
        const path = o.facts.find((f) => f.startsWith("path "))?.slice(5) ?? op.path;
        outsideWrites.push({ seq: r.seq, kind: op.kind, path, verdict: r.verdict, check: r.check });
      }
    }
    for (const host of hosts) reach(host, r);
    if (networkCommand && hosts.size === 0 && r.action.kind === "execute")
      hostless.push({ seq: r.seq, command: r.action.command, verdict: r.verdict });
  }
  return {
    destinations: [...destinations.values()].sort(
      (a, b) => b.count - a.count || (a.host < b.host ? -1 : 1),
    ),
    hostless,
    outsideWrites,
    destructive,
    alsoHit,
  };
}
