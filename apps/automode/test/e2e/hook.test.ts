import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, cliAsync, sampleProject } from "./cli.js";

afterAll(cleanup);

let project: string;
beforeAll(() => {
  project = sampleProject();
});

const input = (tool_name: string, tool_input: unknown, extra: object = {}) =>
  JSON.stringify({
    session_id: "e2e-session",
    transcript_path: "/tmp/e2e.jsonl",
    cwd: project,
    hook_event_name: "PreToolUse",
    tool_name,
    tool_input,
    ...extra,
  });

function hook(stdin: string, args: string[] = []) {
  const run = cli(["hook", "claude-code", ...args], {
    input: stdin,
    cwd: project,
    env: { CLAUDE_PROJECT_DIR: project },
  });
  expect(run.status).toBe(0);
  expect(run.stdout.endsWith("\n")).toBe(true);
  expect(run.stdout.trim().split("\n")).toHaveLength(1);
  return JSON.parse(run.stdout) as unknown;
}

/** The whole answer, exactly: these keys and no others (Claude Code's PreToolUse contract). */
const answer = (permissionDecision: "allow" | "deny" | "ask", reason: RegExp) => ({
  hookSpecificOutput: {
    hookEventName: "PreToolUse",
    permissionDecision,
    permissionDecisionReason: expect.stringMatching(reason),
  },
});

