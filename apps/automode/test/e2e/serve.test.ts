import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cleanup, cli, sampleProject, tempDir } from "./cli.js";
import { decisionOf, hookCall, reasonOf, type Served, send, startServe } from "./serve-helpers.js";

const running: Served[] = [];
afterEach(async () => {
  for (const served of running.splice(0)) await served.stop("SIGKILL");
});
afterAll(cleanup);

async function serve(options: Parameters<typeof startServe>[0] = {}): Promise<Served> {
  const served = await startServe(options);
  running.push(served);
  return served;
}

const call = (cwd: string, tool_name: string, tool_input: object) =>
  JSON.stringify({
    session_id: "serve-e2e",
    transcript_path: "/tmp/t.jsonl",
    cwd,
    hook_event_name: "PreToolUse",
    tool_name,
    tool_input,
  });

const records = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.event === undefined);

/** A record without what differs between two runs of the same decision. */
const comparable = (record: Record<string, unknown>) => {
  const { ts, us, seq, prev, hash, ...rest } = record;
  return rest;
};

describe("automode serve", () => {
  it("answers exactly as the command hook does, and writes the same audit record", async () => {
    const viaHook = sampleProject();
    const viaServer = join(tempDir(), "invoice-kit");
    // The same folder name under another parent: records hold paths, so compare relative ones.
    const served = await serve();
    const cases: Array<[string, (p: string) => object]> = [
      ["Read", (p) => ({ file_path: join(p, "src", "money.ts") })],
      ["Read", (p) => ({ file_path: join(p, ".env") })],
      ["Bash", () => ({ command: "npm test && git status" })],
      ["Bash", () => ({ command: "git push --force origin main" })],
      ["Write", (p) => ({ file_path: join(p, "src", "new.ts"), content: "x" })],
      ["Grep", (p) => ({ pattern: "x", path: p })],
      ["WebFetch", () => ({ url: "https://example.com/", prompt: "x" })],
      ["mcp__github__get_issue", () => ({ number: 1 })],
      ["TodoWrite", () => ({ todos: [] })],
      ["Read", () => ({})],
    ];
    const { cpSync } = await import("node:fs");
    cpSync(viaHook, viaServer, { recursive: true });
    for (const [tool, input] of cases) {
      const hook = cli(["hook", "claude-code"], {
        input: call(viaHook, tool, input(viaHook)),
        cwd: viaHook,
        env: { CLAUDE_PROJECT_DIR: viaHook, AUTOMODE_SOCKET: join(tempDir(), "none.sock") },
      });
      const reply = await hookCall(served, call(viaServer, tool, input(viaServer)));
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("application/json");
      expect(reply.body.replaceAll(viaServer, "<p>"), `${tool}`).toBe(
        hook.stdout.replaceAll(viaHook, "<p>"),
      );
    }
    const fromHook = records(join(viaHook, ".claude", "audit.jsonl")).map(comparable);
    const fromServer = records(join(viaServer, ".claude", "audit.jsonl")).map(comparable);
    expect(JSON.stringify(fromServer).replaceAll(viaServer, "<p>")).toBe(
      JSON.stringify(fromHook).replaceAll(viaHook, "<p>"),
    );
    expect(fromServer).toHaveLength(cases.length);
    const verify = cli(["audit", "verify", join(viaServer, ".claude", "audit.jsonl")], {
      env: { AUTOMODE_CONFIG_DIR: served.config },
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  it("decides the call after a policy edit by the new policy", async () => {
    const project = sampleProject();
    const served = await serve();
    const install = call(project, "Bash", { command: "pip install requests" });
    expect(decisionOf(await hookCall(served, install))).toBe("ask");
    const file = join(project, ".claude", "policy.json");
    const policy = JSON.parse(readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "")) as {
      rules?: unknown[];
    };
    policy.rules = [
      ...(policy.rules ?? []),
      { id: "allow-requests", verdict: "approve", commands: ["pip install requests"] },
    ];
    writeFileSync(file, JSON.stringify(policy, null, 2));
    const after = await hookCall(served, install);
    expect(decisionOf(after)).toBe("allow");
    expect(reasonOf(after)).toMatch(/allow-requests/);
    // And back: an edit that makes the policy invalid denies, never keeps the old one.
    writeFileSync(file, "{ not json");
    expect(decisionOf(await hookCall(served, install))).toBe("deny");
  });

  it("sees a .claudeignore edited or created in a subfolder after it decided", async () => {
    const project = sampleProject();
    const served = await serve();
    mkdirSync(join(project, "notes"));
    writeFileSync(join(project, "notes", "plan.md"), "plan");
    const read = call(project, "Read", { file_path: join(project, "notes", "plan.md") });
    const grep = call(project, "Grep", { pattern: "x", path: join(project, "notes") });
    expect(decisionOf(await hookCall(served, read))).toBe("allow");
    expect(decisionOf(await hookCall(served, grep))).toBe("allow");
    writeFileSync(join(project, "notes", ".claudeignore"), "plan.md\n");
    expect(decisionOf(await hookCall(served, read))).toBe("deny");
    expect(decisionOf(await hookCall(served, grep))).not.toBe("allow");
    // The root ignore file too.
    writeFileSync(join(project, "src", "keep.txt"), "k");
    const keep = call(project, "Read", { file_path: join(project, "src", "keep.txt") });
    expect(decisionOf(await hookCall(served, keep))).toBe("allow");
    writeFileSync(
      join(project, ".claudeignore"),
      `${readFileSync(join(project, ".claudeignore"), "utf8")}\nkeep.txt\n`,
    );
    expect(decisionOf(await hookCall(served, keep))).toBe("deny");
  });

  it("sees a secret created in a folder it already found clean", async () => {
    const project = sampleProject();
    const served = await serve();
    const grep = call(project, "Bash", { command: "grep -r total src" });
    expect(decisionOf(await hookCall(served, grep))).toBe("allow");
    writeFileSync(join(project, "src", ".env"), "TOKEN=x");
    expect(decisionOf(await hookCall(served, grep))).not.toBe("allow");
  });

  it("refuses or denies what it must, and stays up", async () => {
    const project = sampleProject();
    const served = await serve({ args: ["--max-body", "1"] });
    const good = call(project, "Read", { file_path: join(project, "src", "money.ts") });
    const tcp = { port: served.port };
    const denied = async (reply: Awaited<ReturnType<typeof send>>, refused: string) => {
      expect(reply.status).toBe(200);
      expect(decisionOf(reply)).toBe("deny");
      expect(reply.headers["x-automode-refused"]).toBe(refused);
    };
    await denied(await send(tcp, { body: good }), "token");
    await denied(
      await send(tcp, { body: good, headers: { authorization: "Bearer nope" } }),
      "token",
    );
    await denied(
      await send(tcp, { body: good, headers: { authorization: `bearer ${served.token}x` } }),
      "token",
    );
    await denied(await hookCall(served, good, { host: "attacker.example:47283" }), "host");
    await denied(await hookCall(served, good, { host: "127.0.0.1.nip.io" }), "host");
    const huge = JSON.stringify({
      cwd: project,
      hook_event_name: "PreToolUse",
      tool_name: "Write",
      tool_input: { file_path: join(project, "big.txt"), content: "x".repeat(3 * 1048576) },
    });
    await denied(await hookCall(served, huge), "too-large");
    for (const broken of ["", "{", "[]", "null", '{"tool_name":"Read"}', "\u0000\u0001"]) {
      const reply = await hookCall(served, broken);
      expect(reply.status).toBe(200);
      expect(decisionOf(reply), broken).toBe("deny");
    }
    expect((await send(tcp, { method: "GET", path: "/healthz" })).status).toBe(200);
    expect(
      (await send(tcp, { method: "GET", path: "/healthz", headers: { host: "evil.test" } })).status,
    ).toBe(403);
    expect((await send(tcp, { method: "GET", path: "/nope" })).status).toBe(404);
    expect((await send(tcp, { method: "GET" })).status).toBe(405);
    // Still up and deciding.
    expect(decisionOf(await hookCall(served, good))).toBe("allow");
    expect(decisionOf(await hookCall(served, good, {}, "socket"))).toBe("allow");
    // Nothing refused reached the log: only the two good calls (a broken body has no project).
    expect(records(join(project, ".claude", "audit.jsonl"))).toHaveLength(2);
  });

  it("keeps its token and socket where only the user can read them", async () => {
    const served = await serve();
    expect(statSync(join(served.config, "serve-token")).mode & 0o777).toBe(0o600);
    expect(statSync(join(served.config, "serve")).mode & 0o777).toBe(0o700);
    expect(statSync(served.socket).mode & 0o077).toBe(0);
    await served.stop();
    // A token file others can read is refused, not trusted.
    chmodSync(join(served.config, "serve-token"), 0o644);
    await expect(serve({ config: served.config })).rejects.toThrow(/can be read by others/);
  });

  it("engine protects the token file as a credential store", () => {
    const project = sampleProject();
    const home = tempDir();
    const run = cli(["hook", "claude-code"], {
      input: call(project, "Bash", { command: `cat ${home}/.config/automode/serve-token` }),
      cwd: project,
      env: { HOME: home, CLAUDE_PROJECT_DIR: project, AUTOMODE_SOCKET: join(home, "none.sock") },
    });
    expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe("deny");
    expect(run.stdout).toMatch(/credential/);
  });

  it("finishes the calls in flight on SIGTERM and leaves the chain valid", async () => {
    const project = sampleProject();
    const served = await serve();
    const body = call(project, "Bash", { command: "npm test && git status" });
    // 16 clients calling one after another until the server stops taking calls.
    let answered = 0;
    const client = async () => {
      for (;;) {
        let reply: Awaited<ReturnType<typeof hookCall>>;
        try {
          reply = await hookCall(served, body);
        } catch {
          return; // refused: the server had stopped accepting
        }
        if (reply.status !== 200) return;
        // Every call the server took was answered with a decision.
        expect(decisionOf(reply)).toBe("allow");
        answered += 1;
      }
    };
    const clients = Array.from({ length: 16 }, client);
    while (answered < 50) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await served.stop("SIGTERM")).toBe(0);
    await Promise.all(clients);
    const log = join(project, ".claude", "audit.jsonl");
    expect(records(log)).toHaveLength(answered);
    const verify = cli(["audit", "verify", log], { env: { AUTOMODE_CONFIG_DIR: served.config } });
    expect(verify.status, verify.stdout).toBe(0);
  });
});
