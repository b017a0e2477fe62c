import { painter, shouldColor } from "@automode/lint/color";
import type { Tier, Verdict } from "@automode/policy";
import type { AppDecision } from "../decision.js";
import type { ReplayRow } from "./run.js";
import {
  CALL_WIDTH,
  cellText,
  fit,
  REASON_WIDTH,
  renderRow,
  type Segment,
  tableWidth,
  textWidth,
} from "./table.js";

const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };
const verdicts: readonly Verdict[] = ["approve", "escalate", "deny"];

export interface Style {
  verdict(verdict: Verdict, padded: string): string;
  dim(text: string): string;
  /** The width rows must fit (undefined: not cut to a screen). */
  width?: number | undefined;
}

const verdictColor = { approve: "green", escalate: "yellow", deny: "red" } as const;

/**
 * Colours by the one rule of `@automode/lint/color` (FORCE_COLOR, then NO_COLOR set and not
 * empty, then whether stdout is a terminal), rows cut to `tableWidth`.
 */
export function styleFor(tty: boolean, env: NodeJS.ProcessEnv, width?: number): Style {
  const paint = painter(shouldColor({ isTTY: tty, env }));
  return {
    verdict: (verdict, padded) => paint(verdictColor[verdict], padded),
    dim: (text) => paint("dim", text),
    width,
  };
}

/** The style for tables printed to this process's standard output. */
export function stdoutStyle(env: NodeJS.ProcessEnv): Style {
  return styleFor(process.stdout.isTTY === true, env, tableWidth(process.stdout, env));
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
  const out = [
    renderRow(
      [{ text: `${"tier".padEnd(12)}${verdicts.map((v) => v.padStart(10)).join("")}` }],
      style.width,
    ),
  ];
  for (const tier of tiers) {
    const counts = verdicts.map(
      (verdict) => rows.filter((row) => row.decisions[tier]?.verdict === verdict).length,
    );
    const segments: Segment[] = [{ text: tier.padEnd(12) }];
    counts.forEach((count, i) => {
      segments.push({
        text: String(count).padStart(10),
        style: (text) => style.verdict(verdicts[i]!, text),
      });
    });
    out.push(renderRow(segments, style.width));
  }
  return `${out.join("\n")}\n`;
}

export interface CallTableOptions {
  /** Only rows some tier does not approve. */
  flaggedOnly?: boolean;
  /** The most the call column takes (default 44). */
  callWidth?: number;
  /** The most the reason column takes (default 90). */
  reasonWidth?: number;
}

/**
 * One row per call: number, call, the verdict under each tier, and the reason. On a screen
 * (`style.width`) the call and reason columns shrink to fit it (the call keeps up to half
 * of the room, the reason the rest), cells are cut with an ellipsis, and no row is wider.
 */
export function callTable(
  rows: readonly ReplayRow[],
  tiers: readonly Tier[],
  style: Style,
  options: CallTableOptions = {},
): string {
  const col = Math.max(...tiers.map((tier) => tier.length)) + 2;
  const shown = rows.flatMap((row, index) => {
    const worst = strictest(row, tiers);
    if (options.flaggedOnly && worst?.verdict === "approve") return [];
    const why =
      worst === undefined
        ? ""
        : `${worst.check}${worst.rule ? ` ${worst.rule}` : ""}: ${worst.reason}`;
    return [{ row, number: index + 1, label: cellText(row.label), why: cellText(why) }];
  });
  let callWidth = Math.min(
    options.callWidth ?? CALL_WIDTH,
    Math.max(4, ...shown.map((s) => textWidth(s.label))),
  );
  let reasonWidth = Math.min(
    options.reasonWidth ?? REASON_WIDTH,
    Math.max(6, ...shown.map((s) => textWidth(s.why))),
  );
  const fixed = 3 + 2 + 2 + tiers.length * col;
  if (style.width !== undefined && fixed + callWidth + reasonWidth > style.width) {
    const room = Math.max(style.width - fixed, 0);
    callWidth = Math.min(callWidth, Math.max(Math.floor(room / 2), room - reasonWidth));
    reasonWidth = Math.max(room - callWidth, 0);
  }
  const header = renderRow(
    [
      {
        text: `${"#".padStart(3)}  ${fit("call", callWidth)}  ${tiers.map((t) => t.padEnd(col)).join("")}reason`,
      },
    ],
    style.width,
  );
  const rule = "-".repeat(
    Math.min(fixed + callWidth + reasonWidth, style.width ?? Number.POSITIVE_INFINITY),
  );
  const out = [header, style.dim(rule)];
  for (const { row, number, label, why } of shown) {
    const segments: Segment[] = [
      { text: `${String(number).padStart(3)}  ${fit(label, callWidth)}  ` },
    ];
    for (const tier of tiers) {
      const verdict = row.decisions[tier]?.verdict;
      segments.push(
        verdict === undefined
          ? { text: "".padEnd(col) }
          : { text: verdict.padEnd(col), style: (text) => style.verdict(verdict, text) },
      );
    }
    segments.push({ text: fit(why, reasonWidth) });
    out.push(renderRow(segments, style.width));
  }
  return `${out.join("\n")}\n`;
}

/** A one-line progress bar for stderr on a terminal; `\r` redraws it in place. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} tool calls`;
}
