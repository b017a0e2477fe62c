import { docsUrl, type RuleModule } from "../rule.js";
import { loadToolModel, matchesEveryTool } from "./engine-tools.js";

const id = "rule-every-tool";

export const ruleEveryTool: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "An approve rule whose `tools` pattern matches every tool name (`?*`, `??*`, `*?`).",
    rationale:
      "Such a rule approves every MCP tool the session will ever have, including ones that write, delete, send or deploy, without a person seeing them. Name the servers or the tools you mean (`mcp__github__get_*`).",
    docs: docsUrl(id),
  },
  async check(context) {
    const rules = context.policy?.rules ?? [];
    if (!rules.some((r) => r.verdict === "approve" && r.tools !== undefined)) return;
    const model = await loadToolModel();
    rules.forEach((rule, index) => {
      if (rule.verdict !== "approve") return;
      rule.tools?.forEach((pattern, n) => {
        // Only stars: rule-too-broad already reports it ("approves every tool").
        if (/^\*+$/u.test(pattern) || !matchesEveryTool(model, pattern)) return;
        context.report({
          message: `rule "${rule.id}" approves every tool through "${pattern}": name the MCP servers or tools it is meant for`,
          at: { file: "policy", path: ["rules", index, "tools", n] },
        });
      });
    });
  },
};
