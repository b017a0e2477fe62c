/** ESLint's numeric severities: 1 warning, 2 error. */
export type Severity = 1 | 2;

/** How a rule is configured: `--rule id=off|warn|error`. */
export type RuleLevel = "off" | "warn" | "error";

/** One problem, in ESLint's message shape (lines and columns are 1-based). */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  nodeType: null;
  endLine: number;
  endColumn: number;
  /** Set on syntax errors, as ESLint sets it on parsing errors. */
  fatal?: true;
}

/** One linted file, in ESLint's result shape, so tools that read ESLint's JSON read ours. */
export interface LintResult {
  /** Absolute path. */
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
  usedDeprecatedRules: [];
}

/** A 1-based source range. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
