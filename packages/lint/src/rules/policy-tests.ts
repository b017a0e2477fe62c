import type { Engine } from "@automode/engine";
import type { Tier } from "@automode/policy";
import { docsUrl, type RuleModule } from "../rule.js";

const id = "policy-tests";

export const policyTests: RuleModule = {
  meta: {
    id,
    severity: "error",
    description: "A policy test's expected verdict differs from what the real engine decides.",
    rationale:
      "Policy tests are the examples a policy must satisfy; the linter decides each with the same engine the hook uses, so a passing lint means the policy does what its authors wrote down.",
    docs: docsUrl(id),
  },
  async check(context) {
    const policy = context.policy;
    if (policy === undefined || policy.tests.length === 0) return;
    // One engine per tier the tests use: creation reads the ignore file and sets up the parser.
    const engines = new Map<Tier, Engine>();
    for (const [index, test] of policy.tests.entries()) {
      const tier = test.tier ?? policy.tier;
      let engine = engines.get(tier);
      if (engine === undefined) {
        engine = await context.engine({ policy, tier });
        engines.set(tier, engine);
      }
      const action = { ...test.action, cwd: test.action.cwd ?? context.root };
      const decision = engine.decide(action);
      if (decision.verdict === test.expect) continue;
      const by =
        decision.rule === undefined ? decision.check : `${decision.check} "${decision.rule}"`;
      context.report({
        message: `test ${index + 1} expects ${test.expect}, but the engine decided ${decision.verdict} (check: ${by}; tier: ${tier}): ${decision.reason}`,
        at: { file: "policy", path: ["tests", index] },
      });
    }
  },
};
