import type { AuditSummary, TargetCount } from "./summary.js";

export interface FormatOptions {
  /** Targets longer than this are cut with an ellipsis (display only). Default 60. */
  targetWidth?: number;
}

function table(title: string, rows: Array<[string, string]>): string[] {
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [title, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v.padStart(7)}`), ""];
}

function counts(record: Record<string, number>): Array<[string, string]> {
  return Object.entries(record)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => [k, String(v)]);
}

function cut(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
}

function targets(list: TargetCount[], width: number): Array<[string, string]> {
  return list.map(({ target, count }) => [cut(target, width), String(count)]);
}

/**
 * The summary as a plain-text report for `automode audit summary` (pure: no I/O, no colour;
 * `--json` prints the `AuditSummary` itself).
 */
export function formatSummary(summary: AuditSummary, options: FormatOptions = {}): string {
  const width = options.targetWidth ?? 60;
  const total = summary.decisions;
  const span = summary.first === null ? "empty log" : `${summary.first} → ${summary.last}`;
  const head = [
    `${total} decision${total === 1 ? "" : "s"}, ${summary.recoveries} recover${summary.recoveries === 1 ? "y" : "ies"}, ${summary.invalid} invalid line${summary.invalid === 1 ? "" : "s"} (${span})`,
    "",
  ];
  const hours = Object.entries(summary.byHour).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const approx = summary.approximate ? " (approximate)" : "";
  return [
    ...head,
    ...table("By verdict", counts(summary.byVerdict)),
    ...table("By check", counts(summary.byCheck)),
    ...table("By tier", counts(summary.byTier)),
    ...table("By tool", counts(summary.byTool)),
    ...table("By agent", counts(summary.byAgent)),
    ...table(
      "By hour (UTC)",
      hours.map(([h, n]) => [`${h}:00`, String(n)]),
    ),
    ...table(`Top escalated${approx}`, targets(summary.topEscalated, width)),
    ...table(`Top denied${approx}`, targets(summary.topDenied, width)),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
}
