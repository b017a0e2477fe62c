import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { appRoot, cleanup, cli, cliAsync, sampleProject } from "./cli.js";
import { decisionOf, hookCall, type Served, startServe } from "./serve-helpers.js";

const running: Served[] = [];
afterEach(async () => {
  for (const served of running.splice(0)) await served.stop("SIGKILL");
});
afterAll(cleanup);

async function serve(): Promise<Served> {
  const served = await startServe();
  running.push(served);
  return served;
}

const call = (cwd: string, tool_name: string, tool_input: object) =>
  JSON.stringify({
    session_id: "client-e2e",
    cwd,
    hook_event_name: "PreToolUse",
    tool_name,
    tool_input,
  });

const decisions = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { event?: string; target?: string; verdict?: string });

/** The hook as Claude Code runs it, pointed at the server's config folder. */
const hookEnv = (served: Served, project: string, extra: NodeJS.ProcessEnv = {}) => ({
  AUTOMODE_CONFIG_DIR: served.config,
  CLAUDE_PROJECT_DIR: project,
  ...extra,
});

/** How many hook calls the server decided, from the line it prints when it stops. */
async function decidedBy(served: Served): Promise<number> {
  expect(await served.stop("SIGTERM")).toBe(0);
  return Number(/stopped after (\d+) hook call/.exec(served.log())?.[1] ?? Number.NaN);
}

describe("automode hook claude-code with a server", () => {
  it("hands the call to the server and prints the same answer", async () => {
    const project = sampleProject();
    const served = await serve();
    const inputs = [
      call(project, "Bash", { command: "cat .env" }),
      call(project, "Read", { file_path: join(project, "src", "money.ts") }),
      call(project, "Bash", { command: "git push --force" }),
      "{ broken",
    ];
    for (const input of inputs) {
      const viaServer = cli(["hook", "claude-code"], {
        input,
        cwd: project,
        env: hookEnv(served, project),
      });
      const inProcess = cli(["hook", "claude-code"], {
        input,
        cwd: project,
        env: hookEnv(served, project, { AUTOMODE_NO_SERVER: "1" }),
      });
      expect(viaServer.status).toBe(0);
      expect(viaServer.stdout).toBe(inProcess.stdout);
    }
    // Flags travel with the call: the tier, and an audit log relative to the project root.
    const flagged = cli(
      ["hook", "claude-code", "--permission-tier", "permissive", "--audit-log=logs/other.jsonl"],
      {
        input: call(project, "Bash", { command: "curl https://example.com" }),
        cwd: project,
        env: hookEnv(served, project),
      },
    );
    expect(JSON.parse(flagged.stdout).hookSpecificOutput.permissionDecision).toBe("allow");
    expect(flagged.stdout).toMatch(/\(permissive, /);
    expect(decisions(join(project, "logs", "other.jsonl"))).toHaveLength(1);
    expect(await decidedBy(served)).toBe(inputs.length + 1);
  });

  it("decides in-process when the server cannot be used, never approving on an error", async () => {
    const project = sampleProject();
    const served = await serve();
    const secret = call(project, "Bash", { command: "cat .env" });
    const read = call(project, "Read", { file_path: join(project, "src", "money.ts") });
    // A token the server does not take: refused there, decided here.
    const wrong = cli(["hook", "claude-code"], {
      input: secret,
      cwd: project,
      env: hookEnv(served, project, { AUTOMODE_TOKEN: "not-the-token-0123456789" }),
    });
    expect(JSON.parse(wrong.stdout).hookSpecificOutput.permissionDecision).toBe("deny");
    // Help and unknown flags are the in-process hook's.
    expect(
      cli(["hook", "claude-code", "--help"], { env: hookEnv(served, project) }).stdout,
    ).toMatch(/^Usage/);
    expect(
      cli(["hook", "claude-code", "--nope"], { input: read, env: hookEnv(served, project) }).status,
    ).toBe(2);
    expect(await decidedBy(served)).toBe(0);
    // The server gone (its socket file left behind by kill -9): decided in-process.
    const again = await serve();
    again.child.kill("SIGKILL");
    await again.stop();
    const after = cli(["hook", "claude-code"], {
      input: read,
      cwd: project,
      env: hookEnv(again, project),
    });
    expect(JSON.parse(after.stdout).hookSpecificOutput.permissionDecision).toBe("allow");
    const log = join(project, ".claude", "audit.jsonl");
    expect(decisions(log).filter((r) => r.event === undefined)).toHaveLength(2);
  });

  it("survives kill -9 under load: every hook answers, no record lost or torn, the log verifies", async () => {
    const project = sampleProject();
    const served = await serve();
    const env = hookEnv(served, project);
    const hooks: Array<ReturnType<typeof cliAsync>> = [];
    const total = 48;
    for (let i = 0; i < total; i++) {
      hooks.push(
        cliAsync(["hook", "claude-code"], {
          input: call(project, "Bash", { command: `echo call-${i}` }),
          cwd: project,
          env,
        }),
      );
      // Kill the server with hooks in flight, a third of the way in.
      if (i === total / 3) {
        await hooks[0];
        served.child.kill("SIGKILL");
      }
    }
    const runs = await Promise.all(hooks);
    for (const run of runs) {
      expect(run.status).toBe(0);
      const answer = JSON.parse(run.stdout).hookSpecificOutput.permissionDecision;
      expect(answer).toBe("allow");
    }
    const log = join(project, ".claude", "audit.jsonl");
    const records = decisions(log);
    // A call the server recorded but could not answer is decided and recorded again: never lost.
    for (let i = 0; i < total; i++) {
      expect(
        records.some((r) => r.target === `echo call-${i}`),
        `call-${i}`,
      ).toBe(true);
    }
    expect(records.filter((r) => r.event === "recovery")).toHaveLength(0);
    const verify = cli(["audit", "verify", log], { env: { AUTOMODE_CONFIG_DIR: served.config } });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  it("shares the log with command hooks deciding in-process at the same time", async () => {
    const project = sampleProject();
    const served = await serve();
    let served200 = 0;
    let stop = false;
    const viaServer = async () => {
      while (!stop) {
        const reply = await hookCall(served, call(project, "Bash", { command: "git status" }));
        expect(decisionOf(reply)).toBe("allow");
        served200 += 1;
      }
    };
    const load = Array.from({ length: 8 }, viaServer);
    const hooks = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        cliAsync(["hook", "claude-code"], {
          input: call(project, "Bash", { command: `echo hook-${i}` }),
          cwd: project,
          env: hookEnv(served, project, { AUTOMODE_NO_SERVER: "1" }),
        }),
      ),
    );
    stop = true;
    await Promise.all(load);
    for (const run of hooks)
      expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe("allow");
    const log = join(project, ".claude", "audit.jsonl");
    const records = decisions(log).filter((r) => r.event === undefined);
    expect(records.filter((r) => r.target?.startsWith("echo hook-"))).toHaveLength(16);
    expect(records.filter((r) => r.target === "git status")).toHaveLength(served200);
    expect(served200).toBeGreaterThan(0);
    const verify = cli(["audit", "verify", log], { env: { AUTOMODE_CONFIG_DIR: served.config } });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  it("keeps the client free of the engine: its bundle needs only Node's own modules", () => {
    const bundle = readFileSync(join(appRoot, "dist", "hook-client.cjs"), "utf8");
    const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(name).toMatch(/^node:/);
    expect(bundle.length).toBeLessThan(20_000);
  });
});
