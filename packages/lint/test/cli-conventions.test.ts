import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, bin } from "./cli-helpers.js";
import { copyFixture } from "./helpers.js";

// ESLint's conventions, through the built CLI as a child process: --stdin/--stdin-filename,
// -o/--output-file, --color/--no-color with FORCE_COLOR/NO_COLOR, --max-warnings -1. The app's
// `automode lint` runs the same main() (apps/automode/test/e2e checks it through the app).

beforeAll(assertBuilt);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function fixture(...parts: string[]): string {
  const dir = copyFixture(...parts);
  made.push(dir);
  return dir;
}

/** The parent's environment without anything that decides colour, plus `env`. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ["NO_COLOR", "FORCE_COLOR", "NODE_DISABLE_COLORS", "TERM", "CI"]) {
    delete base[name];
  }
  return { ...base, ...env };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  cwd: string,
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: cleanEnv(options.env ?? {}),
    input: options.input ?? "",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI on a pseudo-terminal (`script`), so standard output is a TTY. */
function onTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`);
  const r = spawnSync("script", ["-qec", `stty cols 200; ${quoted.join(" ")}`, "/dev/null"], {
    cwd,
    encoding: "utf8",
    env: cleanEnv(env),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const hasScript = spawnSync("script", ["--version"]).status === 0;

const esc = "\u001b[";
const broad = `{
  "version": 1,
  // any command: rule-too-broad and rule-hard-limit
  "rules": [{ "id": "all", "verdict": "approve", "commands": ["*"] }]
}
`;

describe("--stdin and --stdin-filename", () => {
  it("lints the text on standard input, reported as <text>, in the current folder's project", () => {
    const dir = fixture("rules", "rule-too-broad", "good");
    const r = run(["--stdin", "--format", "json"], dir, { input: broad });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    const text = results.find((x) => x.filePath === "<text>");
    expect(text?.messages.map((m) => (m as { ruleId: string }).ruleId).sort()).toEqual([
      "rule-hard-limit",
      "rule-too-broad",
    ]);
    // The project's own ignore file was read (and linted), the policy file on disk was not.
    expect(results.map((x) => x.filePath)).toContain(join(dir, ".claudeignore"));
    expect(results.map((x) => x.filePath)).not.toContain(join(dir, ".claude", "policy.json"));
    const stylish = run(["--stdin"], dir, { input: broad });
    expect(stylish.stdout).toMatch(/^\n<text>\n/);
  });

  it("--stdin-filename names the text and places it in its project, even when unsaved", () => {
    const dir = fixture("rules", "rule-too-broad", "good");
    const other = join(dir, "sub");
    mkdirSync(join(other, ".claude"), { recursive: true });
    // No ignore file in sub/: the stdin policy belongs to sub/, so that is reported.
    const r = run(
      ["--stdin", "--stdin-filename", "sub/.claude/policy.json", "--format", "json"],
      dir,
      { input: broad },
    );
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string }>;
    }>;
    expect(results.map((x) => x.filePath)).toEqual([join(other, ".claude", "policy.json")]);
    expect(results[0]!.messages.map((m) => m.ruleId)).toContain("ignore-file-missing");
    expect(existsSync(join(other, ".claude", "policy.json"))).toBe(false);
  });

  it("a clean text exits 0 with nothing printed", () => {
    const dir = fixture("rules", "rule-too-broad", "good");
    const policy = readFileSync(join(dir, ".claude", "policy.json"), "utf8");
    rmSync(join(dir, ".claude", "policy.json"));
    const r = run(["--stdin", "--stdin-filename", ".claude/policy.json"], dir, { input: policy });
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it.each([
    [["--stdin", ".claude/policy.json"], "--stdin lints standard input: give no files with it"],
    [["--stdin-filename", "x.json"], "--stdin-filename names standard input: give --stdin with it"],
    [["--stdin", "--stdin-filename", "."], "--stdin-filename names a folder"],
  ])("%j is bad usage: exit 2, one line", (args, message) => {
    const r = run(args, fixture("rules", "rule-too-broad", "good"), { input: broad });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(`automode-lint: ${message}`)).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("-o / --output-file", () => {
  it("writes the report to the file (folders created), nothing on stdout, same exit code", () => {
    const dir = fixture("formats");
    const r = run(["-o", "reports/lint/out.sarif", "--format", "sarif"], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const sarif = JSON.parse(readFileSync(join(dir, "reports", "lint", "out.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const long = run(["--output-file", "out.txt"], dir);
    expect(long.status).toBe(1);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toContain("rule-duplicate-id");
  });

  it("a report file is plain unless --color is given, whatever FORCE_COLOR says", () => {
    const dir = fixture("formats");
    run(["-o", "plain.txt"], dir, { env: { FORCE_COLOR: "1" } });
    expect(readFileSync(join(dir, "plain.txt"), "utf8")).not.toContain(esc);
    run(["-o", "color.txt", "--color"], dir);
    expect(readFileSync(join(dir, "color.txt"), "utf8")).toContain(`${esc}31merror`);
  });

  it("writes an empty file for a clean project (as ESLint does)", () => {
    const dir = fixture("rules", "rule-too-broad", "good");
    writeFileSync(join(dir, "out.txt"), "stale");
    const r = run(["-o", "out.txt"], dir);
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe("");
  });

  it("a folder or an unwritable place is exit 2 with one line", () => {
    const dir = fixture("formats");
    const folder = run(["-o", ".claude"], dir);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(
      "automode-lint: cannot write the report to .claude: it is a folder\n",
    );
    writeFileSync(join(dir, "file"), "");
    const under = run(["-o", "file/out.txt"], dir);
    expect(under.status).toBe(2);
    expect(under.stderr).toMatch(
      /^automode-lint: cannot write the report to file\/out.txt: E\w+\n$/,
    );
  });
});

describe("--color, --no-color, FORCE_COLOR, NO_COLOR", () => {
  const dir = () => fixture("formats");
  const colored = (r: Run) => r.stdout.includes(`${esc}31merror`);

  it("piped output is plain by default", () => {
    const r = run([], dir());
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain(esc);
  });

  it.each([
    [["--color"], {}, true],
    [[], { FORCE_COLOR: "1" }, true],
    [[], { FORCE_COLOR: "0" }, false],
    [["--no-color"], { FORCE_COLOR: "1" }, false],
    [["--color"], { NO_COLOR: "1" }, true],
    [["--color", "--no-color"], {}, false],
    [["--no-color", "--color"], {}, true],
  ])("piped, %j with %j: colour %s", (args, env, expected) => {
    expect(colored(run(args, dir(), { env }))).toBe(expected);
  });

  it.skipIf(!hasScript).each([
    [[], {}, true],
    [[], { NO_COLOR: "1" }, false],
    [[], { NO_COLOR: "" }, true],
    [[], { TERM: "dumb" }, false],
    [["--no-color"], {}, false],
  ])("on a terminal, %j with %j: colour %s", (args, env, expected) => {
    const r = onTerminal(args, dir(), env);
    expect(r.status).toBe(1);
    expect(colored(r)).toBe(expected);
  });
});

describe("--max-warnings -1", () => {
  const warningsOnly = () => fixture("rules", "ignore-duplicate-pattern", "bad");

  it.each([[["--max-warnings", "-1"]], [["--max-warnings=-1"]]])(
    "%j means no limit: warnings exit 0",
    (args) => {
      const r = run([...args, "--max-warnings", "0", ...args], warningsOnly());
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("0 errors, 1 warning");
    },
  );

  it("0 still fails on one warning; -2 is bad usage", () => {
    expect(run(["--max-warnings", "0"], warningsOnly()).status).toBe(1);
    const r = run(["--max-warnings", "-2"], warningsOnly());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "--max-warnings expects a whole number of 0 or more (or -1 for no limit)",
    );
  });
});
