import type { Tier, Verdict } from "@automode/policy";
import type { AppDecision } from "../decision.js";
import type { ReplayRow } from "./run.js";

const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };
const verdicts: readonly Verdict[] = ["approve", "escalate", "deny"];

export interface Style {
  verdict(verdict: Verdict, padded: string): string;
  dim(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const colors: Record<Verdict, (text: string) => string> = {
  approve: ansi(32),
  escalate: ansi(33),
  deny: ansi(31),
};

/** Colours only on a terminal that has not asked for none (NO_COLOR). */
export function styleFor(tty: boolean, env: NodeJS.ProcessEnv): Style {
  if (!tty || env.NO_COLOR !== undefined || env.TERM === "dumb") {
    return { verdict: (_, padded) => padded, dim: (text) => text };
  }
  return { verdict: (verdict, padded) => colors[verdict](padded), dim: ansi(2) };
}

function fit(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

/**
 * The decision that explains a row: one with the row's most severe verdict, the default tier's
 * (balanced) when it has it, else the first tier's.
 */
export function strictest(row: ReplayRow, tiers: readonly Tier[]): AppDecision | undefined {
  let best: AppDecision | undefined;
  for (const tier of tiers) {
    const decision = row.decisions[tier];
    if (decision === undefined) continue;
    const worse = best === undefined || severity[decision.verdict] > severity[best.verdict];
    const preferred =
      best !== undefined &&
      severity[decision.verdict] === severity[best.verdict] &&
      tier === "balanced";
    if (worse || preferred) best = decision;
  }
  return best;
}

export function countsTable(
  rows: readonly ReplayRow[],
  tiers: readonly Tier[],
  style: Style,
): string {
  const out = [`${"tier".padEnd(12)}${verdicts.map((v) => v.padStart(10)).join("")}`];
  for (const tier of tiers) {
    const counts = verdicts.map(
      (verdict) => rows.filter((row) => row.decisions[tier]?.verdict === verdict).length,
    );
    out.push(
      `${tier.padEnd(12)}${counts
        .map((count, i) => style.verdict(verdicts[i]!, String(count).padStart(10)))
        .join("")}`,
    );
  }
  return `${out.join("\n")}\n`;
}

export interface CallTableOptions {
  /** Only rows some tier does not approve. */
  flaggedOnly?: boolean;
  callWidth?: number;
  reasonWidth?: number;
}

/** One row per call: number, call, the verdict under each tier, and the reason. */
export function callTable(
  rows: readonly ReplayRow[],
  tiers: readonly Tier[],
  style: Style,
  options: CallTableOptions = {},
): string {
  const callWidth = options.callWidth ?? 44;
  const reasonWidth = options.reasonWidth ?? 90;
  const col = Math.max(...tiers.map((tier) => tier.length)) + 2;
  const header = `${"#".padStart(3)}  ${"call".padEnd(callWidth)}  ${tiers.map((t) => t.padEnd(col)).join("")}reason`;
  const out = [header, style.dim("-".repeat(header.length + 40))];
  rows.forEach((row, index) => {
    const worst = strictest(row, tiers);
    if (options.flaggedOnly && worst?.verdict === "approve") return;
    const cells = tiers
      .map((tier) => {
        const verdict = row.decisions[tier]?.verdict;
        return verdict === undefined ? "".padEnd(col) : style.verdict(verdict, verdict.padEnd(col));
      })
      .join("");
    const why =
      worst === undefined
        ? ""
        : `${worst.check}${worst.rule ? ` ${worst.rule}` : ""}: ${worst.reason}`;
    out.push(
      `${String(index + 1).padStart(3)}  ${fit(row.label, callWidth)}  ${cells}${fit(why, reasonWidth).trimEnd()}`,
    );
  });
  return `${out.join("\n")}\n`;
}

/** A one-line progress bar for stderr on a terminal; `\r` redraws it in place. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} tool calls`;
}
