import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { tiers as allTiers, type Tier } from "@automode/policy";
import { parse, parseTier, UsageError } from "../args.js";
import type { Io } from "../io.js";
import { loadProject } from "../project/load.js";
import { callTable, countsTable, progressBar, stdoutStyle } from "../replay/report.js";
import { replayCalls } from "../replay/run.js";
import { parseTranscript } from "../replay/transcript.js";

export const REPLAY_HELP = `Usage: automode replay <transcript.jsonl> [--permission-tier T | --all-tiers] [--policy F] [--json]

Decides every tool call of a Claude Code session transcript (the JSON Lines files under
~/.claude/projects/) and prints what auto mode would have done: counts per verdict and tier,
and the escalated and denied calls with their reasons. Nothing is executed.

Options:
  --permission-tier T   decide under this tier (default: the policy's)
  --all-tiers           decide under permissive, balanced and restrictive, side by side
  --policy F            decide under this policy instead of each call's project policy
  --json                print one JSON object per call instead of tables
`;

/** Transcripts this long get a progress bar (on a terminal only). */
const PROGRESS_FROM = 200;

export async function replay(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    "permission-tier": { type: "string" },
    "all-tiers": { type: "boolean" },
    policy: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(REPLAY_HELP);
    return 0;
  }
  const [file, extra] = positionals;
  if (file === undefined)
    throw new UsageError("replay needs a transcript file (automode replay <transcript.jsonl>)");
  if (extra !== undefined)
    throw new UsageError(`replay takes one transcript (got also "${extra}")`);
  const tier = parseTier(values["permission-tier"]);
  const policyFile = values.policy === undefined ? undefined : resolve(io.cwd, values.policy);
  if (tier !== undefined && values["all-tiers"]) {
    throw new UsageError("give --permission-tier or --all-tiers, not both");
  }
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const transcript = parseTranscript(text);
  // Without a tier, each call's project policy names it; one column, labelled by that tier.
  const tiers: readonly Tier[] = values["all-tiers"]
    ? allTiers
    : [tier ?? policyTier(transcript.calls[0]?.cwd, io, policyFile)];
  const showProgress = io.isTTY && transcript.calls.length >= PROGRESS_FROM;
  const rows = await replayCalls(transcript.calls, {
    tiers,
    env: io.env,
    cwd: io.cwd,
    ...(policyFile !== undefined ? { policyFile } : {}),
    ...(showProgress
      ? {
          onProgress: (done: number, total: number) => {
            if (done % 25 === 0 || done === total) io.err(progressBar(done, total));
            // Done: wipe the bar, so the report starts on a clean line.
            if (done === total) io.err("\r\u001b[K");
          },
        }
      : {}),
  });

  if (values.json) {
    for (const row of rows) {
      io.out(
        `${JSON.stringify({ id: row.call.id, line: row.call.line, tool: row.call.tool, call: row.label, decisions: row.decisions })}\n`,
      );
    }
    return 0;
  }
  const style = stdoutStyle(io.env);
  io.out(
    `${file}: ${rows.length} tool calls${transcript.skipped.length > 0 ? `, ${transcript.skipped.length} unreadable lines skipped (${transcript.skipped.slice(0, 5).join(", ")})` : ""}\n\n`,
  );
  io.out(countsTable(rows, tiers, style));
  const flagged = rows.filter((row) => tiers.some((t) => row.decisions[t]?.verdict !== "approve"));
  if (flagged.length === 0) {
    io.out("\nEvery call would have been approved.\n");
    return 0;
  }
  io.out(`\nEscalated and denied calls (${flagged.length}):\n`);
  io.out(callTable(rows, tiers, style, { flaggedOnly: true }));
  return 0;
}

/** The tier the first call's project policy names (balanced when it cannot be read). */
function policyTier(cwd: string | undefined, io: Io, policyFile: string | undefined): Tier {
  try {
    return loadProject({
      cwd: cwd === undefined || cwd === "" ? io.cwd : cwd,
      env: io.env,
      policyFile,
    }).tier;
  } catch {
    return "balanced";
  }
}
