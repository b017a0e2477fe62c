import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Tier, tiers } from "@automode/policy";

/** A user mistake on the command line: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed<O extends Options> {
  values: ReturnType<
    typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
  >["values"];
  positionals: string[];
}

/**
 * `node:util` parseArgs in strict mode, with its errors turned into a UsageError that carries
 * node's own message ("Unknown option '--x'") without the error code prefix.
 */
export function parse<O extends Options>(argv: readonly string[], options: O): Parsed<O> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split("\n")[0] ?? message);
  }
}

export function parseTier(value: string | undefined): Tier | undefined {
  if (value === undefined) return undefined;
  if ((tiers as readonly string[]).includes(value)) return value as Tier;
  throw new UsageError(`--permission-tier must be one of ${tiers.join(", ")} (got "${value}")`);
}

export const tierOption = { "permission-tier": { type: "string" } } as const;
export const helpOption = { help: { type: "boolean", short: "h" } } as const;
