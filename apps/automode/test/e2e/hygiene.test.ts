import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AuditWriter, recordFromDecision } from "@automode/audit";
import { afterAll, describe, expect, it } from "vitest";
import { appRoot, bin, cleanup, cli, sampleProject, tempDir } from "./cli.js";

afterAll(cleanup);

interface Piped {
  status: number | null;
  head: string;
  stderr: string;
}

/**
 * `automode <args> | <reader>` in a real shell: the reader's output, and automode's own exit
 * status and stderr (PIPESTATUS), which a plain pipeline would hide behind the reader's.
 */
function piped(
  args: string[],
  reader: string,
  options: { input?: string; env?: object } = {},
): Piped {
  const dir = tempDir();
  const input = join(dir, "stdin");
  const stderr = join(dir, "stderr");
  writeFileSync(input, options.input ?? "");
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const script = `"$NODE" "$BIN" ${quoted} < "$IN" 2> "$ERR" | ${reader}; exit \${PIPESTATUS[0]}`;
  const run = spawnSync("/bin/bash", ["-c", script], {
    cwd: appRoot,
    env: {
      ...process.env,
      CLAUDE_PROJECT_DIR: "",
      NO_COLOR: "1",
      ...options.env,
      NODE: process.execPath,
      BIN: bin,
      IN: input,
      ERR: stderr,
    },
    encoding: "utf8",
  });
  return { status: run.status, head: run.stdout, stderr: readFileSync(stderr, "utf8") };
}

const quiet = (result: Piped) => {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
};

describe("a closed pipe ends the command quietly, exit 0", () => {
  it("decide | head -1 (a megabyte of answers, far past the pipe's buffer)", () => {
    const project = sampleProject();
    const input = `${JSON.stringify({ kind: "read", path: "src/money.ts" })}\n`.repeat(3000);
    const result = piped(["decide", "--cwd", project], "head -1", { input });
    quiet(result);
    expect(JSON.parse(result.head)).toMatchObject({ verdict: "approve" });
  });

  it("replay --json | head -1", () => {
    const dir = tempDir();
    const transcript = join(dir, "session.jsonl");
    const calls = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({
        type: "assistant",
        cwd: dir,
        sessionId: "s",
        uuid: `u${i}`,
        timestamp: "2026-11-20T10:00:00.000Z",
        message: {
          id: `m${i}`,
          role: "assistant",
          content: [
            {
              type: "tool_use",
              id: `t${i}`,
              name: "Read",
              input: { file_path: `${dir}/f${i}.ts` },
            },
          ],
        },
      }),
    );
    writeFileSync(transcript, `${calls.join("\n")}\n`);
    const result = piped(["replay", transcript, "--json"], "head -1");
    quiet(result);
    expect(JSON.parse(result.head)).toMatchObject({ tool: "Read" });
  });

  it("audit report | head -1", async () => {
    const dir = tempDir();
    const log = join(dir, "audit.jsonl");
    const writer = new AuditWriter(log);
    await Promise.all(
      Array.from({ length: 1500 }, (_, i) =>
        writer.append(
          recordFromDecision(
            { kind: "read", path: `${dir}/secrets/key-${i}.pem`, tool: "Read" },
            {
              verdict: "deny",
              reason: "the path is ignored by .claudeignore",
              check: "ignored-path",
              tier: "balanced",
            },
            { policy: null, us: 1 },
          ),
        ),
      ),
    );
    await writer.close();
    const result = piped(["audit", "report", log], "head -1");
    quiet(result);
    expect(result.head).toMatch(/intact, 1500 records/);
  });

  it("demo | head -1, and demo into a reader that is already gone; no project copy is left", () => {
    for (const reader of ["head -1", "head -c 0"]) {
      const tmp = tempDir();
      const result = piped(["demo"], reader, { env: { TMPDIR: tmp } });
      quiet(result);
      if (reader === "head -1") expect(result.head).toMatch(/^automode demo: 45 tool calls/);
      expect(readdirSync(tmp).filter((name) => name.startsWith("automode-demo-project-"))).toEqual(
        [],
      );
    }
  });
});

