import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  AuditError,
  configDirectory,
  loadKeyPair,
  parsePublicKey,
  publicKeyFile,
  publicKeyText,
  verifyLog,
} from "@automode/audit";
import { parse, UsageError } from "../args.js";
import { verifyMessage } from "../audit.js";
import type { Io } from "../io.js";
import { loadProject, PolicyError } from "../project/load.js";

export const AUDIT_HELP = `Usage: automode audit <verify|summary|report|suggest|key> [file] [--json]

  verify [file]    check every record and the hash chain; exit 0 when intact, 1 otherwise
                   (without --key only the log's internal consistency is checked)
  summary [file]   decisions per verdict, tier, check and tool, as a table (--json: JSON)
  report [file]    the chain, the counts, every escalated and denied decision, network
                   destinations, writes outside the project, destructive commands and
                   suggested rules; exit 0 when the chain is intact, 1 otherwise
  suggest [file]   rules that would approve repeated escalations, as JSON to paste into
                   the policy (rules and tests); never for a hard limit
  key              print your public key (creating the key pair if missing), to share
                   with whoever verifies your logs

Without a file: the log the project's policy names (audit.path, default .claude/audit.jsonl),
the project found as the hook finds it.

Options:
  --key PUBLIC     (verify) the writer's public key, as printed by automode audit key, or a
                   file holding it: also checks the signed checkpoints (a re-hashed chain)
                   and, on the writer's machine, that the log ends at the head last signed
                   (a cut tail)
  --pem            (key) print the public key as PEM instead of one line
  --policy F       the policy whose audit.path to use (without a file); report and
                   suggest also judge the records in its project
  --json           machine-readable output
  --format F       (report) text (default), markdown (a pull request comment or
                   $GITHUB_STEP_SUMMARY) or html (one self-contained page)
  --output FILE    (report, suggest) write to FILE instead of standard output
  --session ID     (report, suggest) only the decisions of this session
  --since TIME     (report, suggest) only decisions at or after TIME (ISO 8601, e.g.
                   2026-11-24 or 2026-11-24T10:00Z)
  --until TIME     (report, suggest) only decisions at or before TIME
  --min-count N    (report, suggest) escalations a group needs for a rule (default 2)

The chain is always verified over the whole log, whatever the filters.

The key pair and the signed heads live in $AUTOMODE_CONFIG_DIR, else
$XDG_CONFIG_HOME/automode, else ~/.config/automode.
`;

const verbs = ["verify", "summary", "report", "suggest", "key"] as const;

export async function audit(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: "boolean" },
    policy: { type: "string" },
    key: { type: "string" },
    pem: { type: "boolean" },
    format: { type: "string" },
    output: { type: "string" },
    session: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    "min-count": { type: "string" },
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
  if (verb === "key") {
    if (file !== undefined) throw new UsageError(`audit key takes no file (got "${file}")`);
    return printKey(io, values.pem === true);
  }
  if (values.pem) throw new UsageError("--pem goes with audit key");
  if (values.key !== undefined && verb !== "verify")
    throw new UsageError("--key goes with audit verify");
  if (extra !== undefined)
    throw new UsageError(`audit ${verb} takes one file (got also "${extra}")`);
  const reportOnly = ["format", "output", "session", "since", "until", "min-count"] as const;
  for (const flag of reportOnly) {
    if (values[flag] !== undefined && verb !== "report" && verb !== "suggest")
      throw new UsageError(`--${flag} goes with audit report or audit suggest`);
  }
  if (values.format !== undefined && verb !== "report")
    throw new UsageError("--format goes with audit report");
  if (file !== undefined && values.policy !== undefined)
    throw new UsageError("give a log file or --policy, not both");
  const key = values.key === undefined ? undefined : publicKey(values.key, io);
  const path = file === undefined ? projectLog(io, values.policy) : resolve(io.cwd, file);
  if (!existsSync(path)) throw new UsageError(`no audit log at ${path}`);
  if (verb === "verify") {
    const result = await verifyLog(path, {
      ...(key === undefined ? {} : { key }),
      configDir: configDirectory(io.env),
    });
    io.out(
      values.json === true
        ? `${JSON.stringify({ ...result, checked: result.signature === undefined ? "internal consistency only" : "chain and signatures" })}\n`
        : `${path}: ${verifyMessage(result)}\n`,
    );
    return result.ok ? 0 : 1;
  }
  if (verb === "report" || verb === "suggest") {
    const { reportCommand } = await import("../report/command.js");
    return reportCommand(verb, path, { ...values, file }, io);
  }
  const { summaryReport } = await import("../audit-summary.js");
  return summaryReport(path, values.json === true, io);
}

/** `--key`: the key text itself, or a file holding it. A bad key is a usage error (exit 2). */
function publicKey(value: string, io: Io): string {
  const text = value.trim();
  let keyText = text;
  if (!text.startsWith("ed25519:") && !text.startsWith("-----BEGIN")) {
    const file = resolve(io.cwd, text);
    if (!existsSync(file)) {
      throw new UsageError(
        `--key: ${value} is neither a public key ("ed25519:…", see automode audit key) nor a file`,
      );
    }
    keyText = readFileSync(file, "utf8");
  }
  try {
    parsePublicKey(keyText);
  } catch (error) {
    if (error instanceof AuditError) throw new UsageError(`--key: ${error.message}`);
    throw error;
  }
  return keyText;
}

/** `audit key`: the user's public key, the key pair created on first use. */
function printKey(io: Io, pem: boolean): number {
  const dir = configDirectory(io.env);
  let publicKey: ReturnType<typeof loadKeyPair>["publicKey"];
  try {
    publicKey = loadKeyPair(dir).publicKey;
  } catch (error) {
    if (error instanceof AuditError) {
      io.err(`automode audit key: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  io.out(
    pem
      ? publicKey.export({ format: "pem", type: "spki" }).toString()
      : `${publicKeyText(publicKey)}\n`,
  );
  if (!pem && io.isTTY) io.err(`(also in ${resolve(dir, publicKeyFile)})\n`);
  return 0;
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
