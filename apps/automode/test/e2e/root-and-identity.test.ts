import { linkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, sampleProject } from "./cli.js";

afterAll(cleanup);

let project: string;
beforeAll(() => {
  project = sampleProject();
  // A second name for .env and for the policy, made before the session.
  linkSync(join(project, ".env"), join(project, "notes.txt"));
  linkSync(join(project, ".claude", "policy.json"), join(project, "policy-copy.json"));
  mkdirSync(join(project, "sub"));
});

function hook(tool_name: string, tool_input: object, cwd: string, named: string) {
  const run = cli(["hook", "claude-code"], {
    input: JSON.stringify({ cwd, hook_event_name: "PreToolUse", tool_name, tool_input }),
    cwd,
    env: { CLAUDE_PROJECT_DIR: named },
  });
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout) as {
    hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string };
  };
  return out.hookSpecificOutput;
}

describe("the hook: one root, every name of a file, the wiring", () => {
  it("with cwd / and no named project, every call is denied with a reason", () => {
    const answer = hook("Read", { file_path: "/etc/hostname" }, "/", "");
    expect(answer.permissionDecision).toBe("deny");
    expect(answer.permissionDecisionReason).toMatch(/will not use \/ as the project root/);
  });

  it("a hard link to .env is .env; a hard link to the policy cannot be written", () => {
    const read = hook("Read", { file_path: join(project, "notes.txt") }, project, project);
    expect(read.permissionDecision).toBe("deny");
    expect(read.permissionDecisionReason).toMatch(/hard link/);
    const write = hook(
      "Write",
      {
        file_path: join(project, "policy-copy.json"),
        content: '{"version":1,"tier":"permissive"}',
      },
      project,
      project,
    );
    expect(write.permissionDecision).toBe("deny");
    expect(write.permissionDecisionReason).toMatch(/self-protection/);
  });

  it("the settings that hold the hook and a nested policy cannot be written, from any cwd", () => {
    for (const file of [
      ".claude/settings.json",
      ".claude/settings.local.json",
      "sub/.claude/policy.json",
    ]) {
      const answer = hook(
        "Write",
        { file_path: join(project, file), content: '{"disableAllHooks":true}' },
        join(project, "sub"),
        project,
      );
      expect(answer.permissionDecision, file).toBe("deny");
    }
  });
});
