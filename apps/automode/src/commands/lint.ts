import { main as lintMain } from "@automode/lint";
import type { Io } from "../io.js";

/** `automode lint` is `automode-lint`: same flags, same output, same exit codes. */
export async function lint(argv: readonly string[], io: Io): Promise<number> {
  return lintMain(argv, {
    cwd: io.cwd,
    env: io.env,
    isTTY: process.stdout.isTTY === true,
    stdout: io.out,
    stderr: io.err,
    stdin: io.stdin,
  });
}
