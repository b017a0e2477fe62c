import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, sampleProject, tempDir } from "./e2e/cli.js";
import { bash, busySession, writeLog } from "./report-log.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let root: string;
let log: string;

beforeAll(async () => {
  root = sampleProject();
  log = join(root, ".claude", "audit.jsonl");
  await writeLog(root, log, [
    ...busySession(30),
    bash("pnpm add zod", "other-session"),
    { unmodelled: "mcp__x\nforged line\u001b[2J\u202e" },
  ]);
}, 60_000);
afterAll(cleanup);

describe("automode audit report and suggest (the CLI)", () => {
  it("writes each format to --output and exits 0 on an intact chain", () => {
    for (const format of ["text", "markdown", "html"]) {
      const out = join(root, `report.${format}`);
      const run = cli(["audit", "report", log, "--format", format, "--output", out]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`automode audit report: wrote ${out}\n`);
      const text = readFileSync(out, "utf8");
      expect(text).toContain(
        format === "html"
          ? "<!doctype html>"
          : format === "markdown"
            ? "## automode audit report"
            : "intact, 32 records",
      );
      expect(text.match(CONTROL), format).toBeNull();
    }
  });

  it("filters by session and time; the chain is still the whole log's", () => {
    const session = cli([
      "audit",
      "report",
      log,
      "--format",
      "markdown",
      "--session",
      "other-session",
    ]);
    expect(session.status).toBe(0);
    expect(session.stdout).toContain("1 of 32 decisions (session other-session)");
    const since = cli(["audit", "report", log, "--since", "2026-11-24T10:00:30Z"]);
    expect(since.stdout).toContain("2 of 32 decisions (since 2026-11-24T10:00:30.000Z)");
    const until = cli([
      "audit",
      "report",
      log,
      "--until",
      "2026-11-24T10:00:04.5Z",
      "--format",
      "markdown",
    ]);
    expect(until.stdout).toContain("5 of 32 decisions (until 2026-11-24T10:00:04.500Z)");
  });

  it("--json keeps verify, summary and flagged, and adds the findings and suggestions", () => {
    const run = cli(["audit", "report", log, "--json"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown> & {
      verify: { ok: boolean };
      summary: { decisions: number };
      flagged: unknown[];
    };
    expect(json.verify.ok).toBe(true);
    expect(json.summary.decisions).toBe(32);
    expect(json.flagged.length).toBeGreaterThan(0);
    for (const key of ["chain", "findings", "suggest"]) expect(json).toHaveProperty(key);
  });

  it("exits 1 on a broken chain, after printing the report", () => {
    const broken = join(root, "broken.jsonl");
    const lines = readFileSync(log, "utf8").split("\n");
    lines.splice(4, 1);
    writeFileSync(broken, lines.join("\n"));
    const run = cli(["audit", "report", broken, "--format", "markdown"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\*\*Chain: ❌ BROKEN\*\*, first bad line 5/);
    expect(run.stderr).toMatch(/^automode audit report: NOT intact: line 5: /);
  });

  it("suggests rules as JSON to paste, or says there are none", () => {
    const run = cli(["audit", "suggest", log]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '"rules": [{"id":"suggested-command-pnpm-add","verdict":"approve","commands":["pnpm add left-pad@1.0.0","pnpm add left-pad@1.1.0","pnpm add left-pad@1.2.0","pnpm add zod"]}]',
    );
    const json = JSON.parse(cli(["audit", "suggest", log, "--json"]).stdout) as {
      suggestions: unknown[];
    };
    expect(json.suggestions.length).toBeGreaterThan(0);
    const none = cli(["audit", "suggest", log, "--min-count", "1000"]);
    expect(none.stdout).toBe(
      "No suggestion: no escalation repeats in a way one narrow rule would approve.\n",
    );
  });

  it("refuses bad usage with one line and exit 2", () => {
    const cases: Array<[string[], RegExp]> = [
      [["audit", "report", log, "--format", "pdf"], /--format must be one of text, markdown, html/],
      [
        ["audit", "report", log, "--since", "yesterday-ish"],
        /--since: "yesterday-ish" is not a date/,
      ],
      [
        ["audit", "report", log, "--since", "2026-12-01", "--until", "2026-11-01"],
        /is after --until/,
      ],
      [
        ["audit", "summary", log, "--format", "markdown"],
        /--format goes with audit report or audit suggest/,
      ],
      [["audit", "suggest", log, "--format", "html"], /--format goes with audit report/],
      [["audit", "suggest", log, "--min-count", "0"], /--min-count/],
      [
        ["audit", "report", log, "--output", join(root, "no", "such", "dir", "r.md")],
        /--output: cannot write .*ENOENT/,
      ],
    ];
    const badPolicy = join(tempDir(), "project");
    mkdirSync(join(badPolicy, ".claude"), { recursive: true });
    writeFileSync(join(badPolicy, ".claude", "policy.json"), '{ "version": 1, "bogus": 1 }');
    cpSync(log, join(badPolicy, ".claude", "audit.jsonl"));
    cases.push([
      ["audit", "report", join(badPolicy, ".claude", "audit.jsonl")],
      /policy.json:1:\d+ is invalid: unknown key "bogus" \(fix it, or name another policy with --policy\)/,
    ]);
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n"), run.stderr).toHaveLength(1);
    }
  });

  it("audit summary escapes the tool names it is keyed by", () => {
    const run = cli(["audit", "summary", log]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("mcp__x\\nforged line\\x1b[2J\\u202e");
    expect(run.stdout.match(CONTROL)).toBeNull();
    expect(run.stdout.split("\n").some((l) => l.startsWith("forged line"))).toBe(false);
  });
});
