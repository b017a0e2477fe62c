import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli, sampleProject, tempDir } from "./cli.js";

afterAll(cleanup);

/** One hook call in `project`, as Claude Code makes it. */
function hook(project: string, command: string, env: NodeJS.ProcessEnv = {}) {
  const run = cli(["hook", "claude-code"], {
    input: JSON.stringify({
      session_id: "s",
      cwd: project,
      hook_event_name: "PreToolUse",
      tool_name: "Bash",
      tool_input: { command },
    }),
    cwd: project,
    env: { CLAUDE_PROJECT_DIR: project, ...env },
  });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout).hookSpecificOutput as {
    permissionDecision: string;
    permissionDecisionReason: string;
  };
}

describe("the hook's audit log cannot be turned against the project", () => {
  it("denies, with the reason, when the log is a symlink, and leaves the target untouched", () => {
    const project = sampleProject();
    const target = join(project, "src", "money.ts");
    const before = readFileSync(target, "utf8");
    symlinkSync(target, join(project, ".claude", "audit.jsonl"));
    const answer = hook(project, "ls");
    expect(answer.permissionDecision).toBe("deny");
    expect(answer.permissionDecisionReason).toMatch(/audit log .* is a symbolic link/);
    expect(readFileSync(target, "utf8")).toBe(before);
  });

  it("a planted lock file does not deny the calls after it", () => {
    const project = sampleProject();
    writeFileSync(join(project, ".claude", "audit.jsonl.lock"), "planted by the agent");
    expect(hook(project, "ls").permissionDecision).toBe("allow");
    expect(existsSync(join(project, ".claude", "audit.jsonl.lock"))).toBe(false);
  });
});

describe("automode audit key and verify --key", () => {
  const config = mkdtempSync(join(tempDir(), "config-"));
  const env = { AUTOMODE_CONFIG_DIR: config };

  it("prints the public key, creating the pair once, as one line or PEM", () => {
    const first = cli(["audit", "key"], { env });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^ed25519:[A-Za-z0-9_-]{43}\n$/);
    expect(cli(["audit", "key"], { env }).stdout).toBe(first.stdout);
    expect(cli(["audit", "key", "--pem"], { env }).stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(lstatSync(join(config, "audit-key.pem")).mode & 0o777).toBe(0o600);
  });

  it("verify says internal consistency only without a key, and catches a cut tail with it", () => {
    const project = sampleProject();
    for (let i = 0; i < 6; i++) hook(project, `echo ${i}`, env);
    const log = join(project, ".claude", "audit.jsonl");
    const key = cli(["audit", "key"], { env }).stdout.trim();
    const keyFile = join(project, "teammate.pub");
    writeFileSync(keyFile, `${key}\n`);

    const plain = cli(["audit", "verify", log], { env });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(
      /intact, 6 records, hash chain verified; internal consistency only/,
    );
    expect(JSON.parse(cli(["audit", "verify", log, "--json"], { env }).stdout)).toMatchObject({
      ok: true,
      checked: "internal consistency only",
    });
    const signed = cli(["audit", "verify", log, "--key", key], { env });
    expect(signed.stdout).toMatch(/intact, 6 records.*ends at the head the key last signed/);
    expect(signed.status).toBe(0);

    const lines = readFileSync(log, "utf8").trimEnd().split("\n");
    writeFileSync(log, `${lines.slice(0, 4).join("\n")}\n`);
    expect(cli(["audit", "verify", log], { env }).status).toBe(0);
    const cut = cli(["audit", "verify", log, "--key", keyFile], { env });
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(
      /NOT intact: .*truncated: the key last signed seq 6, but the log ends at seq 4/,
    );
  });

  it("exit 2 on a bad key or a misplaced option", () => {
    const project = sampleProject();
    hook(project, "ls", env);
    const log = join(project, ".claude", "audit.jsonl");
    const bad = cli(["audit", "verify", log, "--key", "ed25519:short"], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(cli(["audit", "verify", log, "--key", join(project, "nope.pub")], { env }).status).toBe(
      2,
    );
    expect(cli(["audit", "summary", log, "--key", "ed25519:x"], { env }).status).toBe(2);
    expect(cli(["audit", "key", log], { env }).status).toBe(2);
  });
});
