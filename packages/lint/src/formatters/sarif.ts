import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { RuleModule } from "../rule.js";
import type { LintResult } from "../types.js";

export interface SarifOptions {
  /** The rules the run knew, listed in `tool.driver.rules` whether or not they reported. */
  rules: readonly RuleModule[];
  /** `artifactLocation.uri` is relative to this folder: the git top level (GitHub code scanning's checkout). */
  repoRoot: string;
  /** The linter's version, for `tool.driver.version`. */
  version: string;
}

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
const informationUri = "https://github.com/automode/automode/tree/main/packages/lint";

/**
 * The file as a URI reference relative to the repository root (forward slashes, each segment
 * percent-encoded); a file outside the repository gets an absolute `file:` URI instead.
 */
export function relativeUri(repoRoot: string, file: string): string {
  // `<text>` (standard input without a name) is no path: keep it as a relative reference.
  if (!isAbsolute(file)) return encodeURIComponent(file);
  const rel = relative(repoRoot, file);
  if (rel.startsWith("..") || isAbsolute(rel)) return pathToFileURL(file).href;
  return rel.split(sep).map(encodeURIComponent).join("/");
}

/** SARIF 2.1.0, as GitHub code scanning accepts it. */
export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  const index = new Map(options.rules.map((rule, i) => [rule.meta.id, i]));
  const log = {
    $schema: sarifSchema,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "automode-lint",
            informationUri,
            version: options.version,
            rules: options.rules.map(({ meta }) => ({
              id: meta.id,
              shortDescription: { text: meta.description },
              fullDescription: { text: `${meta.description} ${meta.rationale}` },
              help: {
                text: `${meta.rationale} See ${meta.docs}`,
                markdown: `${meta.rationale}\n\n[${meta.id} documentation](${meta.docs})`,
              },
              helpUri: meta.docs,
              defaultConfiguration: { level: meta.severity === "error" ? "error" : "warning" },
            })),
          },
        },
        // Our columns are JavaScript string offsets: UTF-16 code units.
        columnKind: "utf16CodeUnits",
        results: results.flatMap((result) =>
          result.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 2 ? "error" : "warning",
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(options.repoRoot, result.filePath) },
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    endLine: m.endLine,
                    endColumn: Math.max(m.endColumn, m.endLine === m.line ? m.column : 1),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
