import type { FileSystem, Scope, ScopeEnv } from "@automode/scope";
import type { Analyzer } from "./ports.js";
import { analyzeCommand } from "./shell/index.js";

/** Binds the shell analysis to one project's scope, file system and home folder. */
export function makeAnalyzer(o: { scope: Scope; fs: FileSystem; env: ScopeEnv }): Analyzer {
  return (line, cwd) => analyzeCommand(line, { cwd, home: o.env.home, fs: o.fs });
}
