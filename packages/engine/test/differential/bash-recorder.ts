import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeCommand } from "../../src/shell/index.js";
import type { ExecuteOperation } from "../../src/types.js";
import { emptyFs } from "../shell/helpers.js";

/**
 * Real bash as the reference for the structure of a line. The line runs in an empty temp
 * folder with a PATH that holds nothing and `echo` disabled, so every command word of the
 * generated lines (made-up names and `echo`) is not found and goes to a
 * `command_not_found_handle` that appends its argv to a log: what bash would have run,
 * substitutions included, and nothing runs.
 */
export interface BashRun {
  /** Each argv bash tried to run, in order. */
  argvs: string[][];
  /** bash reported a syntax error. */
  syntaxError: boolean;
  stderr: string;
}

/** The absolute path of bash: the line runs with a PATH that finds nothing. */
function bashPath(): string | undefined {
  const r = spawnSync("bash", ["-c", "command -v bash"], { encoding: "utf8" });
  const p = r.status === 0 ? r.stdout.trim() : "";
  return p.startsWith("/") ? p : undefined;
}

const BASH = bashPath();

export function bashAvailable(): boolean {
  return BASH !== undefined;
}

export class Recorder {
  readonly dir: string;
  private readonly rc: string;
  private readonly log: string;
  private readonly work: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "automode-bash-diff-"));
    this.rc = join(this.dir, "rc.sh");
    this.log = join(this.dir, "argv.log");
    this.work = join(this.dir, "work");
    mkdirSync(this.work);
    mkdirSync(join(this.dir, "nobin"));
    writeFileSync(
      this.rc,
      [
        // The count first, then each argument, NUL-terminated: arguments may hold newlines. One
        // file per command: the two sides of a pipeline run at once, and printf's writes of two
        // records appended to one file interleave (a flaky mismatch under load).
        `command_not_found_handle() { printf '%s\\0' "$#" "$@" > "${this.log}/$BASHPID.$RANDOM$RANDOM"; return 0; }`,
        "enable -n echo",
        "",
      ].join("\n"),
    );
  }

  run(line: string): BashRun {
    rmSync(this.log, { recursive: true, force: true });
    mkdirSync(this.log);
    // `--norc`: with stdin a socket (Node's pipes), bash would read ~/.bashrc in place of
    // BASH_ENV, as under sshd.
    const r = spawnSync(BASH ?? "bash", ["--norc", "-c", line], {
      cwd: this.work,
      env: { PATH: join(this.dir, "nobin"), BASH_ENV: this.rc, HOME: this.dir, LANG: "C" },
      input: "",
      timeout: 5000,
      encoding: "utf8",
    });
    const raw = readdirSync(this.log)
      .sort()
      .map((f) => readFileSync(join(this.log, f), "utf8"))
      .join("")
      .split("\0");
    const argvs: string[][] = [];
    for (let i = 0; i + 1 < raw.length; ) {
      const n = Number(raw[i]);
      argvs.push(raw.slice(i + 1, i + 1 + n));
      i += 1 + n;
    }
    const stderr = r.stderr ?? "";
    return { argvs, syntaxError: /syntax error|unexpected EOF/.test(stderr), stderr };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface EngineRun {
  /** The argv of each command the engine extracted (`:` left out: the engine's own). */
  argvs: string[][];
  /** The engine called the line (or part of it) unparseable. */
  unparseable: boolean;
}

export function engineRun(line: string): EngineRun {
  const ops = analyzeCommand(line, { cwd: "/project", home: "/home/u", fs: emptyFs });
  const exec = ops.filter((o): o is ExecuteOperation => o.kind === "execute");
  return {
    argvs: exec
      .filter((o) => o.command.name !== "" && o.command.name !== ":")
      .map((o) => [o.command.name, ...o.command.args]),
    unparseable: exec.some((o) => o.hazards.some((h) => h.check === "unparseable")),
  };
}

/**
 * An argument the engine could not make literal keeps its source text: a quoted one
 * (`"$(x)"`) stands for exactly one bash argument, an unquoted one for any number.
 */
function kind(arg: string): "literal" | "one" | "any" {
  if (!/\$\(|`|\$\{|\$[A-Za-z_]/.test(arg)) return "literal";
  return arg.startsWith('"') && arg.endsWith('"') ? "one" : "any";
}

export function matches(pattern: readonly string[], argv: readonly string[]): boolean {
  const go = (i: number, j: number): boolean => {
    if (i === pattern.length) return j === argv.length;
    const p = pattern[i] as string;
    const k = kind(p);
    if (k === "any") {
      for (let n = j; n <= argv.length; n++) if (go(i + 1, n)) return true;
      return false;
    }
    if (j >= argv.length) return false;
    const a = argv[j] as string;
    // A process substitution's descriptor number is bash's choice.
    const fd = (t: string) => t.replace(/\/dev\/fd\/\d+/g, "/dev/fd/N");
    if (k === "one" || fd(p) === fd(a)) return go(i + 1, j + 1);
    return false;
  };
  return go(0, 0);
}

/** What disagrees between bash and the engine; empty when they agree. */
export function compare(
  line: string,
  exactIn: boolean,
  bash: BashRun,
  engine: EngineRun,
): string[] {
  let exact = exactIn;
  if (engine.unparseable) return [];
  const problems: string[] = [];
  // bash runs a line command by command and stops at a syntax error: what it ran before the
  // error must be seen; what tree-sitter-bash reads after it never runs (a known limit: the
  // engine does not find every line bash rejects).
  if (bash.syntaxError) exact = false;
  for (const argv of bash.argvs)
    if (!engine.argvs.some((p) => matches(p, argv)))
      problems.push(`bash runs ${JSON.stringify(argv)}, the engine did not see it`);
  if (exact)
    // A command word that is not a literal (`$(x)` alone) is escalated as dynamic; bash may
    // run nothing for it when the substitution is empty.
    for (const p of engine.argvs)
      if (kind(p[0] ?? "") === "literal" && !bash.argvs.some((argv) => matches(p, argv)))
        problems.push(`the engine saw ${JSON.stringify(p)}, bash does not run it`);
  return problems.length > 0
    ? [
        `${JSON.stringify(line)}:\n    ${problems.join("\n    ")}\n    bash: ${JSON.stringify(bash.argvs)}\n    engine: ${JSON.stringify(engine.argvs)}`,
      ]
    : [];
}
