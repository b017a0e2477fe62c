import { relative } from "node:path";
import type { Policy, Rule } from "@automode/policy";
import type { RuleContext } from "../rule.js";
import { docsUrl, type RuleModule } from "../rule.js";
import { commandTokens, sampleCommand, samplePath, wildcardToken } from "../samples.js";
import { requiredCoverage } from "./ignore-file-coverage.js";

const id = "rule-hard-limit";

/** The pipeline stages no rule can loosen (SPEC section 5, stages 1–4). */
export const hardChecks: ReadonlySet<string> = new Set([
  "privilege",
  "ignored-path",
  "self-protection",
  "credentials",
  "system-path",
  "destructive",
  "remote-code",
  "unparseable",
  "dynamic",
]);

/** A rule loosens a hard limit when its verdict is milder than what the hard limit decides. */
function loosens(rule: Rule, hardVerdict: string): boolean {
  if (rule.verdict === "approve") return hardVerdict !== "approve";
  return rule.verdict === "escalate" && hardVerdict === "deny";
}

async function checkCommands(context: RuleContext, policy: Policy, rule: Rule, index: number) {
  if (rule.commands === undefined) return;
  const engine = await context.engine({ policy: { ...policy, rules: [rule], tests: [] } });
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
      const decision = engine.decide({ kind: "execute", command, cwd: context.root });
      if (!hardChecks.has(decision.check) || !loosens(rule, decision.verdict)) continue;
      context.report({
        message: `rule "${rule.id}" would ${rule.verdict} "${pattern}", but the hard limit wins: ${decision.check} (${decision.verdict}): ${decision.reason}`,
        at,
      });
      break;
    }
  }
}

async function checkPaths(context: RuleContext, rule: Rule, index: number) {
  if (rule.paths === undefined || rule.commands !== undefined || rule.domains !== undefined) return;
  if (
    rule.operations !== undefined &&
    !rule.operations.some((k) => k !== "execute" && k !== "network")
  )
    return;
  if (context.ignoreText === undefined) return;
  const scope = await context.scope();
  const ruleMatcher = scope.matcher(rule.paths);
  const candidates = new Set<string>([
    ...requiredCoverage.map((c) => c.sample),
    ...context.ignoreLines.flatMap((l) =>
      l.pattern === undefined || l.pattern.startsWith("!") ? [] : [samplePath(l.pattern)],
    ),
    ...rule.paths.filter((p) => !p.startsWith("!")).map(samplePath),
  ]);
  for (const candidate of candidates) {
    const info = scope.classify(candidate, context.root);
    if (!info.ignored || !ruleMatcher.matches(info)) continue;
    const name = relative(context.root, context.ignoreFile);
    context.report({
      message: `rule "${rule.id}" would ${rule.verdict} "${candidate}", which ${name} ignores, but the hard limit wins: ignored paths are always denied`,
      at: { file: "policy", path: ["rules", index, "paths"] },
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
    for (const [index, rule] of policy.rules.entries()) {
      if (rule.verdict === "deny") continue;
      await checkCommands(context, policy, rule, index);
      await checkPaths(context, rule, index);
    }
  },
};
