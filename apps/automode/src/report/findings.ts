import type { DecisionRecord } from "@automode/audit";
import type { Explain } from "./explain.js";
import type { Destination, Findings, OutsideWrite } from "./model.js";

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
 * Network destinations, writes outside the project, and network commands without a URL,
 * from the engine's own analysis of each record (a command line's operations), never from
 * its reason text.
 */
export function findings(records: readonly DecisionRecord[], explain: Explain): Findings {
  const destinations = new Map<string, Destination>();
  const hostless: Findings["hostless"] = [];
  const outsideWrites: OutsideWrite[] = [];
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
    if (trace === undefined) continue;
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
  };
}
