import { docsUrl, type RuleModule } from "../rule.js";

const id = "policy-schema";

export const policySchemaRule: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "The policy does not follow the policy schema: an unknown or duplicate key, a wrong type, a missing value.",
    rationale:
      "A typo in a security policy must never be silently ignored: an unknown key or a misspelt verdict would leave a rule that never applies.",
    docs: docsUrl(id),
  },
  check(context) {
    if (context.parsed === undefined || context.parsed.ok) return;
    for (const d of context.parsed.diagnostics) {
      if (d.code === "syntax") continue;
      context.report({ message: d.message, at: { file: "policy", range: d } });
    }
  },
};
