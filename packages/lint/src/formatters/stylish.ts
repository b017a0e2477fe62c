import { relative } from "node:path";
import type { LintResult } from "../types.js";

export interface StylishOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** ANSI colours; the CLI turns them on only on a TTY and never with NO_COLOR. */
  color: boolean;
}

const codes = { red: 31, yellow: 33, dim: 2, bold: 1, underline: 4 } as const;

function paint(on: boolean) {
  return (style: keyof typeof codes, text: string) =>
    on ? `\u001b[${codes[style]}m${text}\u001b[0m` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** ESLint's stylish layout: problems grouped by file, aligned columns, a summary line. */
export function formatStylish(results: readonly LintResult[], options: StylishOptions): string {
  const c = paint(options.color);
  let out = "";
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    const rows = result.messages.map((m) => ({
      where: `${m.line}:${m.column}`,
      level: m.severity === 2 ? "error" : "warning",
      message: m.message.replace(/\s+$/, ""),
      rule: m.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const levelWidth = Math.max(...rows.map((r) => r.level.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    out += `\n${c("underline", relative(options.cwd, result.filePath) || result.filePath)}\n`;
    for (const r of rows) {
      const level = r.level.padEnd(levelWidth);
      out += `  ${c("dim", r.where.padEnd(whereWidth))}  ${c(r.level === "error" ? "red" : "yellow", level)}  ${r.message.padEnd(messageWidth)}  ${c("dim", r.rule)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return "";
  const summary = `\u2716 ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  out += `\n${c("bold", c(errors > 0 ? "red" : "yellow", summary))}\n`;
  return out;
}
