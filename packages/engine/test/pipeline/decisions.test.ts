import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Engine } from "../../src/index.js";
import type { Action, Tier } from "../../src/types.js";
import { type Case, groups, verdictsOf } from "./cases/index.js";
import { defaultPolicy, reversed, rulesPolicy } from "./policies.js";
import { createProject, placeholders } from "./project.js";

const project = createProject();
afterAll(() => project.cleanup());

const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
const engines = (policy: typeof defaultPolicy) =>
  tiers.map((tier) => createEngineSync({ projectRoot: project.root, policy, tier, env }));
const byPolicy: Record<string, Engine[][]> = {
  default: [engines(defaultPolicy)],
  // The same rules in reverse order must give the same verdicts (SPEC: order does not matter).
  rules: [engines(rulesPolicy), engines(reversed(rulesPolicy))],
};

function run(c: Case) {
  const action = placeholders(c.action, project) as Action;
  for (const set of byPolicy[c.policy ?? "default"]!) {
    const decisions = set.map((engine) => engine.decide(action));
    const got = decisions.map((d) => d.verdict);
    const summary = decisions.map(
      (d) => `${d.verdict}/${d.check}${d.rule ? `:${d.rule}` : ""}: ${d.reason}`,
    );
    expect(got, summary.join("\n")).toEqual(verdictsOf(c.expect));
    // The decision names the first most-severe operation's check (SPEC section 3), which in
    // restrictive may be an earlier command the tier escalates; so the expected check (or rule)
    // must be the one of some operation that carries the action's verdict, in every tier.
    if (c.check !== undefined || c.rule !== undefined) {
      const carried = decisions.map(
        (d) =>
          d.operations.some(
            (o) =>
              o.verdict === d.verdict &&
              (c.check === undefined || o.check === c.check) &&
              (c.rule === undefined || o.rule === c.rule),
          ) ||
          (d.operations.length === 0 && d.check === c.check),
      );
      expect(carried, `expected ${c.check ?? ""} ${c.rule ?? ""}\n${summary.join("\n")}`).toEqual([
        true,
        true,
        true,
      ]);
    }
    for (const d of decisions) {
      expect(d.reason.length).toBeGreaterThan(0);
      if (d.check === "rule") expect(d.reason).toContain(`"${d.rule}"`);
    }
  }
}

const total = Object.values(groups).reduce((n, g) => n + g.length, 0);

describe(`decision table (${total} cases, three tiers each)`, () => {
  it("has at least 400 cases", () => {
    expect(total).toBeGreaterThanOrEqual(400);
  });
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases.map((c) => [`${c.name.replace(/\n/g, "⏎")} → ${c.expect}`, c] as const))(
        "%s",
        (_, c) => run(c),
      );
    });
  }
});
