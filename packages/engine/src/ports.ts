import type { Operation } from "./types.js";

/**
 * The parts of `@automode/scope` and of the shell analysis the pipeline relies on, named here
 * so the pipeline depends on a shape, not on how the peers build it. `adapters.ts` is the only
 * module that binds them to the real implementations.
 */

export interface ResolvedPathLike {
  input: string;
  absolute: string;
  real: string;
  exists: boolean;
  isDirectory: boolean;
  /** Standard input (`/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`). */
  stdin?: true;
  /** Why nobody can tell which file the path names (another process's `/proc/<pid>/…`). */
  unknown?: string;
}

export interface PathInfoLike extends ResolvedPathLike {
  inside: boolean;
  ignored: boolean;
  credential: boolean;
  system: boolean;
  selfProtected: boolean;
  /** Why, when the path as written does not tell (baseline list, hard link). */
  note?: string;
}

export interface PathMatcherLike {
  matches(path: ResolvedPathLike): boolean;
}

export interface ScopeLike {
  root: string;
  caseSensitive: boolean;
  /** Throws on a NUL byte or a relative cwd. */
  classify(target: string, cwd: string): PathInfoLike;
  containsIgnored(absoluteDir: string): boolean;
  /** Why `containsIgnored` said yes: an ignored path, or a tree past the walk's budget. */
  containsAnswer?(absoluteDir: string): { kind: "clean" | "ignored" | "too-large" };
  matcher(patterns: string[]): PathMatcherLike;
}

export interface EngineEnv {
  home: string;
  platform: NodeJS.Platform;
  caseSensitive?: boolean;
}

/** Turns one bash command line into operations (SPEC section 4). */
export type Analyzer = (line: string, cwd: string) => Operation[];
