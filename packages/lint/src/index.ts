export { type CliEnvironment, main, useColor } from "./cli.js";
export { type ColorSettings, type ColorStyle, type Paint, painter, shouldColor } from "./color.js";
export { type ProjectContext, ReadError } from "./context.js";
export {
  escapeData,
  escapeProperty,
  type Format,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  formats,
} from "./formatters/index.js";
export {
  exitCode,
  type LintOptions,
  lint,
  projectTarget,
  stdinName,
  totals,
  UsageError,
} from "./lint.js";
export { PeerUnavailableError } from "./peers.js";
export { docsUrl, type Report, type RuleContext, type RuleMeta, type RuleModule } from "./rule.js";
export { rules } from "./rules/index.js";
export type { LintMessage, LintResult, Range, RuleLevel, Severity } from "./types.js";
