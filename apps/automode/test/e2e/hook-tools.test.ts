import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, sampleProject } from "./cli.js";

/**
 * The tool mapping end to end, through the real `automode hook claude-code` process, with the
 * exact bytes Claude Code reads: bookkeeping tools, unknown tools (prototype names included),
 * `tools` rules with `-` in their globs, rules that try to approve modelled tools, Glob and
 * Grep judged where their pattern reaches, and agent-chosen control characters in reasons.
 */

afterAll(cleanup);

let project: string;
beforeAll(() => {
  project = sampleProject();
  const policy = {
    version: 1,
    tier: "balanced",
    rules: [
      { id: "gh-enterprise", verdict: "approve", tools: ["mcp__github-enterprise__*"] },
      { id: "brave", verdict: "approve", tools: ["mcp__brave-search__search"] },
      { id: "no-merge", verdict: "deny", tools: ["mcp__github-enterprise__merge_*"] },
      { id: "tests-dash", verdict: "approve", commands: ["npm run test-*"] },
      // These name or match modelled tools: they never match (and the linter says so).
      { id: "every-tool", verdict: "approve", tools: ["Bash", "Write", "Edit", "Read"] },
      { id: "no-todo", verdict: "deny", tools: ["TodoWrite"] },
    ],
  };
  writeFileSync(join(project, ".claude", "policy.json"), JSON.stringify(policy, null, 2));
});

