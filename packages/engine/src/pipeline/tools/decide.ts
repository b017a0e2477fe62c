import { hasUnsafeText, safeText } from "../../explain/safe-text.js";
import type { Decision, Verdict } from "../../types.js";
import { toolRuleMatches } from "../rules/compile.js";
import { strongestOf, verbs } from "../stages/rule.js";
import type { PipelineContext } from "../types.js";
import { ACTION_TOOLS, BOOKKEEPING_TOOLS } from "./known.js";

/** The longest tool name accepted; Claude Code's MCP names are well below it. */
const MAX_TOOL_NAME = 256;

function decided(
  ctx: PipelineContext,
  tool: string,
  verdict: Verdict,
  check: Decision["check"],
  reason: string,
  rule?: string,
): Decision {
  const shown = safeText(reason);
  const target = safeText(tool);
  const decision: Decision = {
    verdict,
    reason: shown,
    check,
    tier: ctx.tier,
    operations: [{ kind: "tool", target, verdict, check, reason: shown }],
  };
  if (rule !== undefined) {
    decision.rule = rule;
    decision.operations[0]!.rule = rule;
  }
  return decision;
}

/**
 * A call to a tool that maps to no action (SPEC section 7): the agent's bookkeeping tools are
 * approved in every tier; any other tool (MCP tools included) is decided by the `tools` rules
 * that match it, deny > escalate > approve, and escalated when none does. A tool that maps to
 * an action (`Bash`, `Write`, …) is never decided here: its input is what must be judged, so
 * a call that reaches this function for one is malformed, and denied.
 */
export function decideToolCall(tool: unknown, ctx: PipelineContext): Decision {
  if (typeof tool !== "string" || tool === "") {
    return decided(ctx, "", "deny", "invalid-input", "The tool call names no tool.");
  }
  if (tool.length > MAX_TOOL_NAME || hasUnsafeText(tool)) {
    return decided(
      ctx,
      tool.slice(0, MAX_TOOL_NAME),
      "deny",
      "invalid-input",
      "The tool name is malformed (control or bidi characters, or too long).",
    );
  }
  const name = JSON.stringify(tool);
  if (ACTION_TOOLS.has(tool)) {
    return decided(
      ctx,
      tool,
      "deny",
      "invalid-input",
      `The tool ${name} is decided by what its input does, and this call gave none automode can read.`,
    );
  }
  if (BOOKKEEPING_TOOLS.has(tool)) {
    return decided(
      ctx,
      tool,
      "approve",
      "bookkeeping",
      `${tool} is the agent's own bookkeeping and touches no file, command or host.`,
    );
  }
  const rule = strongestOf(ctx.rules, (r) => toolRuleMatches(r, tool));
  if (rule !== undefined) {
    const why = rule.rule.description ? ` (${rule.rule.description.replace(/\.$/u, "")})` : "";
    return decided(
      ctx,
      tool,
      rule.verdict,
      "rule",
      `Policy rule "${rule.id}" ${verbs[rule.verdict]} the tool ${name}${why}.`,
      rule.id,
    );
  }
  return decided(
    ctx,
    tool,
    "escalate",
    "unknown-tool",
    `automode has no model of the tool ${name}, so a person decides (a "tools" rule can decide it).`,
  );
}
