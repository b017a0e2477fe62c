import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { verifyLog } from "@automode/audit";
import { parse, UsageError } from "../args.js";
import { verifyMessage } from "../audit.js";
import type { Io } from "../io.js";

export const AUDIT_HELP = `Usage: automode audit <verify|summary|report> <file> [--json]

  verify <file>    check every record and the hash chain; exit 0 when intact, 1 otherwise
  summary <file>   decisions per verdict, tier, check and tool, as a table (--json: JSON)
  report <file>    the summary plus every escalated and denied decision

Options:
  --json           machine-readable output
`;

const verbs = ["verify", "summary", "report"] as const;
type Verb = (typeof verbs)[number];

export async function audit(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(AUDIT_HELP);
    return 0;
  }
  const [verb, file, extra] = positionals;
  if (verb === undefined || !(verbs as readonly string[]).includes(verb)) {
    throw new UsageError(`audit needs a verb: ${verbs.join(", ")} (see automode audit --help)`);
  }
  if (file === undefined) throw new UsageError(`audit ${verb} needs a log file`);
  if (extra !== undefined)
    throw new UsageError(`audit ${verb} takes one file (got also "${extra}")`);
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) throw new UsageError(`no audit log at ${path}`);
  return run(verb as Verb, path, values.json === true, io);
}

async function run(verb: Verb, path: string, json: boolean, io: Io): Promise<number> {
  if (verb === "verify") {
    const result = await verifyLog(path);
    io.out(json ? `${JSON.stringify(result)}\n` : `${path}: ${verifyMessage(result)}\n`);
    return result.ok ? 0 : 1;
  }
  const { summaryReport } = await import("../audit-summary.js");
  return summaryReport(verb, path, json, io);
}
