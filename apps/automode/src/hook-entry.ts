// First: the schemas the imports below build must see the setting.
import "./zod-jitless.js";
import { UsageError } from "./args.js";
import { hook } from "./commands/hook.js";
import { processIo } from "./io.js";

/**
 * The entry of the hook bundle (dist/hook.js): `automode hook …` loads this one file and
 * nothing of the other commands, since it starts once per tool call.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const io = processIo();
  try {
    return await hook(argv.slice(1), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`automode hook: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`automode hook: internal error: ${message}\n`);
    return 2;
  }
}
