import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { initShellParser } from "../src/shell/parser-load.js";
import type { Effect, Miss } from "./compare.js";
import type { Prediction } from "./predict.js";
import { type CommandReport, Oracle } from "./run.js";
import { sandboxSupport } from "./sandbox.js";
import { readCommands, readTriage, type TriageEntry, triaged, UsageError } from "./triage.js";

const usage = `usage: oracle --commands FILE [--commands FILE…] [--json] [--triage FILE | --no-triage]
              [--timeout MS] [--jobs N] [--quiet] [--keep]

Runs each command line of FILE in a throwaway fixture project, under strace, inside a
bubblewrap sandbox, and compares what it did with the operations the engine predicts.
Exit 0: no miss outside the triage file; 1: a new miss; 2: usage error or no sandbox.`;

const defaultTriage = fileURLToPath(new URL("./triage.tsv", import.meta.url));

interface Args {
  files: string[];
  json: boolean;
  triage: string | undefined;
  timeoutMs: number;
  jobs: number;
  /** Print only the commands with a miss the triage file does not hold. */
  quiet: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Args | "help" {
  const args: Args = {
    files: [],
    json: false,
    triage: defaultTriage,
    timeoutMs: 10_000,
    jobs: 1,
    quiet: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--":
        break;
      case "-h":
      case "--help":
        return "help";
      case "--commands":
        args.files.push(value());
        break;
      case "--json":
        args.json = true;
        break;
      case "--triage":
        args.triage = value();
        break;
      case "--no-triage":
        args.triage = undefined;
        break;
      case "--timeout": {
        const ms = Number(value());
        if (!Number.isInteger(ms) || ms <= 0)
          throw new UsageError("--timeout needs a positive integer (ms)");
        args.timeoutMs = ms;
        break;
      }
      case "--jobs": {
        const n = Number(value());
        if (!Number.isInteger(n) || n <= 0 || n > 16)
          throw new UsageError("--jobs needs an integer from 1 to 16");
        args.jobs = n;
        break;
      }
      case "--quiet":
        args.quiet = true;
        break;
      case "--keep":
        args.keep = true;
        break;
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  if (args.files.length === 0) throw new UsageError("--commands FILE is required");
  return args;
}

/**
 * A relative file is looked up from where the user typed the command (`INIT_CWD`, which pnpm
 * sets when it runs the script in the package folder), then from the package folder.
 */
function inputPath(file: string): string {
  if (isAbsolute(file)) return file;
  const from = [process.env.INIT_CWD, process.cwd()].filter((d): d is string => d !== undefined);
  return from.map((dir) => resolve(dir, file)).find((path) => existsSync(path)) ?? file;
}

function showPrediction(p: Prediction): string {
  switch (p.kind) {
    case "execute": {
      const extra = [p.class, ...p.hazards].join(",");
      const wrapped = p.wrappers.length > 0 ? ` via ${p.wrappers.join(">")}` : "";
      return `execute ${p.name}${wrapped} [${extra}] ${p.verdict}`;
    }
    case "network":
      return `network ${p.url} ${p.verdict}`;
    default: {
      const flags = [p.recursive ? "recursive" : "", p.listing ? "listing" : ""].filter(Boolean);
      const real = p.real !== p.path ? ` → ${p.real}` : "";
      return `${p.kind} ${p.path}${real}${flags.length > 0 ? ` (${flags.join(",")})` : ""} ${p.verdict}`;
    }
  }
}

function showEffect(e: Effect): string {
  const notes = [e.sensitive, e.attempted === undefined ? "" : `attempted: ${e.attempted}`]
    .filter(Boolean)
    .join(", ");
  return `${e.kind} ${e.target} (${e.by}${notes === "" ? "" : `; ${notes}`})`;
}

interface Tally {
  commands: number;
  misses: number;
  triagedMisses: number;
  newMisses: number;
  used: Set<TriageEntry>;
}

function report(r: CommandReport, triage: TriageEntry[], args: Args, tally: Tally): void {
  const marked = r.misses.map((m: Miss) => {
    const entry = triaged(triage, r.command, m);
    if (entry !== undefined) tally.used.add(entry);
    return { ...m, triaged: entry?.reason };
  });
  tally.commands++;
  tally.misses += marked.length;
  tally.triagedMisses += marked.filter((m) => m.triaged !== undefined).length;
  tally.newMisses += marked.filter((m) => m.triaged === undefined).length;
  if (args.quiet && marked.every((m) => m.triaged !== undefined)) return;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ...r, misses: marked })}\n`);
    return;
  }
  const lines = [`$ ${r.command}`, `  engine: ${r.verdict} (${r.check})`];
  for (const p of r.predicted) lines.push(`  predicted  ${showPrediction(p)}`);
  for (const e of r.observed) lines.push(`  observed   ${showEffect(e)}`);
  for (const e of r.blind)
    lines.push(`  blind      ${showEffect(e)} (the engine escalated without modelling it)`);
  for (const m of marked) {
    const tag = m.triaged === undefined ? "MISS" : "miss (triaged)";
    lines.push(
      `  ${tag.padEnd(14)} ${m.why}: ${showEffect(m)}${m.triaged === undefined ? "" : ` — ${m.triaged}`}`,
    );
  }
  if (r.timedOut) lines.push("  (timed out)");
  if (r.unreadable > 0) lines.push(`  (${r.unreadable} strace lines unreadable)`);
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

async function main(argv: string[]): Promise<number> {
  // The predictions build engines synchronously: the parser AUTOMODE_PARSER names is readied first.
  await initShellParser();
  let args: Args | "help";
  let triage: TriageEntry[] = [];
  let commands: string[] = [];
  try {
    args = parseArgs(argv);
    if (args === "help") {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    for (const file of args.files) commands.push(...readCommands(inputPath(file)));
    if (args.triage !== undefined) triage = readTriage(inputPath(args.triage));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`oracle: ${error.message}\n${usage}\n`);
      return 2;
    }
    throw error;
  }
  commands = [...new Set(commands)];
  const support = sandboxSupport();
  if (!support.ok) {
    process.stderr.write(`oracle: cannot run: ${support.reason}\n`);
    return 2;
  }
  const started = Date.now();
  const tally: Tally = { commands: 0, misses: 0, triagedMisses: 0, newMisses: 0, used: new Set() };
  const oracle = new Oracle({ timeoutMs: args.timeoutMs, keep: args.keep });
  try {
    // Up to --jobs commands run at once; reports are printed in the corpus order.
    type Settled = { ok: true; report: CommandReport } | { ok: false; error: unknown };
    const settled: Promise<Settled>[] = [];
    const resolvers: ((s: Settled) => void)[] = [];
    for (let i = 0; i < commands.length; i++) {
      settled.push(new Promise<Settled>((resolve) => resolvers.push(resolve)));
    }
    let next = 0;
    const workers = Array.from({ length: Math.min(args.jobs, commands.length) }, async () => {
      while (next < commands.length) {
        const i = next++;
        const done: Settled = await oracle.run(commands[i]!).then(
          (r): Settled => ({ ok: true, report: r }),
          (error: unknown): Settled => ({ ok: false, error }),
        );
        resolvers[i]!(done);
      }
    });
    for (const pending of settled) {
      const result = await pending;
      if (!result.ok) throw result.error;
      report(result.report, triage, args, tally);
    }
    await Promise.all(workers);
  } finally {
    oracle.close();
  }
  const ran = new Set(commands);
  const stale = triage.filter((e) => ran.has(e.command) && !tally.used.has(e));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = [
    `oracle: ${tally.commands} commands in ${seconds} s, ${tally.misses} misses (${tally.triagedMisses} triaged, ${tally.newMisses} new)`,
    ...stale.map(
      (e) =>
        `oracle: triage line ${e.line} no longer happens (fixed?): ${e.command}\t${e.kind}\t${e.target}`,
    ),
  ];
  process.stderr.write(`${summary.join("\n")}\n`);
  return tally.newMisses > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `oracle: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
