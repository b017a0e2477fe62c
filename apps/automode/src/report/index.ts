import { existsSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { DecisionRecord } from "@automode/audit";
import { defaultPolicy } from "@automode/policy";
import { UsageError } from "../args.js";
import { engineFor } from "../engine.js";
import { loadProject, PolicyError, type Project } from "../project/load.js";
import { makeExplain } from "./explain.js";
import { findings } from "./findings.js";
import { formatHtml } from "./html.js";
import { chainStatus, loadRecords } from "./load.js";
import { formatMarkdown } from "./markdown.js";
import type { ReportFilters, ReportInput } from "./model.js";
import { type SuggestOptions, suggestRules } from "./suggest.js";
import { formatText } from "./text.js";

export type { ReportInput } from "./model.js";
export { formatHtml, formatMarkdown, formatText };

export const formats = ["text", "markdown", "html"] as const;
export type ReportFormat = (typeof formats)[number];

/** ESLint-formatter style: each format is a pure function of the report's input. */
export const formatters: Record<ReportFormat, (input: ReportInput) => string> = {
  text: (input) => formatText(input),
  markdown: (input) => formatMarkdown(input),
  html: (input) => formatHtml(input),
};

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The most frequent absolute `cwd` of the records: the folder the agent worked in. */
function usualCwd(records: readonly DecisionRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of records)
    if (r.cwd?.startsWith("/")) counts.set(r.cwd, (counts.get(r.cwd) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The project a log's records are judged in (its root and policy), for the engine that re-runs
 * them: the one `--policy` names; else the project whose `.claude/` holds the log; else the
 * folder the records ran in most, with its policy when it still exists, the built-in default
 * policy when it does not (a log copied off its machine).
 */
export function reportProject(
  log: string,
  records: readonly DecisionRecord[],
  env: NodeJS.ProcessEnv,
  given: Project | undefined,
): Project {
  if (given !== undefined) return given;
  const folder = dirname(log);
  const root = basename(folder) === ".claude" ? dirname(folder) : usualCwd(records);
  if (root !== undefined && isDir(root)) {
    try {
      return loadProject({ cwd: root, env: { ...env, CLAUDE_PROJECT_DIR: root } });
    } catch (error) {
      // The records are re-run in their project: with its policy broken, say so in one line.
      if (error instanceof PolicyError)
        throw new UsageError(`${error.message} (fix it, or name another policy with --policy)`);
      throw error;
    }
  }
  const policy = defaultPolicy();
  return {
    root: root ?? folder,
    policy,
    tier: policy.tier,
    policyHash: "",
    auditPath: log,
  };
}

export interface BuildOptions {
  filters: ReportFilters;
  env: NodeJS.ProcessEnv;
  /** The project `--policy` names, when given. */
  project?: Project;
  /** How the log is named in the report (default: its path). */
  label?: string;
  suggest?: Omit<SuggestOptions, "root" | "taken">;
}

/** Reads, verifies and analyses a log: everything the formatters need, computed once. */
export async function buildReport(log: string, options: BuildOptions): Promise<ReportInput> {
  const loaded = loadRecords(log, options.filters);
  const chain = await chainStatus(log);
  const project = reportProject(log, loaded.records, options.env, options.project);
  const explain = makeExplain((tier) => engineFor(project, tier));
  return {
    log: options.label ?? log,
    chain,
    filters: options.filters,
    records: loaded.records,
    total: loaded.total,
    recoveries: loaded.recoveries,
    invalid: loaded.invalid,
    findings: findings(loaded.records, explain),
    suggest: suggestRules(loaded.records, explain, {
      root: project.root,
      taken: project.policy.rules.map((r) => r.id),
      ...options.suggest,
    }),
  };
}
