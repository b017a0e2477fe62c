import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenCases } from "./agents/payloads.js";
import { cleanup, cli, sampleProject } from "./e2e/cli.js";

/**
 * Each agent's documented payloads through the real CLI process (`automode hook <agent>`),
 * with the exact answer expected: stdout, stderr and exit code, the project's path written
 * as <project>. The answers are in test/fixtures/agents-golden.json, reviewed by hand; set
 * UPDATE_GOLDEN=1 to rewrite it after a deliberate change, and review the diff.
 */
const fixture = join(import.meta.dirname, "fixtures", "agents-golden.json");
type Answer = { exit: number | null; stdout: string; stderr: string };

afterAll(cleanup);
let project: string;
beforeAll(() => {
  project = sampleProject();
});

const actual: Record<string, Answer> = {};
const golden: Record<string, Answer> = existsSync(fixture)
  ? (JSON.parse(readFileSync(fixture, "utf8")) as Record<string, Answer>)
  : {};

afterAll(() => {
  if (process.env.UPDATE_GOLDEN === "1")
    writeFileSync(fixture, `${JSON.stringify(actual, null, 2)}\n`);
});

function run(agent: string, payload: object | string): Answer {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  const result = cli(["hook", agent], {
    input: text.replaceAll("<project>", project),
    cwd: project,
  });
  const clean = (s: string) => s.replaceAll(project, "<project>");
  return { exit: result.status, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

describe.each(["gemini-cli", "codex", "cursor", "copilot-cli", "claude-code"])(
  "automode hook %s",
  (agent) => {
    const cases = goldenCases.filter((c) => c.agent === agent);
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const key = `${c.agent}: ${c.name}`;
      const answer = run(c.agent, c.payload);
      actual[key] = answer;
      if (process.env.UPDATE_GOLDEN === "1") return;
      expect(answer).toEqual(golden[key]);
      // Blocking by exit code needs nothing on stdout; answering by JSON needs exactly one line.
      if (answer.exit === 2) expect(answer.stdout).toBe("");
      else expect(answer.exit).toBe(0);
    });
  },
);

describe("the audit log of the golden run", () => {
  it("names the agent of every record, and never holds a file's content Cursor sent", () => {
    if (process.env.UPDATE_GOLDEN === "1") return;
    const log = readFileSync(join(project, ".claude", "audit.jsonl"), "utf8");
    const records = log
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { agent?: string; tool: string | null; verdict?: string })
      // Signed checkpoints are records of the log itself, not of a decision.
      .filter((r) => r.verdict !== undefined);
    const agents = new Set(records.map((r) => r.agent));
    expect([...agents].sort()).toEqual([
      "claude-code",
      "codex",
      "copilot-cli",
      "cursor",
      "gemini-cli",
    ]);
    expect(log).not.toContain("TOKEN=abc");
    // The HTML report charts decisions per agent.
    const report = cli(
      ["audit", "report", join(project, ".claude", "audit.jsonl"), "--format", "html"],
      { cwd: project },
    );
    expect(report.stdout).toContain('<svg id="by-agent"');
    for (const agent of agents) expect(report.stdout).toContain(String(agent));
    // The three files of one Codex patch are three records.
    expect(
      records.filter((r) => r.agent === "codex" && r.tool === "apply_patch").length,
    ).toBeGreaterThanOrEqual(3);
  });
});

describe("a hook that cannot start deciding still blocks the way its agent blocks", () => {
  it("Copilot CLI gets a deny answer with exit 0 (it runs the tool on a non-zero exit)", () => {
    const result = cli(["hook", "copilot-cli", "--permission-tier", "bogus"], {
      input: "{}",
      cwd: project,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ permissionDecision: "deny" });
    expect(result.stderr).toContain("automode hook:");
  });

  it("Claude Code and the exit-2 agents keep exit 2", () => {
    for (const agent of ["claude-code", "gemini-cli", "codex", "cursor"]) {
      const result = cli(["hook", agent, "--permission-tier", "bogus"], {
        input: "{}",
        cwd: project,
      });
      expect(result.status).toBe(2);
    }
  });
});
