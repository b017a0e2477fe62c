import type { Engine, EngineOptions } from "@automode/engine";

/** `@automode/engine` could not be loaded (say, its build is missing): an internal failure. */
export class PeerUnavailableError extends Error {}

/**
 * Creates a real engine. The engine package loads lazily: it brings the bash parser, which a
 * lint run without policy tests or command rules never needs.
 */
export async function loadEngine(options: EngineOptions): Promise<Engine> {
  return (await importEngine()).createEngine(options);
}

/** The engine package, imported on first use; a failure to load it is a `PeerUnavailableError`. */
export async function importEngine(): Promise<typeof import("@automode/engine")> {
  try {
    return await import("@automode/engine");
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PeerUnavailableError(`cannot load @automode/engine: ${why}`);
  }
}
