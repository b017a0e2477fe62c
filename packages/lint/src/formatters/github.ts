import { isAbsolute, relative, sep } from "node:path";
import type { LintResult } from "../types.js";

export interface GithubOptions {
  /** Annotation paths are relative to the repository root (the workspace on a runner). */
  repoRoot: string;
}

/** Escapes a command's message exactly as @actions/core's `escapeData` does. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a command property exactly as @actions/core's `escapeProperty` does. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub workflow commands (`::error file=…,line=…,col=…::message`), one per problem. */
export function formatGithub(results: readonly LintResult[], options: GithubOptions): string {
  let out = "";
  for (const result of results) {
    // `<text>` (standard input without a name) is no path: shown as it is.
    const file = isAbsolute(result.filePath)
      ? relative(options.repoRoot, result.filePath).split(sep).join("/")
      : result.filePath;
    for (const m of result.messages) {
      const properties: Array<[string, string | number]> = [
        ["file", file],
        ["line", m.line],
        ["col", m.column],
        ["endLine", m.endLine],
        ["endColumn", m.endColumn],
        ["title", `automode-lint ${m.ruleId}`],
      ];
      const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
      const command = m.severity === 2 ? "error" : "warning";
      out += `::${command} ${props}::${escapeData(`${m.message} (${m.ruleId})`)}\n`;
    }
  }
  return out;
}
