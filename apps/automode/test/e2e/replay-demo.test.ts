import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appRoot, cleanup, cli, sampleProject, tempDir } from "./cli.js";

afterAll(cleanup);

describe("automode replay", () => {
  const project = sampleProject();
  const transcript = join(project, "..", "session.jsonl");
  writeFileSync(
    transcript,
    readFileSync(join(appRoot, "test", "fixtures", "transcript.jsonl"), "utf8").replaceAll(
      "@ROOT@",
      project,
    ),
  );

  it("counts verdicts and lists the escalated and denied calls", () => {
    const run = cli(["replay", transcript]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("5 tool calls");
    expect(run.stdout).toMatch(/^balanced\s+2\s+2\s+1$/m);
    expect(run.stdout).toMatch(/Bash: cat \.env\s+deny\s+ignored-path/);
    expect(run.stdout).toMatch(/Bash: rm -rf src\s+escalate\s+destructive/);
    expect(run.stdout).not.toMatch(/Read: src\/invoice\.ts/);
  });

  it("compares all tiers", () => {
    const run = cli(["replay", transcript, "--all-tiers"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^permissive\s+3\s+1\s+1$/m);
    expect(run.stdout).toMatch(/^restrictive\s+1\s+3\s+1$/m);
  });

  it("prints JSON per call", () => {
    const run = cli(["replay", transcript, "--permission-tier", "restrictive", "--json"]);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { decisions: Record<string, { verdict: string }> });
    expect(rows).toHaveLength(5);
    expect(rows[1]?.decisions.restrictive?.verdict).toBe("escalate");
  });

  it("exits 2 on bad usage", () => {
    expect(cli(["replay"]).status).toBe(2);
    expect(cli(["replay", "/nonexistent.jsonl"]).status).toBe(2);
    expect(cli(["replay", transcript, "--all-tiers", "--permission-tier", "balanced"]).status).toBe(
      2,
    );
  });
});

describe("automode demo", () => {
  it("replays the bundled session under all tiers and verifies the logs", () => {
    // A temporary folder of its own, so what the demo leaves behind can be counted exactly.
    const tmp = tempDir();
    const run = cli(["demo"], { env: { TMPDIR: tmp } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/permissive\s+balanced\s+restrictive\s+reason/);
    expect(run.stdout).toMatch(/Bash: sudo npm install -g pnpm\s+deny\s+deny\s+deny/);
    expect(run.stdout).toMatch(/Bash: cat \.env\s+deny\s+deny\s+deny/);
    expect(run.stdout).toMatch(
      /Bash: git push --force origin main\s+escalate\s+escalate\s+escalate/,
    );
    const logs = [...run.stdout.matchAll(/audit log \((\w+)\s*\) (\S+): intact, (\d+) records/g)];
    expect(logs.map((m) => m[1])).toEqual(["permissive", "balanced", "restrictive"]);
    for (const [, , path, records] of logs) {
      expect(existsSync(path!)).toBe(true);
      expect(Number(records)).toBeGreaterThanOrEqual(40);
    }
    // Only the folder holding the logs is left behind.
    const left = readdirSync(tmp);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^automode-demo-/);
    expect(readdirSync(join(tmp, left[0]!)).sort()).toEqual([
      "audit-balanced.jsonl",
      "audit-permissive.jsonl",
      "audit-restrictive.jsonl",
      "report-balanced.html",
    ]);
    const report = run.stdout.match(/HTML report of the balanced run: (\S+)\n/)?.[1];
    expect(report).toBe(join(tmp, left[0]!, "report-balanced.html"));
    expect(readFileSync(report!, "utf8")).toMatch(/^<!doctype html>/);
  });
});
