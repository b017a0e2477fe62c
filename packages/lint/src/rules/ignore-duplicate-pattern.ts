import { docsUrl, lineRange, type RuleModule } from "../rule.js";

const id = "ignore-duplicate-pattern";

export const ignoreDuplicatePattern: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description: "The same pattern appears twice in the ignore file.",
    rationale:
      "A duplicate changes nothing but hides intent: when one copy is later edited or removed, the other silently keeps (or stops) matching.",
    docs: docsUrl(id),
  },
  check(context) {
    const first = new Map<string, number>();
    for (const line of context.ignoreLines) {
      if (line.pattern === undefined) continue;
      const seen = first.get(line.pattern);
      if (seen === undefined) {
        first.set(line.pattern, line.line);
        continue;
      }
      context.report({
        message: `"${line.pattern}" repeats the pattern on line ${seen}`,
        at: {
          file: "ignore",
          range: lineRange(line.line, line.pattern.length),
        },
      });
    }
  },
};
