import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appRoot, bin, cleanup, cli, sampleProject, tempDir } from "./cli.js";

// `demo` and `replay` tables fit the terminal (or COLUMNS), cut cells with an ellipsis, never
// pass the width, and colour by the one rule the linter uses too. Real processes; a real
// pseudo-terminal through `script` where a TTY is needed.

afterAll(cleanup);

const esc = "\u001b[";
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point
const ansi = /\u001b\[[0-9;]*m/g;
const columns = (line: string) => Array.from(line.replace(ansi, "")).length;

/** The environment without anything that decides colour or width, plus `env`. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, CLAUDE_PROJECT_DIR: "" };
  for (const name of ["NO_COLOR", "FORCE_COLOR", "NODE_DISABLE_COLORS", "TERM", "COLUMNS"]) {
    delete base[name];
  }
  return { ...base, ...env };
}

function piped(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: appRoot,
    encoding: "utf8",
    env: cleanEnv(env),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hasScript = spawnSync("script", ["--version"]).status === 0;

/** Runs automode on a pseudo-terminal `cols` wide; CR LF line ends become LF. */
function onTerminal(args: string[], cols: number, env: NodeJS.ProcessEnv = {}) {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`);
  const r = spawnSync("script", ["-qec", `stty cols ${cols}; ${quoted.join(" ")}`, "/dev/null"], {
    cwd: appRoot,
    encoding: "utf8",
    env: cleanEnv(env),
  });
  return { status: r.status, stdout: r.stdout.replace(/\r\n/g, "\n") };
}

/** The lines of the call and count tables (not the prose and file paths around them). */
function tableLines(stdout: string): string[] {
  return stdout
    .split("\n")
    .map((line) => line.replace(ansi, ""))
    .filter((line) => /^\s*(#|\d+) {2}|^-+$|^(tier|permissive|balanced|restrictive)\s/.test(line));
}

function transcriptIn(project: string, extraCommand?: string): string {
  let text = readFileSync(join(appRoot, "test", "fixtures", "transcript.jsonl"), "utf8");
  if (extraCommand !== undefined) {
    // One more Bash call, whose command holds what a table cell must not pass through.
    const call = {
      type: "assistant",
      cwd: "@ROOT@",
      sessionId: "s",
      uuid: "u-extra",
      timestamp: "2026-11-20T10:09:00.000Z",
      message: {
        role: "assistant",
        content: [
          { type: "tool_use", id: "toolu_x", name: "Bash", input: { command: extraCommand } },
        ],
      },
    };
    text += `${JSON.stringify(call)}\n`;
  }
  const file = join(project, "..", "session.jsonl");
  writeFileSync(file, text.replaceAll("@ROOT@", project));
  return file;
}

describe("table width", () => {
  it("piped without COLUMNS: not cut to any screen, and plain", () => {
    const r = piped(["demo"]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(esc);
    const lines = tableLines(r.stdout);
    expect(lines.length).toBeGreaterThan(45);
    expect(Math.max(...lines.map(columns))).toBeGreaterThan(120);
  });

  it.each([100, 70, 40])("demo with COLUMNS=%i: no table line is wider", (width) => {
    const r = piped(["demo"], { COLUMNS: String(width) });
    expect(r.status).toBe(0);
    const lines = tableLines(r.stdout);
    expect(lines.length).toBeGreaterThan(45);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(width);
    expect(r.stdout).toContain("…");
  });

  it("replay with COLUMNS=80 cuts long reasons with an ellipsis and keeps the verdicts", () => {
    const project = sampleProject();
    const r = piped(["replay", transcriptIn(project), "--all-tiers"], { COLUMNS: "80" });
    expect(r.status).toBe(0);
    for (const line of tableLines(r.stdout)) expect(columns(line)).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/Bash: cat \.env\s+deny\s+deny\s+deny\s+ignored-path: .*…/);
  });

  it.skipIf(!hasScript)("on a terminal: its columns, not COLUMNS, and coloured", () => {
    const r = onTerminal(["demo"], 90, { COLUMNS: "300" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${esc}31mdeny`);
    const lines = tableLines(r.stdout);
    expect(lines.length).toBeGreaterThan(45);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(90);
    expect(Math.max(...lines.map(columns))).toBeGreaterThan(80);
  });
});

describe("cells", () => {
  it("control characters in a call are shown escaped, never sent to the terminal", () => {
    const project = sampleProject();
    const file = transcriptIn(project, "echo \u001b[2J\u001b]0;owned\u0007 &&\nrm -rf src");
    const r = piped(["replay", file, "--json"]);
    expect(r.status).toBe(0);
    const table = piped(["replay", file], { FORCE_COLOR: "0" });
    expect(table.status).toBe(0);
    expect(table.stdout).not.toContain("\u001b");
    expect(table.stdout).not.toContain("\u0007");
    expect(table.stdout).toContain("Bash: echo \\x1b[2J\\x1b]0;owned\\x07 &&");
  });
});

describe("colour: one rule for the app and the linter", () => {
  it.each([
    [{}, false],
    [{ FORCE_COLOR: "1" }, true],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, true],
  ])("piped replay with %j: colour %s", (env, expected) => {
    const project = sampleProject();
    const r = piped(["replay", transcriptIn(project)], env);
    expect(r.status).toBe(0);
    expect(r.stdout.includes(`${esc}31mdeny`) || r.stdout.includes(`${esc}31m`)).toBe(expected);
  });

  it.skipIf(!hasScript).each([
    [{}, true],
    [{ NO_COLOR: "1" }, false],
    // An empty NO_COLOR does not count (no-color.org); replay used to treat it as set.
    [{ NO_COLOR: "" }, true],
    [{ TERM: "dumb" }, false],
  ])("replay on a terminal with %j: colour %s", (env, expected) => {
    const project = sampleProject();
    const r = onTerminal(["replay", transcriptIn(project)], 120, env);
    expect(r.status).toBe(0);
    expect(r.stdout.includes(esc)).toBe(expected);
  });
});

describe("automode lint follows automode-lint's conventions", () => {
  const broad =
    '{ "version": 1, "rules": [{ "id": "all", "verdict": "approve", "commands": ["*"] }] }';

  it("--stdin, -o, --color and --max-warnings -1", () => {
    const dir = tempDir();
    const r = spawnSync(
      process.execPath,
      [bin, "lint", "--stdin", "-o", "out/report.txt", "--color", "--max-warnings", "-1"],
      { cwd: dir, encoding: "utf8", input: broad, env: cleanEnv({}) },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
    expect(r.status).toBe(1);
    const report = readFileSync(join(dir, "out", "report.txt"), "utf8");
    expect(report).toContain("<text>");
    expect(report).toContain(`${esc}31merror`);
    expect(report).toContain("rule-too-broad");
  });

  it("--stdin-filename puts the text in its project; a clean policy exits 0", () => {
    const project = sampleProject();
    const policy = readFileSync(join(project, ".claude", "policy.json"), "utf8");
    const r = cli(["lint", "--stdin", "--stdin-filename", ".claude/policy.json"], {
      cwd: project,
      input: policy,
    });
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});
