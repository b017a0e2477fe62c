export {
  buildEngine,
  type CoreOptions,
  type DecideOptions,
  type Engine,
  type OperationTrace,
  type Trace,
} from "./core.js";
export { createEngine, createEngineSync, type EngineOptions, PolicyError } from "./engine.js";
export { formatTrace } from "./explain/format.js";
export type { TraceStep } from "./pipeline/run.js";
export { hardLimitChecks } from "./pipeline/stages/index.js";
export type { ReadScope } from "./pipeline/subjects.js";
export type { Analyzer, EngineEnv, ScopeLike } from "./ports.js";
export { analyzeCommand, type ShellContext } from "./shell/index.js";
export * from "./types.js";
