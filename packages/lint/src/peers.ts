import type { Policy, PolicyAction, Tier, Verdict } from "@automode/policy";

/**
 * The part of `@automode/engine` the linter uses, as ARCHITECTURE.md documents it
 * (`createEngine(...).decide(action)`). It loads lazily: the engine brings tree-sitter, which a
 * lint run without policy tests or command rules never needs.
 */
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

export async function loadCreateEngine(): Promise<(options: EngineOptions) => EnginePort> {
  return (await loadExport("@automode/engine", "createEngine")) as (
    options: EngineOptions,
  ) => EnginePort;
}
