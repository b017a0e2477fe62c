import type { Trace } from "../core.js";
import { safeText } from "./safe-text.js";

function actionLine(action: unknown): string {
  if (typeof action !== "object" || action === null) return JSON.stringify(action);
  const a = action as Record<string, unknown>;
  const target = a.command ?? a.path ?? a.url;
  const extra = a.recursive === true ? " (recursive)" : "";
  return typeof a.kind === "string" && typeof target === "string"
    ? `${a.kind} ${target}${extra}`
    : JSON.stringify(action);
}

const pad = (s: string, n: number) =>
  s.length >= n ? `${s} ` : `${s}${".".repeat(n - s.length - 1)} `;

/** "rule no-push" when a rule decided, else the check. */
const by = (check: string, rule: string | undefined) =>
  check === "rule" && rule !== undefined ? `rule ${rule}` : check;

/**
 * Plain text, one stage per line, no colours: pure, so tests and the README use it as is.
 * Every line is escaped (`safeText`): the action's path or command is the agent's text, and a
 * newline or an escape sequence in it must not forge or recolour lines of the trace.
 */
export function formatTrace(trace: Trace): string {
  const lines: string[] = [];
  const a = trace.action as { cwd?: unknown };
  lines.push(`action  ${actionLine(trace.action)}`);
  if (typeof a === "object" && a !== null && typeof a.cwd === "string")
    lines.push(`cwd     ${a.cwd}`);
  lines.push(`tier    ${trace.tier}`);
  lines.push(`input   ${trace.input.result}: ${trace.input.why}`);
  trace.operations.forEach((op, i) => {
    const d = op.decision;
    lines.push("");
    lines.push(`${i + 1}. ${d.kind} ${d.target}`);
    for (const fact of op.facts) lines.push(`     ${fact}`);
    for (const step of op.steps) {
      const rule =
        step.rule !== undefined && !step.why.includes(`"${step.rule}"`)
          ? ` [rule ${step.rule}]`
          : "";
      const under = step.check !== step.stage && step.result !== "pass" ? ` [${step.check}]` : "";
      lines.push(`   ${pad(step.stage, 18)}${step.result.padEnd(8)} ${step.why}${rule}${under}`);
    }
    lines.push(`   → ${d.verdict} (${by(d.check, d.rule)})`);
  });
  const d = trace.decision;
  lines.push("");
  lines.push(`decision  ${d.verdict.toUpperCase()} by ${by(d.check, d.rule)}: ${d.reason}`);
  return lines.map(safeText).join("\n");
}
