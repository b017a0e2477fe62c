import { safeText } from "@automode/engine";
import type { Verdict } from "@automode/policy";
import type { AppDecision } from "../decision.js";

/** Claude Code's PreToolUse answer (its hooks reference, "PreToolUse decision control"). */
export interface HookOutput {
  hookSpecificOutput: {
    hookEventName: "PreToolUse";
    permissionDecision: "allow" | "deny" | "ask";
    permissionDecisionReason: string;
  };
}

/** escalate → ask: Claude Code shows the reason to the person and lets them decide. */
export const permissionOf: Record<Verdict, HookOutput["hookSpecificOutput"]["permissionDecision"]> =
  {
    approve: "allow",
    deny: "deny",
    escalate: "ask",
  };

/**
 * The reason Claude Code shows: to Claude on a deny (so it can change course), to the person
 * on an ask. It names the stage (and rule) so either can find the policy line responsible.
 * Escaped once more here (the engine's reasons already are): the app's own reasons quote
 * hook input and error messages, which must not reach the dialog as control characters.
 */
export function reasonText(
  decision: Pick<AppDecision, "reason" | "check" | "rule" | "tier">,
): string {
  const by = decision.rule === undefined ? decision.check : `${decision.check} ${decision.rule}`;
  return safeText(`automode (${decision.tier}, ${by}): ${decision.reason}`);
}

export function hookOutput(
  decision: Pick<AppDecision, "verdict" | "reason" | "check" | "rule" | "tier">,
): HookOutput {
  return {
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision: permissionOf[decision.verdict],
      permissionDecisionReason: reasonText(decision),
    },
  };
}
