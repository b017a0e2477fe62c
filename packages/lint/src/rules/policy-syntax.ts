import { docsUrl, type RuleModule } from "../rule.js";

const id = "policy-syntax";

export const policySyntax: RuleModule = {
  meta: {
    id,
    severity: "error",
    description: "The policy file is not valid JSON with comments.",
    rationale:
      "A policy that does not parse cannot be enforced; automode refuses it, so every action falls back to asking or denying.",
    docs: docsUrl(id),
  },
  check(context) {
    if (context.parsed === undefined || context.parsed.ok) return;
    for (const d of context.parsed.diagnostics) {
      if (d.code !== "syntax") continue;
      context.report({ message: d.message, at: { file: "policy", range: d } });
    }
  },
};
