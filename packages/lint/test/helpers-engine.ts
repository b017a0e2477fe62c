import { mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "@automode/engine";

/**
 * Whether the engine's shell analysis is wired in: until it is, the engine denies every
 * command with check `internal-error`, and the command halves of two rules cannot be shown.
 */
export async function shellReady(): Promise<boolean> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "automode-lint-shell-")));
  const engine = await createEngine({ projectRoot: root });
  return engine.decide({ kind: "execute", command: "ls", cwd: root }).check !== "internal-error";
}
