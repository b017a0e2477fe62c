import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { loadProject, type ProjectTarget } from "./context.js";
import type { Report, RuleContext, RuleModule } from "./rule.js";
import { rules as allRules } from "./rules/index.js";
import type { LintMessage, LintResult, RuleLevel, Severity } from "./types.js";

export interface LintOptions {
  /** Where relative file arguments resolve, and the project when no files are given. */
  cwd?: string;
  /** Policy files or project folders; none lints the project at `cwd`. */
  files?: readonly string[];
  /** Per-rule levels over the defaults, as `--rule id=level` gives them. */
  ruleLevels?: Readonly<Record<string, RuleLevel>>;
  /** Report errors only (warnings are dropped and not counted). */
  quiet?: boolean;
  /** The rules to run; all built-in rules by default. */
  rules?: readonly RuleModule[];
  /**
   * Lint this policy text instead of a file (`--stdin`). `filename` (`--stdin-filename`)
   * names it in reports and places it in a project as a policy file argument would (it need
   * not exist); without it the text is reported as `<text>` and the project is `cwd`.
   */
  stdin?: { text: string; filename?: string | undefined };
}

/** How a policy read from standard input without a file name is reported (as ESLint does). */
export const stdinName = "<text>";

/** A user mistake in the input (a missing file, an unknown rule): exit 2 with this one line. */
export class UsageError extends Error {}

const policyPath = (root: string) => resolve(root, ".claude", "policy.json");

/** The project a policy given on standard input belongs to. */
function stdinTarget(stdin: NonNullable<LintOptions["stdin"]>, cwd: string): ProjectTarget {
  if (stdin.filename === undefined) {
    return { root: cwd, policyFile: policyPath(cwd), policyText: stdin.text, reportAs: stdinName };
  }
  const path = resolve(cwd, stdin.filename);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(`--stdin-filename names a folder, not a policy file: ${stdin.filename}`);
  }
  const folder = dirname(path);
  const root = basename(folder) === ".claude" ? dirname(folder) : cwd;
  return { root, policyFile: path, policyText: stdin.text };
}

/**
 * Turns a file argument into a project: a folder is a project root; `.claudeignore` names the
 * project it sits in; any other file is a policy file.
 */
export function projectTarget(argument: string, cwd: string): ProjectTarget {
  const path = resolve(cwd, argument);
  if (!existsSync(path)) throw new UsageError(`no such file or folder: ${argument}`);
  if (statSync(path).isDirectory()) return { root: path, policyFile: policyPath(path) };
  const folder = dirname(path);
  // An ignore file given by name (say, by an editor or a hook): lint the project it belongs to.
  if (basename(path) === ".claudeignore") return { root: folder, policyFile: policyPath(folder) };
  // `.claude/policy.json` lives in the project root's `.claude/`; any other file is linted against `cwd`.
  const root = basename(folder) === ".claude" ? dirname(folder) : resolve(cwd);
  return { root, policyFile: path };
}

/** Lints each project and returns one ESLint-shaped result per file it looked at. */
export async function lint(options: LintOptions = {}): Promise<LintResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? allRules;
  const levels = options.ruleLevels ?? {};
  for (const id of Object.keys(levels)) {
    if (!rules.some((rule) => rule.meta.id === id)) throw new UsageError(`unknown rule: ${id}`);
  }
  const files = options.files ?? [];
  if (options.stdin !== undefined && files.length > 0) {
    throw new UsageError("--stdin lints standard input: give no files with it");
  }
  const targets: ProjectTarget[] =
    options.stdin !== undefined
      ? [stdinTarget(options.stdin, cwd)]
      : files.length === 0
        ? [{ root: cwd, policyFile: policyPath(cwd) }]
        : files.map((file) => projectTarget(file, cwd));

  const byFile = new Map<string, LintMessage[]>();
  for (const target of targets) {
    const project = loadProject(target);
    const policyName = target.reportAs ?? project.policyFile;
    // Every file the linter looked at gets a result, even a clean one, as ESLint does.
    if (project.policyText !== undefined) byFile.set(policyName, byFile.get(policyName) ?? []);
    if (project.ignoreText !== undefined)
      byFile.set(project.ignoreFile, byFile.get(project.ignoreFile) ?? []);
    for (const rule of rules) {
      const level = levels[rule.meta.id] ?? rule.meta.severity;
      if (level === "off" || (options.quiet && level === "warn")) continue;
      const severity: Severity = level === "error" ? 2 : 1;
      const context: RuleContext = {
        ...project,
        report(report: Report) {
          const file = report.at.file === "policy" ? policyName : project.ignoreFile;
          const range = "range" in report.at ? report.at.range : project.locate(report.at.path);
          const message: LintMessage = {
            ruleId: rule.meta.id,
            severity,
            message: report.message,
            line: range.line,
            column: range.column,
            nodeType: null,
            endLine: range.endLine,
            endColumn: range.endColumn,
          };
          if (rule.meta.id === "policy-syntax") message.fatal = true;
          const list = byFile.get(file) ?? [];
          list.push(message);
          byFile.set(file, list);
        },
      };
      await rule.check(context);
    }
  }
  return [...byFile.entries()].map(([filePath, messages]) => result(filePath, messages));
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const errors = messages.filter((m) => m.severity === 2);
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    fatalErrorCount: errors.filter((m) => m.fatal === true).length,
    warningCount: messages.length - errors.length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

export interface Totals {
  errors: number;
  warnings: number;
}

export function totals(results: readonly LintResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  return { errors, warnings };
}

/** ESLint's exit code: 1 on any error or on more warnings than `maxWarnings` (-1: no limit). */
export function exitCode(results: readonly LintResult[], maxWarnings = -1): 0 | 1 {
  const { errors, warnings } = totals(results);
  if (errors > 0) return 1;
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
}
