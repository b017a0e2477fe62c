import type { FileSystem, Scope, ScopeEnv } from "@automode/scope";
import type { Analyzer } from "./ports.js";
import { analyzeCommand } from "./shell/index.js";
import type { ShellParserChoice } from "./shell/parser-load.js";

/** Binds the shell analysis to one project's scope, file system, home folder and parser. */
export function makeAnalyzer(o: {
  scope: Scope;
  fs: FileSystem;
  env: ScopeEnv;
  parser: ShellParserChoice;
}): Analyzer {
  return (line, cwd) => analyzeCommand(line, { cwd, home: o.env.home, fs: o.fs, parser: o.parser });
}
