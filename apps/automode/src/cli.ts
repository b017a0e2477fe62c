import { readFileSync } from "node:fs";

const USAGE = `Usage: automode <command> [options]

Commands:
  hook claude-code   the Claude Code PreToolUse hook (JSON on stdin)
  decide             decide JSON Lines actions from stdin
  explain -- <cmd>   show how a command is decided
  replay <file>      replay a Claude Code transcript
  audit <verb> <f>   verify, summarize or report an audit log
  lint [files…]      lint the policy (same as automode-lint)
  init               set up automode in this project
  demo               replay a bundled session under all three tiers

Options:
  --help             show this help
  --version          show the version
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === "--help" || first === "-h") {
    process.stdout.write(USAGE);
    return first === undefined ? 2 : 0;
  }
  if (first === "--version" || first === "-v") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  process.stderr.write(`automode: unknown command "${first}" (see automode --help)\n`);
  return 2;
}
