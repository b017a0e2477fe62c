import type { FileSystem, Scope, ScopeEnv } from "@automode/scope";
import type { Analyzer } from "./ports.js";

/**
 * Binds the shell analysis to one project's scope, file system and home folder.
 * Until `src/shell` exports `analyzeCommand`, every command fails closed (internal-error deny).
 */
export function makeAnalyzer(_o: { scope: Scope; fs: FileSystem; env: ScopeEnv }): Analyzer {
  return () => {
    throw new Error("the shell analysis is not wired in yet");
  };
}
