import { isAbsolute, relative } from "node:path";
import { painter } from "../color.js";
import type { LintResult } from "../types.js";

export interface StylishOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** ANSI colours (`util.styleText`); the CLI decides with `shouldColor`. */
  color: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** ESLint's stylish layout: problems grouped by file, aligned columns, a summary line. */
export function formatStylish(results: readonly LintResult[], options: StylishOptions): string {
  const c = painter(options.color);
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
    // `<text>` (standard input without a name) is no path: shown as it is.
    const name = isAbsolute(result.filePath)
      ? relative(options.cwd, result.filePath) || result.filePath
      : result.filePath;
    out += `\n${c("underline", name)}\n`;
    for (const r of rows) {
      const level = r.level.padEnd(levelWidth);
      out += `  ${c("dim", r.where.padEnd(whereWidth))}  ${c(r.level === "error" ? "red" : "yellow", level)}  ${r.message.padEnd(messageWidth)}  ${c("dim", r.rule)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return "";
  const summary = `\u2716 ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  out += `\n${c(["bold", errors > 0 ? "red" : "yellow"], summary)}\n`;
  return out;
}