describe("automode hook claude-code", () => {
  const p = (rel: string) => join(project, rel);
  const cases: Array<[string, string, () => unknown, "allow" | "deny" | "ask", RegExp]> = [
    [
      "Bash",
      "a development command",
      () => ({ command: "npm test" }),
      "allow",
      /^automode \(balanced, tier\): /,
    ],
    [
      "Bash",
      "a force push",
      () => ({ command: "git push --force origin main" }),
      "ask",
      /destructive/,
    ],
    [
      "Read",
      "a source file",
      () => ({ file_path: p("src/invoice.ts") }),
      "allow",
      /^automode \(balanced, tier\): /,
    ],
    [
      "Read",
      "the .env file",
      () => ({ file_path: p(".env") }),
      "deny",
      /^automode \(balanced, ignored-path\): /,
    ],
    [
      "Write",
      "a new source file",
      () => ({ file_path: p("src/currency.ts"), content: "x" }),
      "allow",
      /tier/,
    ],
    [
      "Write",
      "outside the project",
      () => ({ file_path: "/tmp/automode-e2e-outside.txt", content: "x" }),
      "ask",
      /tier/,
    ],
    [
      "Edit",
      "a source file",
      () => ({ file_path: p("src/invoice.ts"), old_string: "a", new_string: "b" }),
      "allow",
      /tier/,
    ],
    [
      "MultiEdit",
      "a test file",
      () => ({ file_path: p("test/money.test.ts"), edits: [] }),
      "allow",
      /tier/,
    ],
    [
      "NotebookEdit",
      "a notebook",
      () => ({ notebook_path: p("notebooks/explore.ipynb"), new_source: "1" }),
      "allow",
      /tier/,
    ],
    [
      "Edit",
      "the policy itself",
      () => ({ file_path: p(".claude/policy.json"), old_string: "a", new_string: "b" }),
      "deny",
      /self-protection/,
    ],
    ["Glob", "the project", () => ({ pattern: "src/**/*.ts" }), "allow", /tier/],
    ["Grep", "the sources", () => ({ pattern: "addCents", path: p("src") }), "allow", /tier/],
    [
      "Grep",
      "the whole project, .env included",
      () => ({ pattern: "STRIPE" }),
      "ask",
      /ignored-path/,
    ],
    [
      "Grep",
      "the secrets folder",
      () => ({ pattern: "KEY", path: p("secrets") }),
      "deny",
      /ignored-path/,
    ],
    [
      "WebFetch",
      "a docs site the policy approves",
      () => ({ url: "https://vitest.dev/api/", prompt: "x" }),
      "allow",
      /rule docs-and-registry/,
    ],
    [
      "WebFetch",
      "any other site",
      () => ({ url: "https://example.com/", prompt: "x" }),
      "ask",
      /tier/,
    ],
    ["WebSearch", "a search", () => ({ query: "vitest coverage" }), "ask", /tier/],
    [
      "mcp__github__list_pull_requests",
      "an MCP tool a rule approves",
      () => ({ owner: "o" }),
      "allow",
      /rule github-read-tools/,
    ],
    [
      "mcp__slack__post_message",
      "an MCP tool no rule names",
      () => ({ text: "hi" }),
      "ask",
      /unknown-tool/,
    ],
  ];

  it.each(cases)("%s: %s", (tool, _what, toolInput, decision, reason) => {
    expect(hook(input(tool, toolInput()))).toEqual(answer(decision, reason));
  });

  it("prints exactly the contract's bytes", () => {
    const run = cli(["hook", "claude-code"], {
      input: input("mcp__slack__post_message", { text: "hi" }),
      cwd: project,
      env: { CLAUDE_PROJECT_DIR: project },
    });
    expect(run.stdout).toBe(
      `${JSON.stringify({
        hookSpecificOutput: {
          hookEventName: "PreToolUse",
          permissionDecision: "ask",
          permissionDecisionReason:
            'automode (balanced, unknown-tool): automode has no model of the tool "mcp__slack__post_message", so a person decides (a "tools" rule can decide it).',
        },
      })}\n`,
    );
    expect(run.stderr).toBe("");
    const invalid = cli(["hook", "claude-code"], {
      input: "{nope",
      cwd: project,
      env: { CLAUDE_PROJECT_DIR: project },
    });
    expect(invalid.stdout).toBe(
      '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"automode (balanced, invalid-input): the hook input is not JSON"}}\n',
    );
  });

  it("applies --permission-tier over the policy's tier", () => {
    const out = hook(input("Bash", { command: "npm test" }), ["--permission-tier", "restrictive"]);
    expect(out).toEqual(answer("ask", /^automode \(restrictive, tier\): /));
  });

  it.each([
    ["not JSON", "{nope"],
    ["no input", ""],
    ["no tool_name", JSON.stringify({ cwd: "/x", tool_input: {} })],
    [
      "a Bash call without a command",
      JSON.stringify({ cwd: "/x", tool_name: "Bash", tool_input: {} }),
    ],
    [
      "another event",
      JSON.stringify({
        cwd: "/x",
        hook_event_name: "PostToolUse",
        tool_name: "Bash",
        tool_input: { command: "ls" },
      }),
    ],
  ])("fails closed on %s", (_what, stdin) => {
    expect(hook(stdin)).toEqual(answer("deny", /^automode \(balanced, invalid-input\): /));
  });

  it("denies everything while the policy is invalid", () => {
    const broken = sampleProject();
    writeFileSync(join(broken, ".claude", "policy.json"), '{ "version": 1, "teir": "permissive" }');
    const run = cli(["hook", "claude-code"], {
      input: JSON.stringify({
        cwd: broken,
        tool_name: "Read",
        tool_input: { file_path: join(broken, "src/a.ts") },
      }),
      cwd: broken,
      env: { CLAUDE_PROJECT_DIR: broken },
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(answer("deny", /policy.*invalid/));
  });

  it("protects the log --audit-log names, not only the policy's", () => {
    const log = join(project, "var", "hook-audit.jsonl");
    const args = ["--audit-log", log];
    expect(hook(input("Read", { file_path: p("src/money.ts") }), args)).toEqual(
      answer("allow", /tier/),
    );
    expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(1);
    expect(hook(input("Write", { file_path: log, content: "" }), args)).toEqual(
      answer("deny", /^automode \(balanced, self-protection\): /),
    );
    expect(hook(input("Bash", { command: `rm ${log}` }), args)).toEqual(
      answer("deny", /self-protection/),
    );
  });

  it("exits 2 with one line on bad usage", () => {
    const run = cli(["hook", "cursor"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const tier = cli(["hook", "claude-code", "--permission-tier", "yolo"]);
    expect(tier.status).toBe(2);
    expect(tier.stderr).toMatch(/^automode hook: --permission-tier must be one of/);
  });

  it("keeps the audit log whole with 16 hooks at once", async () => {
    const fresh = sampleProject();
    const log = join(fresh, ".claude", "audit.jsonl");
    const runs = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        cliAsync(["hook", "claude-code"], {
          input: JSON.stringify({
            session_id: `s${i}`,
            cwd: fresh,
            hook_event_name: "PreToolUse",
            tool_name: i % 2 === 0 ? "Bash" : "Read",
            tool_input:
              i % 2 === 0 ? { command: `echo ${i}` } : { file_path: join(fresh, "src/money.ts") },
          }),
          cwd: fresh,
          env: { CLAUDE_PROJECT_DIR: fresh },
        }),
      ),
    );
    for (const run of runs) {
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toHaveProperty(
        "hookSpecificOutput.hookEventName",
        "PreToolUse",
      );
    }
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(16);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { session: string }).session)).size).toBe(16);
    const verify = cli(["audit", "verify", log]);
    expect(verify.stdout).toMatch(/intact, 16 records/);
    expect(verify.status).toBe(0);
  });
});