function hookBytes(tool_name: string, tool_input: unknown, args: string[] = []): string {
  const run = cli(["hook", "claude-code", ...args], {
    input: JSON.stringify({
      session_id: "tools",
      cwd: project,
      hook_event_name: "PreToolUse",
      tool_name,
      tool_input,
    }),
    cwd: project,
    env: { CLAUDE_PROJECT_DIR: project },
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Any control or bidi character but the newline that ends each line. */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const bytes = (permissionDecision: "allow" | "deny" | "ask", reason: string) =>
  `${JSON.stringify({
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision,
      permissionDecisionReason: reason,
    },
  })}\n`;

describe("bookkeeping tools are approved by the engine, in every tier", () => {
  const tools = ["TodoWrite", "Task", "BashOutput", "KillShell", "ExitPlanMode"];
  for (const tier of ["permissive", "balanced", "restrictive"]) {
    it.each(tools)(`%s (${tier})`, (tool) => {
      expect(hookBytes(tool, { x: 1 }, ["--permission-tier", tier])).toBe(
        bytes(
          "allow",
          `automode (${tier}, bookkeeping): ${tool} is the agent's own bookkeeping and touches no file, command or host.`,
        ),
      );
    });
  }
});

describe("unknown tools", () => {
  it.each(["constructor", "toString", "hasOwnProperty", "__proto__", "mcp__slack__post"])(
    "%s is escalated as an unknown tool",
    (tool) => {
      expect(hookBytes(tool, { file_path: "x" })).toBe(
        bytes(
          "ask",
          `automode (balanced, unknown-tool): automode has no model of the tool "${tool}", so a person decides (a "tools" rule can decide it).`,
        ),
      );
    },
  );

  it("tools globs with `-` decide, deny over approve", () => {
    expect(hookBytes("mcp__github-enterprise__get_issue", {})).toBe(
      bytes(
        "allow",
        'automode (balanced, rule gh-enterprise): Policy rule "gh-enterprise" approves the tool "mcp__github-enterprise__get_issue".',
      ),
    );
    expect(hookBytes("mcp__brave-search__search", { query: "x" })).toBe(
      bytes(
        "allow",
        'automode (balanced, rule brave): Policy rule "brave" approves the tool "mcp__brave-search__search".',
      ),
    );
    expect(hookBytes("mcp__github-enterprise__merge_pr", {})).toBe(
      bytes(
        "deny",
        'automode (balanced, rule no-merge): Policy rule "no-merge" denies the tool "mcp__github-enterprise__merge_pr".',
      ),
    );
  });

  it("a `commands` glob with `-` compiles: no call is denied as an internal error", () => {
    expect(hookBytes("Bash", { command: "npm run test-unit" })).toMatch(
      /"permissionDecision":"allow","permissionDecisionReason":"automode \(balanced, rule tests-dash\)/,
    );
  });

  it("a rule naming Bash, Write or Read approves none of them", () => {
    expect(hookBytes("Bash", { command: "curl https://evil.example/x" })).toMatch(
      /"permissionDecision":"ask","permissionDecisionReason":"automode \(balanced, tier\)/,
    );
    expect(hookBytes("Write", { file_path: "/tmp/automode-e2e-bashrc", content: "x" })).toMatch(
      /"permissionDecision":"ask","permissionDecisionReason":"automode \(balanced, tier\)/,
    );
    expect(hookBytes("Read", { file_path: join(project, ".env") })).toMatch(
      /"permissionDecision":"deny","permissionDecisionReason":"automode \(balanced, ignored-path\)/,
    );
  });
});

describe("Glob and Grep are judged where their pattern reaches", () => {
  it.each([
    ["Glob", { pattern: "secrets/*" }, "deny", "ignored-path", "listing secrets (Glob)"],
    ["Glob", { pattern: "*", path: "secrets" }, "deny", "ignored-path", "listing secrets (Glob)"],
    [
      "Glob",
      { pattern: "**/.env*" },
      "deny",
      "ignored-path",
      "Reaching .env through a name pattern (Glob)",
    ],
    [
      "Grep",
      { pattern: "KEY", glob: "*.pem" },
      "deny",
      "ignored-path",
      "Reaching x.pem through a name pattern (Grep)",
    ],
    [
      "Grep",
      { pattern: "KEY", path: "src", glob: "../secrets/*" },
      "deny",
      "ignored-path",
      "everything under secrets (Grep)",
    ],
  ] as const)("%s %j → %s", (tool, toolInput, verdict, check, fragment) => {
    const out = JSON.parse(hookBytes(tool, toolInput)) as {
      hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string };
    };
    expect(out.hookSpecificOutput.permissionDecision).toBe(verdict);
    expect(out.hookSpecificOutput.permissionDecisionReason).toContain(`(balanced, ${check}): `);
    expect(out.hookSpecificOutput.permissionDecisionReason.toLowerCase()).toContain(
      fragment.toLowerCase(),
    );
  });

  it("a Glob for sources is still approved", () => {
    expect(hookBytes("Glob", { pattern: "src/**/*.ts" })).toBe(
      bytes(
        "allow",
        "automode (balanced, tier): The balanced tier approves listing src (Glob): read inside the project.",
      ),
    );
  });
});

describe("reasons are safe to show", () => {
  it("a path holding a newline, an ANSI escape and a bidi override reaches the reason escaped", () => {
    const name = "a\nb\x1b[31mc\u202ed.txt";
    mkdirSync(join(project, "odd"), { recursive: true });
    writeFileSync(join(project, "odd", name), "x");
    const out = hookBytes("Write", { file_path: join("/tmp", name), content: "x" });
    expect(out).toBe(
      bytes(
        "ask",
        "automode (balanced, tier): The balanced tier escalates writing /tmp/a\\nb\\x1b[31mc\\u202ed.txt (Write): write, create or delete outside the project.",
      ),
    );
  });

  it("the audit report shows the logged path escaped", () => {
    const name = "r\nforged line\x1b[2J\u202eevil";
    hookBytes("Write", { file_path: join("/tmp", name), content: "x" });
    const run = cli(["audit", "report", join(project, ".claude", "audit.jsonl")], { cwd: project });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("/tmp/r\\nforged line\\x1b[2J\\u202eevil");
    const unsafe = run.stdout.match(CONTROL);
    expect(unsafe, JSON.stringify(unsafe)).toBeNull();
    expect(run.stdout.split("\n").some((line) => line.startsWith("forged line"))).toBe(false);
  });

  it("the app's own reasons are escaped too (a hook input for another event)", () => {
    const run = cli(["hook", "claude-code"], {
      input: JSON.stringify({
        cwd: project,
        hook_event_name: "Post\nToolUse\x1b[31m\u202e",
        tool_name: "Bash",
        tool_input: { command: "ls" },
      }),
      cwd: project,
      env: { CLAUDE_PROJECT_DIR: project },
    });
    expect(run.stdout).toBe(
      bytes(
        "deny",
        "automode (balanced, invalid-input): automode answers PreToolUse, not Post\\nToolUse\\x1b[31m\\u202e",
      ),
    );
  });
});
