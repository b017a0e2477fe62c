import type { Rule, Tier, Verdict } from "@automode/policy";

/**
 * The decision for a tool automode has no model of (SPEC section 7: "any other tool → escalate
 * unless a rule approves it"). The engine's actions are reads, writes, deletes, commands and
 * URLs; an MCP tool is none of them, so the app decides it here, with the one part of the
 * policy that can speak about it: rules whose only matcher is `tools`. A rule that also gives
 * `operations`, `paths`, `commands` or `domains` cannot match a call that has none of them.
 * Deny wins over escalate, escalate over approve, as in the engine's rule stage.
 */
export interface ToolDecision {
  verdict: Verdict;
  reason: string;
  check: "rule" | "unknown-tool";
  rule?: string;
  tier: Tier;
  operations: Array<{
    kind: "tool";
    target: string;
    verdict: Verdict;
    check: "rule" | "unknown-tool";
    reason: string;
    rule?: string;
  }>;
}

/** A glob on a tool name: `*` is any run of characters, `?` one; the rest is literal. */
export function toolGlob(pattern: string): RegExp {
  const body = [...pattern]
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`);
}

const rank: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };

export function decideTool(tool: string, rules: readonly Rule[], tier: Tier): ToolDecision {
  let winner: Rule | undefined;
  for (const rule of rules) {
    if (rule.tools === undefined) continue;
    if (rule.operations || rule.paths || rule.commands || rule.domains) continue;
    if (!rule.tools.some((pattern) => toolGlob(pattern).test(tool))) continue;
    if (winner === undefined || rank[rule.verdict] > rank[winner.verdict]) winner = rule;
  }
  if (winner !== undefined) {
    const reason = `rule "${winner.id}" ${verbs[winner.verdict]} the tool ${tool}`;
    return {
      verdict: winner.verdict,
      reason,
      check: "rule",
      rule: winner.id,
      tier,
      operations: [
        {
          kind: "tool",
          target: tool,
          verdict: winner.verdict,
          check: "rule",
          reason,
          rule: winner.id,
        },
      ],
    };
  }
  const reason = `automode has no model of the tool ${tool}, so a person decides (approve it with a "tools" rule)`;
  return {
    verdict: "escalate",
    reason,
    check: "unknown-tool",
    tier,
    operations: [
      { kind: "tool", target: tool, verdict: "escalate", check: "unknown-tool", reason },
    ],
  };
}

const verbs: Record<Verdict, string> = {
  approve: "approves",
  deny: "denies",
  escalate: "escalates",
};
