/**
 * Programs in other languages passed to a command as arguments (SPEC section 4): sed, awk,
 * jq, yq, SQL through its clients, redis-cli. Each analyser is a pure function of the
 * command's arguments (after shell expansion), its standard input's text and the texts of
 * script files the caller chose to read; none does I/O.
 */
import { analyzeAwk } from "./awk.js";
import { analyzeJq, analyzeYq } from "./jq.js";
import { analyzeRedis } from "./redis.js";
import type { ProgramAnalysis, ProgramArg, ProgramFiles } from "./result.js";
import { analyzeSed } from "./sed.js";
import { analyzeSqlClient, type StdinInput } from "./sql/clients.js";
import type { Client } from "./sql/lexer.js";

export { analyzeAwk } from "./awk.js";
export { analyzeJq, analyzeYq } from "./jq.js";
export { analyzeRedis } from "./redis.js";
export type { ProgramAnalysis, ProgramArg, ProgramFiles } from "./result.js";
export { analyzeSed } from "./sed.js";
export { analyzeSqlClient, type StdinInput } from "./sql/clients.js";

export interface ProgramOptions {
  /** Texts of script files the caller has read (`sed -f`, `psql -f`, `.read`), by path as written. */
  files?: ProgramFiles;
  /** Standard input is a pipe or file whose text automode cannot see. */
  stdinUnknown?: boolean;
}

const SQL_CLIENTS: Readonly<Record<string, Client>> = {
  sqlite3: "sqlite3",
  sqlite: "sqlite3",
  duckdb: "duckdb",
  psql: "psql",
  mysql: "mysql",
  mariadb: "mysql",
  "clickhouse-client": "clickhouse",
};

/** The command names `analyzeProgram` knows (after wrappers and folders are removed). */
export const PROGRAM_COMMANDS: ReadonlySet<string> = new Set([
  "sed",
  "gsed",
  "awk",
  "gawk",
  "mawk",
  "nawk",
  "jq",
  "yq",
  "redis-cli",
  "valkey-cli",
  "clickhouse",
  ...Object.keys(SQL_CLIENTS),
]);

/**
 * Analyses the program a command runs, or returns undefined when the command is not one of
 * these languages. `stdinText` is the literal text on its standard input (a heredoc, a
 * herestring), when there is one.
 */
export function analyzeProgram(
  commandName: string,
  args: readonly ProgramArg[],
  stdinText?: string,
  options: ProgramOptions = {},
): ProgramAnalysis | undefined {
  const stdin: StdinInput = { text: stdinText, unknown: options.stdinUnknown === true };
  const files = options.files;
  switch (commandName) {
    case "sed":
    case "gsed":
      return analyzeSed(args, files);
    case "awk":
    case "gawk":
    case "mawk":
    case "nawk":
      return analyzeAwk(args, files);
    case "jq":
      return analyzeJq(args, files);
    case "yq":
      return analyzeYq(args, files);
    case "redis-cli":
    case "valkey-cli":
      return analyzeRedis(args, stdin);
    case "clickhouse":
      return args[0] === "client"
        ? analyzeSqlClient("clickhouse", args.slice(1), stdin, files)
        : undefined;
    default: {
      const client = Object.hasOwn(SQL_CLIENTS, commandName) ? SQL_CLIENTS[commandName] : undefined;
      return client === undefined ? undefined : analyzeSqlClient(client, args, stdin, files);
    }
  }
}
