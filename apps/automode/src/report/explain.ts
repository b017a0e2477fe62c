import type { DecisionRecord } from "@automode/audit";
import type { Action, Engine, Trace } from "@automode/engine";
import type { Tier } from "@automode/policy";

/** Re-runs the engine on a record's action: the operations and facts the log line does not hold. */
export type Explain = (record: DecisionRecord) => Trace | undefined;

/** Checks that name no action the engine can re-run (the record's action stands for a tool call). */
const notActions = new Set(["unknown-tool", "bookkeeping", "invalid-input", "internal-error"]);

/** The action a record names, as the engine takes it (the Glob and Grep read scopes included). */
export function recordAction(record: DecisionRecord): Action {
  const cwd = record.cwd?.startsWith("/") ? { cwd: record.cwd } : {};
  return { ...record.action, ...cwd } as Action;
}

/**
 * One engine per tier (built on first use), each record's trace cached by what decides it:
 * a 10,000-record log of a few hundred distinct commands is analysed a few hundred times.
 */
export function makeExplain(engineFor: (tier: Tier) => Engine): Explain {
  const engines = new Map<Tier, Engine>();
  const cache = new Map<string, Trace>();
  return (record) => {
    if (notActions.has(record.check)) return undefined;
    const key = JSON.stringify([record.tier, record.tool, record.cwd, record.action]);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let engine = engines.get(record.tier);
    if (engine === undefined) {
      engine = engineFor(record.tier);
      engines.set(record.tier, engine);
    }
    const scope =
      record.tool === "Grep"
        ? { read: "recursive" as const }
        : record.tool === "Glob"
          ? { read: "listing" as const }
          : {};
    const trace = engine.explain(recordAction(record), scope);
    cache.set(key, trace);
    return trace;
  };
}
