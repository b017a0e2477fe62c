import { docsUrl, type RuleModule } from "../rule.js";
import { loadToolModel, matchesEveryTool, type ToolModel } from "./engine-tools.js";

const id = "rule-modelled-tool";

export const ruleModelledTool: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "A `tools` pattern names or matches a tool automode models (Bash, Read, Write, Edit, TodoWrite, …): it never matches.",
    rationale:
      "`tools` rules decide only tools automode has no model of (MCP tools and the like). What Bash, Read or Write do is judged from their input (the command, the path), and the agent's bookkeeping tools are always approved, so a rule naming one never applies: a deny that never denies, or an approve that was meant to approve every command.",
    docs: docsUrl(id),
  },
  async check(context) {
    const rules = context.policy?.rules ?? [];
    if (!rules.some((r) => r.tools !== undefined)) return;
    const model: ToolModel = await loadToolModel();
    rules.forEach((rule, index) => {
      rule.tools?.forEach((pattern, n) => {
        // A pattern for every tool is another finding (rule-every-tool, rule-too-broad).
        if (matchesEveryTool(model, pattern)) return;
        const hit = model.modelled.filter((name) => model.globMatches(pattern, name));
        if (hit.length === 0) return;
        const names = hit.length > 4 ? `${hit.slice(0, 4).join(", ")}, …` : hit.join(", ");
        const what =
          hit.length === 1 && hit[0] === pattern ? `names ${pattern}` : `matches ${names}`;
        context.report({
          message: `rule "${rule.id}": "${pattern}" ${what}, which automode models, so the rule never matches ${hit.length === 1 ? "it" : "them"}: tools rules apply only to tools without a model, such as MCP tools`,
          at: { file: "policy", path: ["rules", index, "tools", n] },
        });
      });
    });
  },
};
