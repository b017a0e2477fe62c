// The pairwise version of this rule as it was before it was made near-linear (main at 30d40da),
// kept unchanged as the oracle test/scale-differential.test.ts compares the indexed one with.
import type { Rule, Verdict } from "@automode/policy";
import type { Scope } from "@automode/scope";
import { docsUrl, type RuleModule } from "../../src/rule.js";
import { commandTokens, samplePath, wildcardToken } from "../../src/samples.js";

const id = "rule-shadowed";

const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };

/** `b` covers every command `a` matches: `b`'s tokens are a prefix of `a`'s, token for token. */
function commandCovers(b: string, a: string): boolean {
  const bt = commandTokens(b);
  const at = commandTokens(a);
  if (bt.length > at.length) return false;
  return bt.every((token, i) => token === at[i] || wildcardToken(token));
}

function domainCovers(b: string, a: string): boolean {
  const norm = (d: string) => d.toLowerCase().replace(/\.$/, "");
  const [nb, na] = [norm(b), norm(a)];
  if (nb === na) return true;
  // `*.example.com` covers `api.example.com` and `*.api.example.com`, never `example.com`.
  return nb.startsWith("*.") && na.endsWith(nb.slice(1)) && na.length > nb.length - 1;
}

function toolCovers(b: string, a: string): boolean {
  if (b === a || /^\*+$/.test(b)) return true;
  const prefix = b.slice(0, -1);
  return b.endsWith("*") && !/[*?[]/.test(prefix) && a.startsWith(prefix);
}

function listCovers(
  b: readonly string[] | undefined,
  a: readonly string[] | undefined,
  covers: (b: string, a: string) => boolean,
): boolean {
  if (b === undefined) return true;
  if (a === undefined) return false;
  return a.every((x) => b.some((y) => covers(y, x)));
}

/** Whether rule `b` matches every operation rule `a` matches (conservatively: when unsure, no). */
export function covers(b: Rule, a: Rule, scope: Scope | undefined): boolean {
  if (b.operations !== undefined) {
    if (a.operations === undefined || !a.operations.every((k) => b.operations!.includes(k)))
      return false;
  }
  if (!listCovers(b.commands, a.commands, commandCovers)) return false;
  if (!listCovers(b.domains, a.domains, domainCovers)) return false;
  if (!listCovers(b.tools, a.tools, toolCovers)) return false;
  if (b.paths !== undefined) {
    if (a.paths === undefined || scope === undefined) return false;
    if ([...a.paths, ...b.paths].some((p) => p.startsWith("!"))) return false;
    const matcher = scope.matcher(b.paths);
    const samples = a.paths.map(samplePath);
    if (!samples.every((p) => matcher.matches(scope.resolve(p, scope.root)))) return false;
  }
  return true;
}

export const ruleShadowed: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description: "A rule never applies because a stricter rule matches everything it matches.",
    rationale:
      "Rules combine by severity, not order: deny wins over escalate, escalate over approve. A milder rule inside a stricter one is dead policy that misleads its readers.",
    docs: docsUrl(id),
  },
  async check(context) {
    const rules = context.policy?.rules ?? [];
    if (rules.length < 2) return;
    const scope = rules.some((r) => r.paths !== undefined) ? await context.scope() : undefined;
    rules.forEach((a, index) => {
      const b = rules.find(
        (other) =>
          other !== a && severity[other.verdict] > severity[a.verdict] && covers(other, a, scope),
      );
      if (b === undefined) return;
      context.report({
        message: `rule "${a.id}" (${a.verdict}) never applies: rule "${b.id}" (${b.verdict}) matches everything it matches, and the stricter verdict wins`,
        at: { file: "policy", path: ["rules", index, "id"] },
      });
    });
  },
};
