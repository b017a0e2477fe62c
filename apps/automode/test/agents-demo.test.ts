import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli, tempDir } from "./e2e/cli.js";

afterAll(cleanup);

describe("automode demo --agent all", () => {
  it("decides the recorded session through every agent's format with one verdict per call", () => {
    const out = tempDir();
    const run = cli(["demo", "--agent", "all", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    const header = lines.findIndex((l) => l.startsWith("call "));
    const rows = lines.slice(header + 1, lines.indexOf("", header));
    expect(rows.length).toBe(45);
    for (const row of rows) {
      const cells = row.slice(45).trim().split(/\s+/);
      expect(cells).toHaveLength(5);
      // Cursor sends an MCP tool's bare name (no server), so a rule on mcp__github__* cannot
      // match it there: the one place a verdict may differ, and only towards asking.
      const seen = new Set(
        cells.filter((c, i) => c !== "—" && !(i === 3 && row.startsWith("mcp__"))),
      );
      expect(seen.size, row).toBe(1);
    }
    for (const agent of ["claude-code", "gemini-cli", "codex", "cursor", "copilot-cli"]) {
      expect(run.stdout).toMatch(
        new RegExp(
          `^${agent} +approve \\d+, escalate \\d+, deny \\d+, not visible \\d+; .*audit-${agent}\\.jsonl: intact$`,
          "m",
        ),
      );
    }
    expect(run.stdout).toMatch(/^claude-code +approve 29, escalate 11, deny 5, not visible 0;/m);
  });
});
