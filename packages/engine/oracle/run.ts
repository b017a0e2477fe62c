import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { type Comparison, compare, display, scopeFor, sensitiveInodes } from "./compare.js";
import { traceEvents } from "./events.js";
import { buildTemplate, copyFixture, type Fixture } from "./fixture.js";
import { type Prediction, type PredictionSet, predict } from "./predict.js";
import { reachableTmp, runTraced } from "./sandbox.js";
import { parseTrace } from "./strace.js";

export interface CommandReport extends Comparison {
  command: string;
  /** The engine's verdict for the whole line, and the check that gave it. */
  verdict: string;
  check: string;
  predicted: Prediction[];
  exitCode: number | null;
  timedOut: boolean;
  /** strace lines the parser could not read (should be 0). */
  unreadable: number;
}

export interface OracleOptions {
  timeoutMs?: number;
  outputLimit?: number;
  /** Keep the run folders (for debugging). */
  keep?: boolean;
}

/** A session: one template fixture, one throwaway copy per command. */
export class Oracle {
  readonly base: string;
  private readonly template: Fixture;
  private readonly binDir: string;
  private count = 0;

  constructor(private readonly options: OracleOptions = {}) {
    this.base = mkdtempSync(join(reachableTmp(), "automode-oracle-"));
    // The sandbox runs as nobody outside: it must be able to reach its run folder.
    chmodSync(this.base, 0o755);
    this.template = buildTemplate(join(this.base, "template"));
    // Debian installs fd as fdfind; the corpus says fd.
    this.binDir = join(this.base, "bin");
    mkdirSync(this.binDir);
    symlinkSync("/usr/bin/fdfind", join(this.binDir, "fd"));
  }

  async run(command: string): Promise<CommandReport> {
    const n = this.count++;
    const runDir = join(this.base, `run-${n}`);
    const fixture = copyFixture(this.template, runDir);
    try {
      // The engine judges the file system as it is before the command runs.
      const predictions: PredictionSet = predict(fixture, command);
      const scope = scopeFor(fixture);
      const inodes = sensitiveInodes(fixture);
      const result = await runTraced({
        command,
        cwd: fixture.project,
        home: fixture.home,
        runDir,
        traceDir: join(this.base, `trace-${n}`),
        binDir: this.binDir,
        // A copy has new inodes and, in the sandbox, another owner: the index's stat data no
        // longer matches and `git checkout .` would rewrite every tracked file. Refreshed as in
        // a project that was never copied.
        setup: "git update-index -q --refresh >/dev/null 2>&1",
        timeoutMs: this.options.timeoutMs ?? 10_000,
        outputLimit: this.options.outputLimit ?? 64 * 1024,
      });
      const parsed = parseTrace(result.trace);
      if (!parsed.calls.some((c) => c.name === "execve")) {
        // Not even bash started: the sandbox itself failed, and an empty trace proves nothing.
        const why = result.stderr.trim().split("\n")[0] ?? "";
        throw new Error(`the sandbox did not run the command: ${why || `exit ${result.exitCode}`}`);
      }
      const events = traceEvents(parsed, fixture.project);
      const comparison = compare(events, predictions, {
        fixture,
        template: this.template,
        scope,
        inodes,
      });
      return {
        command,
        verdict: predictions.verdict,
        check: predictions.check,
        predicted: predictions.operations.map((p) => displayPrediction(p, fixture)),
        ...comparison,
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        unreadable: parsed.unreadable.length,
      };
    } finally {
      if (this.options.keep !== true) {
        rmSync(runDir, { recursive: true, force: true });
        rmSync(join(this.base, `trace-${n}`), { recursive: true, force: true });
      }
    }
  }

  close(): void {
    if (this.options.keep !== true) rmSync(this.base, { recursive: true, force: true });
  }
}

function displayPrediction(p: Prediction, fixture: Fixture): Prediction {
  if (p.kind === "execute") return p;
  if (p.kind === "network") {
    return {
      ...p,
      url: p.url.replaceAll(fixture.project, "<project>").replaceAll(fixture.home, "<home>"),
    };
  }
  return { ...p, path: display(p.path, fixture), real: display(p.real, fixture) };
}
