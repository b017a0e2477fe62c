import type { Rule, Verdict } from "@automode/policy";
import type { PathMatcher, ResolvedPath, Scope } from "@automode/scope";
import { docsUrl, type RuleModule } from "../rule.js";
import { commandTokens, samplePath, wildcardToken } from "../samples.js";
import { ShadowIndex } from "./shadow-index.js";

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

/** Path matchers and resolved sample paths, built once per rule and sample instead of per pair. */
export class CoverCache {
  readonly #matchers = new Map<Rule, PathMatcher>();
  readonly #resolved = new Map<string, ResolvedPath>();

  matcher(scope: Scope, rule: Rule, patterns: string[]): PathMatcher {
    let matcher = this.#matchers.get(rule);
    if (matcher === undefined) {
      matcher = scope.matcher(patterns);
      this.#matchers.set(rule, matcher);
    }
    return matcher;
  }

  resolve(scope: Scope, path: string): ResolvedPath {
    let resolved = this.#resolved.get(path);
    if (resolved === undefined) {
      resolved = scope.resolve(path, scope.root);
      this.#resolved.set(path, resolved);
    }
    return resolved;
  }
}

/** Whether rule `b` matches every operation rule `a` matches (conservatively: when unsure, no). */
export function covers(
  b: Rule,
  a: Rule,
  scope: Scope | undefined,
  cache: CoverCache = new CoverCache(),
): boolean {
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
    const matcher = cache.matcher(scope, b, b.paths);
    const samples = a.paths.map(samplePath);
    if (!samples.every((p) => matcher.matches(cache.resolve(scope, p)))) return false;
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
    // Only rules filed where they could cover `a` are compared with it, in policy order, so
    // the first covering rule is the one a pairwise search finds.
    const index = new ShadowIndex(rules, scope, context.root);
    const cache = new CoverCache();
    rules.forEach((a, at) => {
      let b: Rule | undefined;
      for (const candidate of index.candidates(a)) {
        const other = rules[candidate] as Rule;
        if (other === a || severity[other.verdict] <= severity[a.verdict]) continue;
        if (covers(other, a, scope, cache)) {
          b = other;
          break;
        }
      }
      if (b === undefined) return;
      context.report({
        message: `rule "${a.id}" (${a.verdict}) never applies: rule "${b.id}" (${b.verdict}) matches everything it matches, and the stricter verdict wins`,
        at: { file: "policy", path: ["rules", at, "id"] },
      });
    });
  },
};
