import { parseArgs } from "node:util";
import { type Format, formats } from "./formatters/index.js";
import { UsageError } from "./lint.js";
import type { RuleLevel } from "./types.js";

export interface CliOptions {
  files: string[];
  format: Format;
  maxWarnings: number;
  quiet: boolean;
  ruleLevels: Record<string, RuleLevel>;
  printSchema: boolean;
  help: boolean;
  version: boolean;
  /** Lint the policy text on standard input (`--stdin`). */
  stdin: boolean;
  /** The file name standard input stands for (`--stdin-filename`). */
  stdinFilename: string | undefined;
  /** Write the report here instead of standard output (`-o`, `--output-file`). */
  outputFile: string | undefined;
  /** `--color` (true), `--no-color` (false), the last one given; undefined when neither. */
  color: boolean | undefined;
}

const levels: readonly RuleLevel[] = ["off", "warn", "error"];

/** Parses the command line; a mistake throws a UsageError with a one-line message. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util's messages are one line and name the flag; drop its advice to use "--".
    const message =
      error instanceof Error ? error.message.split(/\. To specify/)[0]! : String(error);
    throw new UsageError(message.replace(/\s+/g, " ").trim());
  }
  const { values, positionals, tokens } = parsed;

  const format = values.format ?? "stylish";
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${formats.join(", ")})`);
  }

  let maxWarnings = -1;
  if (values["max-warnings"] !== undefined) {
    const raw = values["max-warnings"];
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1) {
      throw new UsageError(
        `--max-warnings expects a whole number of 0 or more (or -1 for no limit), not "${raw}"`,
      );
    }
    maxWarnings = Number(raw);
  }

  const ruleLevels: Record<string, RuleLevel> = {};
  for (const entry of values.rule ?? []) {
    const match = /^([^=\s]+)=(\w+)$/.exec(entry);
    if (match === null || !(levels as readonly string[]).includes(match[2]!)) {
      throw new UsageError(`--rule expects id=off|warn|error, not "${entry}"`);
    }
    ruleLevels[match[1]!] = match[2] as RuleLevel;
  }

  if (values["stdin-filename"] !== undefined && !values.stdin) {
    throw new UsageError("--stdin-filename names standard input: give --stdin with it");
  }
  if (values.stdin && positionals.length > 0) {
    throw new UsageError("--stdin lints standard input: give no files with it");
  }
  if (values["output-file"] === "") throw new UsageError("--output-file needs a file name");

  // The last of --color and --no-color wins, as with any repeated flag.
  let color: boolean | undefined;
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (token.name === "color") color = true;
    if (token.name === "no-color") color = false;
  }

  return {
    files: positionals,
    format: format as Format,
    maxWarnings,
    quiet: values.quiet ?? false,
    ruleLevels,
    printSchema: values["print-schema"] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    stdin: values.stdin ?? false,
    stdinFilename: values["stdin-filename"],
    outputFile: values["output-file"],
    color,
  };
}

/**
 * ESLint accepts `--max-warnings -1`; node:util's parser reads a value starting with `-` as
 * an option, so a negative number after the flag is joined to it first.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === "--max-warnings" && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: joinNegativeValues(argv),
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      format: { type: "string", short: "f" },
      "max-warnings": { type: "string" },
      quiet: { type: "boolean" },
      rule: { type: "string", multiple: true },
      "print-schema": { type: "boolean" },
      stdin: { type: "boolean" },
      "stdin-filename": { type: "string" },
      "output-file": { type: "string", short: "o" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
