import { relative } from "node:path";
import { docsUrl, lineRange, type RuleModule } from "../rule.js";

const id = "ignore-negation-unreachable";

/**
 * The literal parent folders of a negated pattern (`!secrets/sub/a.txt` → `secrets`,
 * `secrets/sub`), up to the first segment with a wildcard. Empty when the pattern has no
 * slash before its end: such a pattern matches at any depth, so no one parent decides it.
 */
export function literalParents(negated: string): string[] {
  let body = negated.replace(/\/+$/, "");
  if (!body.includes("/")) return [];
  body = body.replace(/^\/+/, "");
  const segments = body.split("/");
  const parents: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    if (segment === "" || /[*?[\\]/.test(segment)) break;
    parents.push(segments.slice(0, i + 1).join("/"));
  }
  return parents;
}

export const ignoreNegationUnreachable: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description:
      "A negation (!pattern) in the ignore file can never re-include its paths, because a parent folder is excluded.",
    rationale:
      "git (and automode, which matches the same way) never looks inside an excluded folder, so `!secrets/public.txt` after `secrets/` does nothing. The author meant something else.",
    docs: docsUrl(id),
  },
  async check(context) {
    const negations = context.ignoreLines.filter((l) => l.pattern?.startsWith("!"));
    if (negations.length === 0) return;
    const scope = await context.scope();
    const patterns = context.ignoreLines.flatMap((l) =>
      l.pattern === undefined ? [] : [l.pattern],
    );
    const all = scope.matcher(patterns);
    const name = relative(context.root, context.ignoreFile);
    for (const line of negations) {
      const pattern = line.pattern!;
      for (const parent of literalParents(pattern.slice(1))) {
        // Judged as a folder whether or not it exists: the ignore file describes any checkout.
        const folder = { ...scope.resolve(parent, context.root), isDirectory: true };
        if (!all.matches(folder)) continue;
        context.report({
          message: `"${pattern}" can never re-include anything: its parent folder "${parent}/" is excluded by ${name}, and git does not look inside excluded folders`,
          at: {
            file: "ignore",
            range: lineRange(line.line, line.text.length),
          },
        });
        break;
      }
    }
  },
};
