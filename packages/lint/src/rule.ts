import type { JsonPath } from "@automode/policy";
import type { ProjectContext } from "./context.js";
import type { Range } from "./types.js";

/** Where the docs of every rule live; `helpUri` in SARIF points here. */
export const docsBase = "https://github.com/automode/automode/blob/main/packages/lint/docs/rules";

export interface RuleMeta {
  id: string;
  /** The severity when `--rule` does not say otherwise. */
  severity: "warn" | "error";
  /** One line: what the rule catches. */
  description: string;
  /** Why it matters, for SARIF's full description and help text. */
  rationale: string;
  /** The rule's documentation page. */
  docs: string;
}

/** Where a report points: a JSON path in the policy file, or a range in a named file. */
export type ReportLocation =
  | { file: "policy"; path: JsonPath }
  | { file: "policy" | "ignore"; range: Range };

/** The start of a file, for problems that belong to no one value. */
export const fileStart: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** One line of a file, from its first column over `length` characters. */
export function lineRange(line: number, length: number): Range {
  return { line, column: 1, endLine: line, endColumn: length + 1 };
}

export interface Report {
  message: string;
  at: ReportLocation;
}

/** What a rule's check is given: the project, and a way to report. */
export interface RuleContext extends ProjectContext {
  report(report: Report): void;
}

/** An ESLint-style rule module: `meta` plus a check that reports through the context. */
export interface RuleModule {
  meta: RuleMeta;
  check(context: RuleContext): void | Promise<void>;
}

export function docsUrl(id: string): string {
  return `${docsBase}/${id}.md`;
}
