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
  const { values, positionals } = parsed;

  const format = values.format ?? "stylish";
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${formats.join(", ")})`);
  }

  let maxWarnings = -1;
  if (values["max-warnings"] !== undefined) {
    const raw = values["max-warnings"];
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1) {
      throw new UsageError(`--max-warnings expects a whole number of 0 or more, not "${raw}"`);
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

  return {
    files: positionals,
    format: format as Format,
    maxWarnings,
    quiet: values.quiet ?? false,
    ruleLevels,
    printSchema: values["print-schema"] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      "max-warnings": { type: "string" },
      quiet: { type: "boolean" },
      rule: { type: "string", multiple: true },
      "print-schema": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
