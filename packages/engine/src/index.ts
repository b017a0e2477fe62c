export { defaultPolicy } from "@automode/policy";
export {
  buildEngine,
  type CoreOptions,
  type DecideOptions,
  type Engine,
  type OperationTrace,
  type Trace,
} from "./core.js";
export {
  createEngine,
  createEngineSync,
  type EngineOptions,
  PolicyError,
} from "./engine.js";
export { formatTrace } from "./explain/format.js";
export { hasUnsafeText, safeText } from "./explain/safe-text.js";
export { globToRegExp } from "./pipeline/rules/glob.js";
export { compileToolPattern, matchesTool, type ToolPattern } from "./pipeline/rules/tools.js";
export type { TraceStep } from "./pipeline/run.js";
export { hardLimitChecks } from "./pipeline/stages/index.js";
export type { ReadScope } from "./pipeline/subjects.js";
export {
  ACTION_TOOLS,
  BOOKKEEPING_TOOLS,
  isModelledTool,
  MODELLED_TOOLS,
} from "./pipeline/tools/known.js";
export type { Analyzer, EngineEnv, ScopeLike } from "./ports.js";
export {
  analyzeCommand,
  initShellParser,
  PARSER_ENV,
  parserChoiceFromEnv,
  type ShellContext,
  type ShellParserChoice,
  ShellParserError,
  type ShellParserKind,
} from "./shell/index.js";
export * from "./types.js";
