import { safeText } from "@automode/engine";
import { reasonText } from "../hook/output.js";
import type { AnsweredDecision } from "./types.js";

/** A deny or escalate that the agent cannot show as a question, said so in the reason. */
export function blockedReason(decision: AnsweredDecision, agent: string): string {
  const text = reasonText(decision);
  if (decision.verdict !== "escalate") return text;
  return `${text} (this needs a person's approval, and ${agent} cannot ask from a hook, so automode blocks it: run it yourself, or approve it with a policy rule)`;
}

/** Invalid input and internal failures: the decisions an agent must block by exit code. */
export function isFailure(decision: AnsweredDecision): boolean {
  return (
    decision.verdict === "deny" &&
    (decision.check === "invalid-input" || decision.check === "internal-error")
  );
}

/** One line for stderr (exit-2 conventions show it to the model as the reason). */
export function stderrLine(decision: AnsweredDecision): string {
  return `${safeText(reasonText(decision)).replaceAll("\n", " ")}\n`;
}
