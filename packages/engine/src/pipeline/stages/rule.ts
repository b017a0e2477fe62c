import type { Verdict } from "../../types.js";
import { doing } from "../describe.js";
import { type CompiledRule, ruleMatches } from "../rules/compile.js";
import type { Stage, StageResult, Subject } from "../types.js";

const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };
export const verbs: Record<Verdict, string> = {
  approve: "approves",
  escalate: "escalates",
  deny: "denies",
};

/** The most severe matching rule; among equals, the first in the file (order never changes the verdict). */
export function strongestRule(rules: readonly CompiledRule[], subject: Subject) {
  return strongestOf(rules, (rule) => ruleMatches(rule, subject));
}

/** The one severity order (deny > escalate > approve) for operations and tool calls alike. */
export function strongestOf(
  rules: readonly CompiledRule[],
  matches: (rule: CompiledRule) => boolean,
): CompiledRule | undefined {
  let best: CompiledRule | undefined;
  for (const rule of rules) {
    if (best !== undefined && severity[rule.verdict] <= severity[best.verdict]) continue;
    if (matches(rule)) {
      best = rule;
      if (rule.verdict === "deny") break;
    }
  }
  return best;
}

export function ruleResult(
  rule: CompiledRule,
  subject: Subject,
  ctx: Parameters<Stage["decide"]>[1],
): StageResult {
  const why = rule.rule.description ? ` (${rule.rule.description.replace(/\.$/u, "")})` : "";
  return {
    verdict: rule.verdict,
    rule: rule.id,
    reason: `Policy rule "${rule.id}" ${verbs[rule.verdict]} ${doing(subject, ctx)}${why}.`,
  };
}

export const ruleStage: Stage = {
  meta: {
    name: "rule",
    kinds: ["read", "write", "delete", "execute", "network"],
    check: "rule",
    description: "policy rules: any matching deny wins, then escalate, then approve",
    pass: "no policy rule matches",
  },
  decide(subject, ctx) {
    const rule = strongestRule(ctx.rules, subject);
    return rule ? ruleResult(rule, subject, ctx) : undefined;
  },
};
