import type { Policy, PolicyAction, Tier, Verdict } from "@automode/policy";

/**
 * The parts of `@automode/scope` and `@automode/engine` the linter uses, as ARCHITECTURE.md
 * documents them. They load lazily: the engine brings tree-sitter, which a lint run without
 * policy tests or command rules never needs.
 */
export interface ResolvedPathPort {
  input: string;
  absolute: string;
  real: string;
  exists: boolean;
  isDirectory: boolean;
}

export interface PathInfoPort extends ResolvedPathPort {
  ignored: boolean;
}

export interface ScopePort {
  root: string;
  resolve(target: string, cwd: string): ResolvedPathPort;
  classify(target: string, cwd: string): PathInfoPort;
  matcher(patterns: string[]): { matches(path: ResolvedPathPort): boolean };
}

export interface ScopeOptions {
  projectRoot: string;
  additionalDirectories?: string[];
  ignoreFile?: string;
}

export interface DecisionPort {
  verdict: Verdict;
  reason: string;
  check: string;
  rule?: string;
}

export interface EnginePort {
  decide(action: PolicyAction): DecisionPort;
}

export interface EngineOptions {
  projectRoot: string;
  policy?: Policy;
  tier?: Tier;
}

/** A peer package could not be loaded or lacks the documented export: an internal failure. */
export class PeerUnavailableError extends Error {}

async function loadExport(pkg: string, name: string): Promise<unknown> {
  let mod: Record<string, unknown>;
  try {
    // A computed specifier keeps the type checker from requiring the export before it exists.
    const specifier: string = pkg;
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PeerUnavailableError(`cannot load ${pkg}: ${why}`);
  }
  const value = mod[name];
  if (typeof value !== "function") {
    throw new PeerUnavailableError(`${pkg} does not export ${name}() yet`);
  }
  return value;
}

export async function loadCreateScope(): Promise<(options: ScopeOptions) => ScopePort> {
  return (await loadExport("@automode/scope", "createScope")) as (
    options: ScopeOptions,
  ) => ScopePort;
}

export async function loadCreateEngine(): Promise<(options: EngineOptions) => EnginePort> {
  return (await loadExport("@automode/engine", "createEngine")) as (
    options: EngineOptions,
  ) => EnginePort;
}
