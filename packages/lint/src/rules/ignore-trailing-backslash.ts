import { escaped } from "../ignore-lines.js";
import { docsUrl, type RuleModule } from "../rule.js";

const id = "ignore-trailing-backslash";

export const ignoreTrailingBackslash: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description: "A pattern in the ignore file ends in an unescaped backslash.",
    rationale:
      "A backslash escapes the next character; at the end of a line there is none, and git treats the pattern as one that matches nothing. The path it looks like it protects is not protected.",
    docs: docsUrl(id),
  },
  check(context) {
    for (const line of context.ignoreLines) {
      const pattern = line.pattern;
      if (pattern === undefined || !pattern.endsWith("\\") || escaped(pattern, pattern.length - 1))
        continue;
      context.report({
        message: `"${pattern}" ends in a backslash that escapes nothing: git never matches this pattern`,
        at: {
          file: "ignore",
          range: {
            line: line.line,
            column: pattern.length,
            endLine: line.line,
            endColumn: pattern.length + 1,
          },
        },
      });
    }
  },
};
