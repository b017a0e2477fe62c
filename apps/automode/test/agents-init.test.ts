import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli, installInto, pathWithoutAutomode, sampleProject } from "./e2e/cli.js";

/** `automode init --agent <name>` through the real CLI, in a project with automode installed. */
afterAll(cleanup);

const files = {
  "gemini-cli": ".gemini/settings.json",
  codex: ".codex/hooks.json",
  cursor: ".cursor/hooks.json",
  "copilot-cli": ".github/hooks/automode.json",
} as const;

function project(): string {
  const p = sampleProject();
  installInto(p);
  return p;
}
const init = (p: string, ...args: string[]) =>
  cli(["init", "--dir", p, ...args], { cwd: p, env: { PATH: pathWithoutAutomode() } });

describe.each(Object.entries(files))("init --agent %s", (agent, file) => {
  it("registers a hook that answers, and a second run changes nothing", () => {
    const p = project();
    const first = init(p, "--agent", agent);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`created ${file}: hook registered`);
    expect(first.stdout).toContain("checked the hook");
    const text = readFileSync(join(p, file), "utf8");
    const command = `${join(p, "node_modules", ".bin", "automode")} hook ${agent}`;
    expect(text).toContain(command);
    const again = init(p, "--agent", agent);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`unchanged ${file}`);
    expect(readFileSync(join(p, file), "utf8")).toBe(text);
    // The registered command denies a read of .env in the agent's own way.
    const payloads: Record<string, object> = {
      "gemini-cli": {
        cwd: p,
        hook_event_name: "BeforeTool",
        tool_name: "read_file",
        tool_input: { file_path: ".env" },
      },
      codex: {
        cwd: p,
        hook_event_name: "PreToolUse",
        tool_name: "Bash",
        tool_input: { command: "cat .env" },
      },
      cursor: {
        hook_event_name: "beforeReadFile",
        workspace_roots: [p],
        file_path: join(p, ".env"),
        content: "",
      },
      "copilot-cli": {
        cwd: p,
        toolName: "view",
        toolArgs: { path: join(p, ".env") },
        timestamp: 1,
        sessionId: "s",
      },
    };
    const run = spawnSync("/bin/sh", ["-c", command], {
      cwd: p,
      input: JSON.stringify(payloads[agent]),
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/deny/);
  });

  it("writes nothing when the hook command does not answer", () => {
    const p = project();
    const run = init(p, "--agent", agent, "--hook-command", "exit 3");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/does not work.*nothing was written/);
    expect(existsSync(join(p, file))).toBe(false);
  });
});

describe("init --agent keeps what is there", () => {
  it("joins Gemini's settings with their comments, other hooks and other keys intact", () => {
    const p = project();
    mkdirSync(join(p, ".gemini"));
    const before = `{
  // the user's theme
  "theme": "GitHub",
  "hooks": {
    "BeforeTool": [
      { "matcher": "write_file", "hooks": [{ "type": "command", "command": "./lint.sh" }] }
    ]
  }
}
`;
    writeFileSync(join(p, ".gemini", "settings.json"), before);
    expect(init(p, "--agent", "gemini-cli").status).toBe(0);
    const after = readFileSync(join(p, ".gemini", "settings.json"), "utf8");
    expect(after).toContain("// the user's theme");
    expect(after).toContain('"theme": "GitHub"');
    expect(after).toContain("./lint.sh");
    expect(after).toContain("hook gemini-cli");
  });

  it("refuses a settings file that is not JSON, and writes nothing", () => {
    const p = project();
    mkdirSync(join(p, ".cursor"));
    writeFileSync(join(p, ".cursor", "hooks.json"), "{ not json");
    const run = init(p, "--agent", "cursor");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\.cursor\/hooks\.json is not a JSON object/);
    expect(readFileSync(join(p, ".cursor", "hooks.json"), "utf8")).toBe("{ not json");
  });

  it("rejects an agent it does not know", () => {
    const run = init(project(), "--agent", "vim");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown agent "vim"/);
  });
});