/** Resolves when the child has exited. */
const exited = (child: ChildProcess) =>
  new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (status, signal) => resolve({ status, signal })),
  );

describe("the demo's project copy", () => {
  it("is removed on Ctrl-C in the middle of a run", async () => {
    // Freeze the demo (SIGSTOP) once its copy exists, so the interrupt lands mid-run however
    // fast or loaded the machine is; a run that finished before the freeze is tried again.
    for (let attempt = 0; attempt < 20; attempt++) {
      const tmp = tempDir();
      const child = spawn(process.execPath, [bin, "demo"], {
        cwd: appRoot,
        env: { ...process.env, TMPDIR: tmp, CLAUDE_PROJECT_DIR: "" },
        stdio: "ignore",
      });
      // A signal sent just after the demo ended cannot be delivered; that is not a failure.
      child.on("error", () => undefined);
      const done = exited(child);
      const copy = () => {
        const name = readdirSync(tmp).find((n) => n.startsWith("automode-demo-project-"));
        return name === undefined ? undefined : join(tmp, name);
      };
      let frozen: string | undefined;
      let finished = false;
      void done.then(() => {
        finished = true;
      });
      while (!finished) {
        const dir = copy();
        if (dir !== undefined && existsSync(join(dir, "invoice-kit", ".env"))) {
          child.kill("SIGSTOP");
          if (existsSync(dir)) frozen = dir;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (frozen === undefined) {
        child.kill("SIGCONT");
        await done;
        continue;
      }
      child.kill("SIGINT");
      child.kill("SIGCONT");
      const end = await done;
      expect(existsSync(frozen)).toBe(false);
      expect(end.status === 130 || end.signal === "SIGINT").toBe(true);
      return;
    }
    throw new Error("the demo finished before it could be interrupted, 20 times");
  });
});

describe("messages a person reads once", () => {
  it("decide names the missing field of an action in one line", () => {
    const project = sampleProject();
    const input = [
      { kind: "read" },
      { kind: "fly", path: "x" },
      { path: "x" },
      { kind: "read", path: 3 },
      { kind: "read", path: "x", mode: "r" },
      [1],
    ]
      .map((v) => JSON.stringify(v))
      .join("\n");
    const run = cli(["decide"], { input, cwd: project });
    expect(run.status).toBe(0);
    const reasons = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { check: string; reason: string })
      .map((d) => `${d.check}: ${d.reason}`);
    expect(reasons).toEqual([
      'invalid-input: the line is not an action: missing field "path" (a string) for kind "read"',
      'invalid-input: the line is not an action: field "kind" must be one of read, write, delete, execute, network, not "fly"',
      'invalid-input: the line is not an action: missing field "kind" (one of read, write, delete, execute, network)',
      'invalid-input: the line is not an action: field "path" must be a string, not a number',
      'invalid-input: the line is not an action: unknown field "mode" for kind "read"',
      "invalid-input: the line is not an action: a JSON object is expected, not an array",
    ]);
  });

  it("a policy and an ignore file saved with a byte order mark are read as written", () => {
    const project = sampleProject();
    const policy = join(project, ".claude", "policy.json");
    writeFileSync(
      policy,
      `\uFEFF${readFileSync(policy, "utf8").replace('"tier": "balanced"', '"tier": "restrictive"')}`,
    );
    writeFileSync(join(project, ".claudeignore"), "\uFEFFnotes.txt\n");
    mkdirSync(join(project, "docs"), { recursive: true });
    const input = [
      { kind: "read", path: "notes.txt" },
      { kind: "read", path: "src/money.ts" },
    ]
      .map((v) => JSON.stringify(v))
      .join("\n");
    const run = cli(["decide"], { input, cwd: project });
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { verdict: string; check: string; tier: string });
    expect(out.map((d) => [d.verdict, d.check, d.tier])).toEqual([
      ["deny", "ignored-path", "restrictive"],
      ["approve", "tier", "restrictive"],
    ]);
  });
});
