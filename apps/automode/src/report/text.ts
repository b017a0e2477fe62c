import { formatSummary } from "@automode/audit";
import { checkOf, filterLine, flagged, summaryOf } from "./counts.js";
import { cut, escapedDeep, oneLine } from "./escape.js";
import type { ReportInput } from "./model.js";
import { suggestionJson } from "./suggestion-json.js";

export interface TextOptions {
  /** Targets and commands longer than this are cut with a marker. Default 200. */
  width?: number;
}

/** The report for a terminal: the chain, the counts, every flagged decision, the findings. */
export function formatText(input: ReportInput, options: TextOptions = {}): string {
  const width = options.width ?? 200;
  const out: string[] = [`${oneLine(input.log)}: ${oneLine(input.chain.message)}`, ""];
  const filters = filterLine(input);
  if (filters !== "") out.push(oneLine(filters), "");
  out.push(formatSummary(escapedDeep(summaryOf(input))));
  const list = input.records.filter(flagged);
  out.push(`Escalated and denied decisions (${list.length}):`);
  for (const r of list) {
    out.push(
      `  #${String(r.seq).padEnd(5)} ${r.ts}  ${r.verdict.padEnd(8)} ${oneLine(r.tool ?? "-").padEnd(10)} ${cut(r.target, width)}`,
      `         ${oneLine(checkOf(input, r))}: ${cut(r.reason, width * 2)}`,
    );
  }
  const { destinations, hostless, outsideWrites } = input.findings;
  if (destinations.length > 0 || hostless.length > 0) {
    out.push("", `Network destinations (${destinations.length}):`);
    for (const d of destinations) {
      const verdicts = Object.entries(d.verdicts)
        .map(([v, n]) => `${n} ${v}`)
        .join(", ");
      out.push(`  ${oneLine(d.host).padEnd(40)} ${String(d.count).padStart(5)}  (${verdicts})`);
    }
    for (const h of hostless)
      out.push(`  #${h.seq} ${h.verdict}: ${cut(h.command, width)} (no URL)`);
  }
  if (outsideWrites.length > 0) {
    out.push("", `Writes outside the project (${outsideWrites.length}):`);
    for (const w of outsideWrites)
      out.push(
        `  #${String(w.seq).padEnd(5)} ${w.verdict.padEnd(8)} ${w.kind.padEnd(6)} ${cut(w.path, width)}`,
      );
  }
  const { destructive } = input.findings;
  if (destructive.length > 0) {
    out.push("", `Destructive commands (${destructive.length}):`);
    for (const d of destructive)
      out.push(
        `  #${String(d.seq).padEnd(5)} ${d.verdict.padEnd(8)} ${cut(d.command, width)}`,
        `         ${cut(d.reason, width * 2)}`,
      );
  }
  const { suggestions, unsuggested } = input.suggest;
  out.push("", `Suggested rules (${suggestions.length}):`);
  if (suggestions.length === 0)
    out.push("  none: no escalation repeats in a way one narrow rule would approve");
  for (const s of suggestions) {
    out.push(`  ${s.count} escalations, e.g. ${cut(s.example, width)}`);
    for (const line of suggestionJson(s).split("\n")) out.push(`    ${line}`);
    if (s.note !== undefined) out.push(`  (${s.note})`);
  }
  for (const u of unsuggested)
    out.push(
      `  no rule for ${u.count} escalation${u.count === 1 ? "" : "s"} like ${cut(u.what, 80)}: ${u.why}`,
    );
  return `${out.join("\n").trimEnd()}\n`;
}
