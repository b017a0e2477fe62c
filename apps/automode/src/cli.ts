import { readFileSync } from "node:fs";
import { UsageError } from "./args.js";
import { type Io, processIo } from "./io.js";

const USAGE = `Usage: automode <command> [options]

Commands:
  hook claude-code   the Claude Code PreToolUse hook (JSON on stdin)
  decide             decide JSON Lines actions from stdin
  explain -- <cmd>   show how a command is decided
  replay <file>      replay a Claude Code transcript
  audit <verb> <f>   verify, summarize or report an audit log
  lint [files…]      lint the policy (same as automode-lint)
  init               set up automode in this project
  doctor             check the set-up: hook wired and answering, policy, ignore file, log
  serve              a local decision server for Claude Code's http hook and the command hook
  demo               replay a bundled session under all three tiers

Options:
  --help             show this help (also: automode <command> --help)
  --version          show the version
`;

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/**
 * Each command is imported only when it runs: the hook starts once per tool call, and must not
 * pay for replay tables or the linter.
 */
const commands: Record<string, () => Promise<Command>> = {
  hook: async () => (await import("./commands/hook.js")).hook,
  decide: async () => (await import("./commands/decide.js")).decide,
  explain: async () => (await import("./commands/explain.js")).explain,
  replay: async () => (await import("./commands/replay.js")).replay,
  audit: async () => (await import("./commands/audit.js")).audit,
  lint: async () => (await import("./commands/lint.js")).lint,
  init: async () => (await import("./commands/init.js")).init,
  doctor: async () => (await import("./commands/doctor.js")).doctor,
  demo: async () => (await import("./commands/demo.js")).demo,
  serve: async () => (await import("./commands/serve.js")).serve,
};

/** The commands that build engines synchronously and may read a shell command with them. */
const DECIDES = new Set(["decide", "explain", "replay", "demo"]);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    io.out(USAGE);
    return 0;
  }
  if (first === "--version" || first === "-v") {
    io.out(`${version()}\n`);
    return 0;
  }
  const load = commands[first];
  if (load === undefined) {
    io.err(`automode: unknown command "${first}" (see automode --help)\n`);
    return 2;
  }
  try {
    // Commands that decide shell lines ready the parser first (the hook does it itself).
    if (DECIDES.has(first)) await (await import("./engine.js")).readyShellParser();
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`automode ${first}: ${error.message}\n`);
      return 2;
    }
    // Not a user mistake: still one line, the message, and the exit code for internal failure.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`automode ${first}: internal error: ${message}\n`);
    return 2;
  }
}
