import type { Rule } from "@automode/policy";
import type { ResolvedPath, Scope } from "@automode/scope";
import { docsUrl, type RuleModule } from "../rule.js";
import { commandTokens, everyPathSamples, wildcardToken } from "../samples.js";

const id = "rule-too-broad";

const kindWords: Record<string, string> = {
  read: "every read",
  write: "every write",
  delete: "every delete",
  execute: "every command",
  network: "every network request",
};

/** `everyPathSamples` resolved once per scope (on first use): every path rule asks about them. */
const resolvedSamples = new WeakMap<Scope, Map<string, ResolvedPath>>();

function resolveSample(scope: Scope, path: string): ResolvedPath {
  let known = resolvedSamples.get(scope);
  if (known === undefined) {
    known = new Map();
    resolvedSamples.set(scope, known);
  }
  let resolved = known.get(path);
  if (resolved === undefined) {
    resolved = scope.resolve(path, scope.root);
    known.set(path, resolved);
  }
  return resolved;
}

/** What an approve rule approves without limit, or undefined when it is narrower. */
export function everything(rule: Rule, scope: Scope | undefined): string | undefined {
  const broad: string[] = [];
  if (rule.commands !== undefined) {
    if (!rule.commands.some((c) => wildcardToken(commandTokens(c)[0] ?? ""))) return undefined;
    broad.push("every command");
  }
  if (rule.paths !== undefined) {
    if (scope === undefined) return undefined;
    const matcher = scope.matcher(rule.paths);
    const all = everyPathSamples.every((p) => matcher.matches(resolveSample(scope, p)));
    if (!all) return undefined;
    broad.push("every path");
  }
  if (rule.domains !== undefined) {
    if (!rule.domains.some((d) => /^\*+\.?$/.test(d))) return undefined;
    broad.push("every domain");
  }
  if (rule.tools !== undefined) {
    if (!rule.tools.some((t) => /^\*+$/.test(t))) return undefined;
    broad.push("every tool");
  }
  if (broad.length > 0) return broad.join(" and ");
  // Only `operations`: every operation of those kinds, anywhere.
  if (rule.operations === undefined) return "every action";
  return rule.operations.map((kind) => kindWords[kind] ?? kind).join(", ");
}

export const ruleTooBroad: RuleModule = {
  meta: {
    id,
    severity: "error",
    description: "An approve rule so broad it approves every command, path, domain or tool.",
    rationale:
      "Such a rule turns the tier off: unknown commands, installs and reads outside the project are approved without asking. Name what you mean to approve.",
    docs: docsUrl(id),
  },
  async check(context) {
    const rules = context.policy?.rules ?? [];
    if (!rules.some((r) => r.verdict === "approve")) return;
    const scope = rules.some((r) => r.verdict === "approve" && r.paths !== undefined)
      ? await context.scope()
      : undefined;
    rules.forEach((rule, index) => {
      if (rule.verdict !== "approve") return;
      const what = everything(rule, scope);
      if (what === undefined) return;
      context.report({
        message: `rule "${rule.id}" approves ${what}: name the commands, paths or domains it is meant for`,
        at: { file: "policy", path: ["rules", index] },
      });
    });
  },
};
