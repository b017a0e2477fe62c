import { docsUrl, type RuleModule } from "../rule.js";

const id = "ignore-trailing-space";

export const ignoreTrailingSpace: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description: "A pattern in the ignore file ends in spaces that git drops.",
    rationale:
      "git ignores trailing spaces unless each is escaped with a backslash, so `secret.txt ` protects `secret.txt`, not the name it looks like. Remove the spaces, or escape them if the name really ends in one.",
    docs: docsUrl(id),
  },
  check(context) {
    for (const line of context.ignoreLines) {
      if (line.pattern === undefined || line.pattern.length === line.text.length) continue;
      context.report({
        message: `"${line.text}" ends in ${line.text.length - line.pattern.length} space(s) that git drops: the pattern is "${line.pattern}"`,
        at: {
          file: "ignore",
          range: {
            line: line.line,
            column: line.pattern.length + 1,
            endLine: line.line,
            endColumn: line.text.length + 1,
          },
        },
      });
    }
  },
};
