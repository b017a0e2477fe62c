import { docsUrl, type RuleModule } from "../rule.js";

const id = "rule-duplicate-id";

export const ruleDuplicateId: RuleModule = {
  meta: {
    id,
    severity: "error",
    description: "Two policy rules share an id.",
    rationale:
      "Decisions and audit records name the rule that decided by its id; two rules with one id make the audit log ambiguous.",
    docs: docsUrl(id),
  },
  check(context) {
    const first = new Map<string, number>();
    context.policy?.rules.forEach((rule, index) => {
      const seen = first.get(rule.id);
      if (seen === undefined) {
        first.set(rule.id, index);
        return;
      }
      context.report({
        message: `rule id "${rule.id}" is already used by rules[${seen}]`,
        at: { file: "policy", path: ["rules", index, "id"] },
      });
    });
  },
};
