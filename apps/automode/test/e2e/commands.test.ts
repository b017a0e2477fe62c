import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli, sampleProject, tempDir } from "./cli.js";

afterAll(cleanup);

describe("automode decide", () => {
  it("answers every line, in order, malformed ones with invalid-input", () => {
    const project = sampleProject();
    const input = [
      JSON.stringify({ kind: "read", path: "src/money.ts" }),
      JSON.stringify({ kind: "execute", command: "sudo ls" }),
      "not json",
      JSON.stringify({ kind: "fly" }),
      JSON.stringify({ kind: "network", url: "https://vitest.dev/" }),
    ].join("\n");
    const run = cli(["decide"], { input, cwd: project });
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { verdict: string; check: string });
    expect(out.map((d) => [d.verdict, d.check])).toEqual([
      ["approve", "tier"],
      ["deny", "privilege"],
      ["deny", "invalid-input"],
      ["deny", "invalid-input"],
      ["approve", "rule"],
    ]);
  });
});

describe("automode explain", () => {
  it("prints a trace naming the deciding stage", () => {
    const project = sampleProject();
    const run = cli(["explain", "--", "git", "push", "--force"], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/decision\s+ESCALATE by destructive/);
    expect(cli(["explain"], { cwd: project }).status).toBe(2);
  });
});

describe("automode audit", () => {
  const out = tempDir();
  const demo = cli(["demo", "--out", out]);
  const log = join(out, "audit-balanced.jsonl");

  it("summarizes as a table and as JSON", () => {
    expect(demo.status).toBe(0);
    const table = cli(["audit", "summary", log]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^45 decisions/);
    expect(table.stdout).toMatch(/By verdict/);
    const json = JSON.parse(cli(["audit", "summary", log, "--json"]).stdout) as {
      decisions: number;
    };
    expect(json.decisions).toBe(45);
  });

  it("reports the flagged decisions", () => {
    const report = cli(["audit", "report", log]);
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/intact, 45 records/);
    expect(report.stdout).toMatch(/deny\s+Bash\s+sudo npm install -g pnpm/);
  });

  it("fails verify on an edited record, naming the line", () => {
    const tampered = join(out, "tampered.jsonl");
    const lines = readFileSync(log, "utf8").split("\n");
    lines[2] = lines[2]!.replace('"verdict":"approve"', '"verdict":"deny"');
    writeFileSync(tampered, lines.join("\n"));
    const run = cli(["audit", "verify", tampered]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/NOT intact: line 3/);
    expect(cli(["audit", "verify", join(out, "missing.jsonl")]).status).toBe(2);
    expect(cli(["audit", "shred", log]).status).toBe(2);
  });

  it("verifies the log the project's policy names when given no file", () => {
    const project = sampleProject();
    const projectLog = join(project, ".claude", "audit.jsonl");
    const none = cli(["audit", "verify"], { cwd: join(project, "src") });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`no audit log at ${projectLog}`);
    const hookInput = JSON.stringify({
      session_id: "s",
      cwd: project,
      hook_event_name: "PreToolUse",
      tool_name: "Read",
      tool_input: { file_path: join(project, "src", "money.ts") },
    });
    expect(cli(["hook", "claude-code"], { input: hookInput, cwd: project }).status).toBe(0);
    const run = cli(["audit", "verify"], { cwd: join(project, "src") });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(`${projectLog}: intact, 1 record,`);
    const viaPolicy = cli([
      "audit",
      "summary",
      "--policy",
      join(project, ".claude", "policy.json"),
    ]);
    expect(viaPolicy.stdout).toMatch(/^1 decision/);
    expect(cli(["audit", "verify", projectLog, "--policy", "x.json"]).status).toBe(2);
  });
});

describe("automode lint, --help, --version", () => {
  it("lints the sample policy clean", () => {
    const run = cli(["lint"], { cwd: sampleProject() });
    expect(run.status).toBe(0);
  });

  it("has help for every command and a version", () => {
    for (const command of [
      "hook",
      "decide",
      "explain",
      "replay",
      "audit",
      "lint",
      "init",
      "demo",
    ]) {
      const run = cli([command, "--help"]);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toMatch(/^Usage: automode/);
    }
    expect(cli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = cli(["frobnicate"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
