import { docsUrl, type RuleModule } from "../rule.js";

const id = "rule-tools-mixed";

const others = ["operations", "paths", "commands", "domains"] as const;

export const ruleToolsMixed: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "A rule that gives `tools` together with `operations`, `paths`, `commands` or `domains`: it never matches.",
    rationale:
      "`tools` rules decide calls to tools automode has no model of, which carry no operation kind, path, command or host; every other field decides actions, which `tools` never matches. A rule that needs both can match nothing, so its verdict never applies. Split it into a `tools` rule and a rule for the actions.",
    docs: docsUrl(id),
  },
  check(context) {
    const rules = context.policy?.rules ?? [];
    rules.forEach((rule, index) => {
      if (rule.tools === undefined) return;
      const given = others.filter((field) => rule[field] !== undefined);
      if (given.length === 0) return;
      context.report({
        message: `rule "${rule.id}" gives "tools" with ${given.map((f) => `"${f}"`).join(" and ")}, so it never matches: a tool call has no ${given.map((f) => f.replace(/s$/u, "")).join(" or ")}, and an action never matches "tools"`,
        at: { file: "policy", path: ["rules", index, "tools"] },
      });
    });
  },
};
