import type { PolicyInput, Rule } from "@automode/policy";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import { hardLimitChecks } from "../../src/index.js";
import type { Action, Check, Tier } from "../../src/types.js";
import { groups, verdictsOf } from "./cases/index.js";
import { createProject, placeholders } from "./project.js";

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];

const hardLimits = new Set<Check>([
  "invalid-input",
  "privilege",
  "ignored-path",
  "self-protection",
  "credentials",
  "system-path",
  "destructive",
  "remote-code",
  "unparseable",
  "dynamic",
]);

/** Approve rules that match as much as a rule can: every matcher, widest patterns. */
const approveAll: Rule[] = [
  {
    id: "all-kinds",
    verdict: "approve",
    operations: ["read", "write", "delete", "execute", "network"],
  },
  { id: "all-paths", verdict: "approve", paths: ["**", "*", ".*", "/**"] },
  { id: "all-commands", verdict: "approve", commands: ["*", "sudo", "rm", "cat", "git", "curl"] },
  { id: "all-tools", verdict: "approve", tools: ["*"] },
  { id: "all-domains", verdict: "approve", domains: ["example.com", "*.example.com"] },
];

const baseline = tiers.map((tier) =>
  createEngineSync({
    projectRoot: project.root,
    policy: { version: 1, additionalDirectories: ["../shared"] },
    tier,
    env,
  }),
);

// Cases the default policy already decides as expected (a case failing for another reason is
// reported by the decision table, not here).
const hardCases = Object.values(groups)
  .flat()
  .filter((c) => c.check !== undefined && hardLimits.has(c.check) && c.expect[0] !== "A")
  .filter((c) => (c.policy ?? "default") === "default")
  .filter((c) => {
    const action = { ...placeholders(c.action, project), tool: "Bash" } as Action;
    const want = verdictsOf(c.expect);
    return baseline.every((e, i) => e.decide(action).verdict === want[i]);
  });

const cache = new Map<string, ReturnType<typeof createEngineSync>[]>();
function enginesFor(rules: readonly Rule[]) {
  const key = rules.map((r) => r.id).join(",");
  let set = cache.get(key);
  if (set === undefined) {
    const policy: PolicyInput = {
      version: 1,
      additionalDirectories: ["../shared"],
      rules: rules.map((r) => ({ ...r })),
    };
    set = tiers.map((tier) => createEngineSync({ projectRoot: project.root, policy, tier, env }));
    cache.set(key, set);
  }
  return set;
}

describe("no approve rule loosens a hard limit", () => {
  it("exports the hard limits' checks (stages 1–4) for the linter", () => {
    expect(new Set(hardLimitChecks)).toEqual(
      new Set([...hardLimits].filter((check) => check !== "invalid-input")),
    );
  });

  it(`holds for ${hardCases.length} hard-limit cases under any subset of approve-everything rules`, () => {
    fc.assert(
      fc.property(
        fc.subarray([...approveAll], { minLength: 1 }),
        fc.constantFrom(...hardCases),
        (rules, c) => {
          const engines = enginesFor(rules);
          const action = { ...placeholders(c.action, project), tool: "Bash" } as Action;
          const want = verdictsOf(c.expect);
          tiers.forEach((tier, i) => {
            const d = engines[i]!.decide(action);
            expect(d.verdict, `${c.name} in ${tier}: ${d.check} ${d.reason}`).toBe(want[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
