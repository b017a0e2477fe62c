import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { verifyLog } from "@automode/audit";
import { parse, UsageError } from "../args.js";
import { verifyMessage } from "../audit.js";
import type { Io } from "../io.js";
import { loadProject, PolicyError } from "../project/load.js";

export const AUDIT_HELP = `Usage: automode audit <verify|summary|report> [file] [--json]

  verify [file]    check every record and the hash chain; exit 0 when intact, 1 otherwise
  summary [file]   decisions per verdict, tier, check and tool, as a table (--json: JSON)
  report [file]    the summary plus every escalated and denied decision

Without a file: the log the project's policy names (audit.path, default .claude/audit.jsonl),
the project found as the hook finds it.

Options:
  --policy F       the policy whose audit.path to use (without a file)
  --json           machine-readable output
`;

const verbs = ["verify", "summary", "report"] as const;
type Verb = (typeof verbs)[number];

export async function audit(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: "boolean" },
    policy: { type: "string" },
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
  if (extra !== undefined)
    throw new UsageError(`audit ${verb} takes one file (got also "${extra}")`);
  if (file !== undefined && values.policy !== undefined)
    throw new UsageError("give a log file or --policy, not both");
  const path = file === undefined ? projectLog(io, values.policy) : resolve(io.cwd, file);
  if (!existsSync(path)) throw new UsageError(`no audit log at ${path}`);
  return run(verb as Verb, path, values.json === true, io);
}

/** The log the hook writes for this project: its policy's `audit.path`. */
function projectLog(io: Io, policyFile: string | undefined): string {
  try {
    return loadProject({ cwd: io.cwd, env: io.env, policyFile }).auditPath;
  } catch (error) {
    if (error instanceof PolicyError)
      throw new UsageError(`${error.message} (or name the log file)`);
    throw error;
  }
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
