import { isAbsolute, relative, resolve } from "node:path";
import type { ResolvedPath } from "@automode/scope";
import { docsUrl, type RuleModule } from "../rule.js";
import { filler } from "../samples.js";

const id = "rule-self-protected-write";

/**
 * What keeps automode in charge (SPEC section 5, self-protection) and the agent's own
 * configuration under `.claude/`, as sample paths relative to the project root.
 */
export const selfProtectedSamples: readonly string[] = [
  ".claude/policy.json",
  ".claude/settings.json",
  ".claude/settings.local.json",
  ".claude/audit.jsonl",
  ".claude/audit.jsonl.lock",
  `.claude/${filler}`,
  `.claude/commands/${filler}.md`,
  `.claude/agents/${filler}.md`,
  ".claudeignore",
  `${filler}/.claudeignore`,
  `${filler}/.claude/policy.json`,
  ".git/hooks/pre-commit",
  "node_modules/.bin/automode",
  "node_modules/automode/package.json",
  "node_modules/@automode/engine/package.json",
];

const writeKinds = new Set(["write", "delete"]);

export const ruleSelfProtectedWrite: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "An approve rule for writes or deletes under `.claude/` or of another file that keeps automode in charge (ignore files, git hooks, automode's installed files).",
    rationale:
      "The agent may never change what governs it: the policy, the ignore file, Claude Code's settings that hold the hook, its own commands and agents, git hooks, automode itself. Self-protection denies most of these whatever a rule says, and an approve rule for the rest of `.claude/` lets the agent rewrite its own instructions. Approve the project files you mean instead.",
    docs: docsUrl(id),
  },
  async check(context) {
    const policy = context.policy;
    if (policy === undefined) return;
    const candidates = policy.rules
      .map((rule, index) => ({ rule, index }))
      .filter(
        ({ rule }) =>
          rule.verdict === "approve" &&
          rule.paths !== undefined &&
          rule.commands === undefined &&
          rule.domains === undefined &&
          rule.tools === undefined &&
          (rule.operations === undefined || rule.operations.some((k) => writeKinds.has(k))),
      );
    if (candidates.length === 0) return;
    const scope = await context.scope();
    const governing = [
      context.policyFile,
      context.ignoreFile,
      resolve(context.root, policy.audit.path),
    ]
      .map((file) => relative(context.root, file))
      .filter((rel) => rel !== "" && !rel.startsWith("..") && !isAbsolute(rel));
    const samples = [...new Set([...selfProtectedSamples, ...governing])];
    // The same few samples are asked of every candidate rule: resolve each once.
    const resolvedSamples = new Map<string, ResolvedPath>();
    const resolveSample = (sample: string) => {
      let resolved = resolvedSamples.get(sample);
      if (resolved === undefined) {
        resolved = scope.resolve(sample, context.root);
        resolvedSamples.set(sample, resolved);
      }
      return resolved;
    };
    for (const { rule, index } of candidates) {
      const paths = rule.paths ?? [];
      const matcher = scope.matcher(paths);
      // A literal name of the policy, ignore file or log is rule-hard-limit's finding.
      const literal = paths.filter((p) => !p.startsWith("!") && !/[*?[]/u.test(p));
      const literalMatcher = literal.length > 0 ? scope.matcher(literal) : undefined;
      const hit = samples.find((sample) => {
        const resolved = resolveSample(sample);
        if (!matcher.matches(resolved)) return false;
        return !(governing.includes(sample) && literalMatcher?.matches(resolved));
      });
      if (hit === undefined) continue;
      const verbs = { write: "writing", delete: "deleting" } as const;
      const kinds = (rule.operations ?? ["write", "delete"])
        .filter((k): k is "write" | "delete" => writeKinds.has(k))
        .map((k) => verbs[k])
        .join(" and ");
      context.report({
        message: `rule "${rule.id}" approves ${kinds} "${hit.split(filler).join("…")}", which keeps automode in charge: the agent never changes its own configuration (self-protection)`,
        at: { file: "policy", path: ["rules", index, "paths"] },
      });
    }
  },
};
