import { isAbsolute, relative, resolve } from "node:path";
import { type Decision, type Engine, hardLimitChecks } from "@automode/engine";
import type { Policy, Rule } from "@automode/policy";
import type { PathInfo, ResolvedPath, Scope } from "@automode/scope";
import type { RuleContext } from "../rule.js";
import { docsUrl, type RuleModule } from "../rule.js";
import { commandTokens, filler, sampleCommand, samplePath, wildcardToken } from "../samples.js";
import { requiredCoverage } from "./ignore-file-coverage.js";

const id = "rule-hard-limit";

/** A rule loosens a hard limit when its verdict is milder than what the hard limit decides. */
function loosens(rule: Rule, hardVerdict: string): boolean {
  if (rule.verdict === "approve") return hardVerdict !== "approve";
  return rule.verdict === "escalate" && hardVerdict === "deny";
}

/**
 * Two engines for the same project: `bare` has the policy without rules, `full` the whole
 * policy. Hard limits are decided before rules, so a sample the bare engine finds no hard
 * limit in has none with the rules either; only the few that do are decided again with the
 * rules (a deny rule can turn a limit's escalation into a deny). Deciding every sample with
 * every rule made the check quadratic in the number of rules.
 */
interface Engines {
  bare: Engine;
  full: Engine;
}

function touchesHardLimit(decision: Decision): boolean {
  return (
    hardLimitChecks.has(decision.check) ||
    decision.operations.some((op) => hardLimitChecks.has(op.check))
  );
}

async function checkCommands(context: RuleContext, engines: Engines, rule: Rule, index: number) {
  if (rule.commands === undefined) return;
  for (const [n, pattern] of rule.commands.entries()) {
    const at = { file: "policy" as const, path: ["rules", index, "commands", n] };
    if (rule.verdict === "approve" && wildcardToken(commandTokens(pattern)[0] ?? "")) {
      context.report({
        message: `rule "${rule.id}" approves any command through "${pattern}", including "sudo …" and "rm -rf …": the hard limits win (privilege is denied, destructive commands are escalated)`,
        at,
      });
      continue;
    }
    // The pattern as written and with one more operand: `rm -rf` is only destructive with a target.
    const sample = sampleCommand(pattern);
    for (const command of [sample, `${sample} automode-sample`]) {
      const action = { kind: "execute" as const, command, cwd: context.root };
      if (!touchesHardLimit(engines.bare.decide(action))) continue;
      const decision = engines.full.decide(action);
      if (!hardLimitChecks.has(decision.check) || !loosens(rule, decision.verdict)) continue;
      context.report({
        message: `rule "${rule.id}" would ${rule.verdict} "${pattern}", but the hard limit wins: ${decision.check} (${decision.verdict}): ${decision.reason}`,
        at,
      });
      break;
    }
  }
}

/** The last segment of a path pattern: what it names inside the folders it reaches. */
function lastSegment(pattern: string): string {
  const segments = pattern.replace(/\/+$/, "").split("/");
  return segments[segments.length - 1] ?? "";
}

/**
 * Paths a rule names on purpose. A folder-wide pattern (`config/**`) names the folder, not the
 * one key file an ignore pattern protects inside it, so only the rule's own samples count for
 * it; a pattern that names files (`.env*`, `*.pem`) is also checked against the checklist's
 * sample secrets.
 */
function namedPaths(patterns: readonly string[]): string[] {
  const positive = patterns.filter((p) => !p.startsWith("!"));
  const named = new Set(positive.map(samplePath));
  if (positive.some((p) => !/^\*+$/.test(lastSegment(p)))) {
    for (const { sample } of requiredCoverage) named.add(sample);
  }
  return [...named];
}

/**
 * Answers about the same sample paths, asked of every path rule: the checklist's secrets and
 * the governing files recur in every rule, so each is classified or resolved once.
 */
class PathAnswers {
  readonly #classified = new Map<string, PathInfo>();
  readonly #resolved = new Map<string, ResolvedPath>();

  classify(scope: Scope, path: string, cwd: string): PathInfo {
    let info = this.#classified.get(path);
    if (info === undefined) {
      info = scope.classify(path, cwd);
      this.#classified.set(path, info);
    }
    return info;
  }

  resolve(scope: Scope, path: string, cwd: string): ResolvedPath {
    let resolved = this.#resolved.get(path);
    if (resolved === undefined) {
      resolved = scope.resolve(path, cwd);
      this.#resolved.set(path, resolved);
    }
    return resolved;
  }
}

async function checkPaths(
  context: RuleContext,
  policy: Policy,
  rule: Rule,
  index: number,
  answers: PathAnswers,
) {
  if (rule.paths === undefined || rule.commands !== undefined || rule.domains !== undefined) return;
  const kinds = rule.operations ?? ["read", "write", "delete"];
  if (!kinds.some((k) => k === "read" || k === "write" || k === "delete")) return;
  const scope = await context.scope();
  const ruleMatcher = scope.matcher(rule.paths);
  const at = { file: "policy" as const, path: ["rules", index, "paths"] };

  if (context.ignoreText !== undefined) {
    for (const candidate of namedPaths(rule.paths)) {
      const info = answers.classify(scope, candidate, context.root);
      if (!info.ignored || !ruleMatcher.matches(info)) continue;
      const name = relative(context.root, context.ignoreFile);
      context.report({
        message: `rule "${rule.id}" would ${rule.verdict} "${candidate.split(filler).join("…")}", which ${name} ignores, but the hard limit wins: ignored paths are always denied`,
        at,
      });
      return;
    }
  }

  // Self-protection: the agent never writes or deletes the files that govern it. Only a
  // pattern that names a file literally is taken to mean one of them.
  if (!kinds.some((k) => k === "write" || k === "delete")) return;
  const literal = rule.paths.filter((p) => !p.startsWith("!") && !/[*?[]/.test(lastSegment(p)));
  if (literal.length === 0) return;
  const literalMatcher = scope.matcher(literal);
  const governing = [
    context.policyFile,
    context.ignoreFile,
    resolve(context.root, policy.audit.path),
  ];
  for (const file of governing) {
    const rel = relative(context.root, file);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) continue;
    if (!literalMatcher.matches(answers.resolve(scope, rel, context.root))) continue;
    context.report({
      message: `rule "${rule.id}" would ${rule.verdict} writing "${rel}", but the hard limit wins: the policy file, the ignore file and the audit log are never written or deleted by the agent (self-protection)`,
      at,
    });
    return;
  }
}

export const ruleHardLimit: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "A rule tries to loosen a hard limit: approving sudo, a destructive command, any command, or a path the ignore file protects.",
    rationale:
      "Hard limits (privilege, ignored paths, credentials, system paths, destructive and remote code) are decided before rules, and no rule can loosen them. Such a rule never does what it says, and it shows a misunderstanding worth fixing.",
    docs: docsUrl(id),
  },
  async check(context) {
    const policy = context.policy;
    if (policy === undefined) return;
    // Hard limits are decided before rules, so one engine with the whole policy shows them all.
    let engines: Engines | undefined;
    const answers = new PathAnswers();
    for (const [index, rule] of policy.rules.entries()) {
      if (rule.verdict === "deny") continue;
      if (rule.commands !== undefined) {
        engines ??= {
          full: await context.engine({ policy }),
          bare: await context.engine({ policy: { ...policy, rules: [] } }),
        };
        await checkCommands(context, engines, rule, index);
      }
      await checkPaths(context, policy, rule, index, answers);
    }
  },
};
