import { readFileSync } from "node:fs";

const USAGE = `Usage: automode-lint [files…] [options]

Lints an automode policy (.claude/policy.json) and the .claudeignore it names.

Options:
  --format <f>        stylish | json | sarif | github (default: stylish)
  --max-warnings <n>  exit 1 when there are more warnings than n
  --quiet             report errors only
  --rule <id=level>   set a rule to off | warn | error
  --print-schema      print the policy JSON Schema
  --help              show this help
  --version           show the version
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.includes("--version") || argv.includes("-v")) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  process.stderr.write("automode-lint: linting is not implemented yet\n");
  return 2;
}
