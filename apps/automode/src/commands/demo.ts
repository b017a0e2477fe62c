import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { tiers } from "@automode/policy";
import { parse, UsageError } from "../args.js";
import { verifyAuditLog } from "../audit.js";
import { type Io, removeOnExit } from "../io.js";
import { packageRoot } from "../paths.js";
import { callTable, countsTable, stdoutStyle } from "../replay/report.js";
import { replayCalls } from "../replay/run.js";
import { parseTranscript } from "../replay/transcript.js";

export const DEMO_HELP = `Usage: automode demo [--out D] [--keep]

Copies the bundled sample project (invoice-kit: sources, tests, .claude/policy.json,
.claudeignore, a fake .env) to a temporary folder, replays a recorded Claude Code session of
45 tool calls (a refactor and a test fix, with the dangerous moves agents make) under all
three tiers, prints the decisions side by side, writes one audit log per tier, verifies them
and prints where they are, with the HTML report of the balanced run. Nothing is executed; the project copy is removed afterwards.

Options:
  --out D   write the audit logs to D (default: a new temporary folder)
  --keep    keep the project copy too (its path is printed)
  --agent A the session written in agent A's hook format (claude-code, gemini-cli, codex,
            cursor, copilot-cli) or all of them side by side, balanced tier, one log each
`;

/** The folder the session was recorded in; every occurrence becomes the temporary copy. */
export const RECORDED_ROOT = "/Users/sam/code/invoice-kit";

export async function demo(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string" },
    keep: { type: "boolean" },
    agent: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(DEMO_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`demo takes no arguments (got "${positionals[0]}")`);

  const pkg = packageRoot();
  const outDir =
    values.out === undefined
      ? realpathSync(mkdtempSync(join(tmpdir(), "automode-demo-")))
      : resolve(io.cwd, values.out);
  mkdirSync(outDir, { recursive: true });
  // The copy sits in a folder of its own next to the logs, so removing it leaves only them.
  const work = realpathSync(mkdtempSync(join(tmpdir(), "automode-demo-project-")));
  const project = join(work, "invoice-kit");
  const removeCopy = values.keep
    ? () => undefined
    : removeOnExit(work, (dir) => rmSync(dir, { recursive: true, force: true }));
  try {
    cpSync(join(pkg, "sample-project"), project, { recursive: true });
    const recorded = readFileSync(join(pkg, "demo", "session.jsonl"), "utf8");
    const session = recorded.replaceAll(jsonText(RECORDED_ROOT), jsonText(project));
    const transcript = parseTranscript(session);
    if (values.agent !== undefined) {
      // The session in other agents' hook formats: src/commands/demo-agents.ts.
      const { demoAgents } = await import("./demo-agents.js");
      const env = { ...io.env, CLAUDE_PROJECT_DIR: project };
      return await demoAgents(values.agent, transcript.calls, project, outDir, { ...io, env });
    }

    const auditPaths = Object.fromEntries(
      tiers.map((tier) => [tier, join(outDir, `audit-${tier}.jsonl`)]),
    );
    for (const path of Object.values(auditPaths)) rmSync(path, { force: true });
    // The hook reads CLAUDE_PROJECT_DIR; the demo's project is the copy, whatever the caller's is.
    const env = { ...io.env, CLAUDE_PROJECT_DIR: project };
    const rows = await replayCalls(transcript.calls, { tiers, env, cwd: project, auditPaths });

    const style = stdoutStyle(io.env);
    io.out(
      `automode demo: ${rows.length} tool calls of a recorded Claude Code session on invoice-kit,\n`,
    );
    io.out(`decided under each tier with the project's .claude/policy.json and .claudeignore.\n\n`);
    io.out(callTable(rows, tiers, style, { callWidth: 42, reasonWidth: 100 }));
    io.out(`\n${countsTable(rows, tiers, style)}\n`);

    let intact = true;
    for (const tier of tiers) {
      const path = auditPaths[tier]!;
      const result = await verifyAuditLog(path);
      intact &&= result.ok;
      io.out(`audit log (${tier.padEnd(11)}) ${path}: ${result.message}\n`);
    }
    if (values.keep) io.out(`project copy kept at ${project}\n`);
    // Made while the project copy exists: the report re-runs the engine in it.
    const report = await writeHtmlReport(
      auditPaths.balanced!,
      join(outDir, "report-balanced.html"),
      io,
    );
    io.out(`\nHTML report of the balanced run: ${report}\n`);
    io.out(`Read one with: automode audit summary ${auditPaths.balanced}\n`);
    return intact ? 0 : 1;
  } finally {
    removeCopy();
  }
}

/** `automode audit report --format html` of one log, written next to it. */
async function writeHtmlReport(log: string, out: string, io: Io): Promise<string> {
  const { buildReport, formatHtml } = await import("../report/index.js");
  writeFileSync(out, formatHtml(await buildReport(log, { filters: {}, env: io.env })));
  return out;
}

/** A string as it appears inside a JSON string literal. */
function jsonText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
