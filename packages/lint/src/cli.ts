import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { policyJsonSchema } from "@automode/policy";
import { type CliOptions, parseCli } from "./args.js";
import { shouldColor } from "./color.js";
import { ReadError } from "./context.js";
import { formatGithub, formatJson, formatSarif, formatStylish } from "./formatters/index.js";
import { gitTopLevel } from "./git.js";
import { exitCode, lint, totals, UsageError } from "./lint.js";
import { PeerUnavailableError } from "./peers.js";
import { rules } from "./rules/index.js";
import type { LintResult } from "./types.js";

const USAGE = `Usage: automode-lint [files…] [options]

Lints an automode policy (.claude/policy.json) and the .claudeignore it names.
With no files, lints the project in the current folder. A file is a policy file;
a folder is a project root.

Options:
  -f, --format <f>          stylish | json | sarif | github (default: stylish)
  -o, --output-file <file>  write the report to this file instead of standard output
  --max-warnings <n>        exit 1 when there are more than n warnings (-1: no limit, the default)
  --quiet                   report errors only
  --rule <id=level>         set a rule to off | warn | error (repeatable)
  --stdin                   lint the policy text on standard input
  --stdin-filename <file>   the policy file standard input stands for (its project, its name in reports)
  --color, --no-color       force colours on or off (default: on a terminal; FORCE_COLOR, NO_COLOR)
  --print-schema            print the policy JSON Schema and exit
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors, 1 errors or too many warnings, 2 bad usage or internal failure.
`;

/**
 * This package's version. Read from its package.json; when the CLI is bundled into another
 * program (the app bundles it), `../package.json` is that program's, so the name is checked
 * and the installed package is looked up instead.
 */
export function version(): string {
  const candidates = [() => new URL("../package.json", import.meta.url)];
  candidates.push(() =>
    pathToFileURL(createRequire(import.meta.url).resolve("@automode/lint/package.json")),
  );
  for (const candidate of candidates) {
    try {
      const pkg = JSON.parse(readFileSync(candidate(), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "@automode/lint" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // Not there in this layout; try the next place.
    }
  }
  return "0.0.0-unknown";
}

/** The environment the CLI reads; injectable so tests need not touch the process. */
export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether standard output is a terminal. */
  isTTY: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where `--stdin` reads the policy from; the process's standard input by default. */
  stdin?: NodeJS.ReadableStream;
}

const processEnvironment = (): CliEnvironment => ({
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
});

/**
 * Whether stylish output is coloured on standard output without a flag: `shouldColor`'s
 * rule (FORCE_COLOR, then NO_COLOR set and not empty, then a terminal).
 */
export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return shouldColor({ isTTY, env });
}

/**
 * Colour for the report: a flag wins; a report file (`-o`) is coloured only with `--color`
 * (FORCE_COLOR is for logs, and escape codes in a saved report are noise).
 */
function reportColor(options: CliOptions, io: CliEnvironment): boolean {
  if (options.outputFile !== undefined) return options.color === true;
  return shouldColor({ flag: options.color, env: io.env, isTTY: io.isTTY });
}

async function readText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The report file cannot be written: exit 2 with one line. */
class OutputError extends Error {}

/** Writes the report file as ESLint does: parent folders created, written even when empty. */
function writeReport(file: string, text: string, cwd: string): void {
  const path = resolve(cwd, file);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new OutputError(`cannot write the report to ${file}: it is a folder`);
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new OutputError(`cannot write the report to ${file}: ${code}`);
  }
}

export function render(
  results: readonly LintResult[],
  options: CliOptions,
  io: CliEnvironment,
): string {
  const repoRoot = gitTopLevel(io.cwd) ?? io.cwd;
  switch (options.format) {
    case "json":
      return formatJson(results);
    case "sarif":
      return formatSarif(results, { rules, repoRoot, version: version() });
    case "github":
      return formatGithub(results, { repoRoot });
    default:
      return formatStylish(results, { cwd: io.cwd, color: reportColor(options, io) });
  }
}

/** Runs the CLI and returns its exit code; user mistakes are one line on stderr, never a stack. */
export async function main(
  argv: readonly string[],
  io: CliEnvironment = processEnvironment(),
): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (options.version) {
      io.stdout(`${version()}\n`);
      return 0;
    }
    if (options.printSchema) {
      io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
      return 0;
    }
    const stdin = options.stdin
      ? { text: await readText(io.stdin ?? process.stdin), filename: options.stdinFilename }
      : undefined;
    const results = await lint({
      cwd: io.cwd,
      files: options.files,
      ruleLevels: options.ruleLevels,
      quiet: options.quiet,
      ...(stdin !== undefined ? { stdin } : {}),
    });
    const report = render(results, options, io);
    if (options.outputFile !== undefined) writeReport(options.outputFile, report, io.cwd);
    else io.stdout(report);
    const { errors, warnings } = totals(results);
    if (errors === 0 && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
      io.stderr(`automode-lint: too many warnings (${warnings}, maximum ${options.maxWarnings})\n`);
    }
    return exitCode(results, options.maxWarnings);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof PeerUnavailableError ||
      error instanceof ReadError ||
      error instanceof OutputError
    ) {
      io.stderr(`automode-lint: ${error.message}\n`);
      return 2;
    }
    // An internal failure: still one line by default; AUTOMODE_DEBUG shows the stack for bug reports.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`automode-lint: internal error: ${message.split("\n")[0]}\n`);
    if (io.env.AUTOMODE_DEBUG && error instanceof Error && error.stack)
      io.stderr(`${error.stack}\n`);
    return 2;
  }
}
