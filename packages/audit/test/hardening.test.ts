import { spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  AuditError,
  appendDecision,
  cutMarker,
  fieldLimits,
  recordFromDecision,
  sha256,
  verifyLog,
} from "../src/index.js";
import { sampleEntry } from "./helpers/records.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with `.claude/`, a source file, and a file outside it. */
function project(): { root: string; log: string; source: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), "audit-harden-"));
  made.push(base);
  const root = join(base, "repo");
  mkdirSync(join(root, ".claude"), { recursive: true });
  mkdirSync(join(root, "src"));
  const source = join(root, "src", "a.ts");
  writeFileSync(source, "export const a = 1;\n");
  const outside = join(base, "outside.txt");
  writeFileSync(outside, "not yours\n");
  return { root, log: join(root, ".claude", "audit.jsonl"), source, outside };
}

const quick = { lock: { staleMs: 60_000, timeoutMs: 2000 } };

async function refused(log: string): Promise<AuditError> {
  const err = await appendDecision(log, sampleEntry(0), quick).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuditError);
  return err as AuditError;
}

describe("no link is followed at the log", () => {
  it("refuses a log that is a symlink to a file outside the project; the target is untouched", async () => {
    const p = project();
    symlinkSync(p.outside, p.log);
    const err = await refused(p.log);
    expect(err.code).toBe("unsafe-path");
    expect(err.message).toMatch(/is a symbolic link; automode never writes through one/);
    expect(readFileSync(p.outside, "utf8")).toBe("not yours\n");
    expect(lstatSync(p.log).isSymbolicLink()).toBe(true);
  });

  it("refuses a log that is a symlink to a project file; the file is untouched", async () => {
    const p = project();
    symlinkSync(p.source, p.log);
    expect((await refused(p.log)).code).toBe("unsafe-path");
    expect(readFileSync(p.source, "utf8")).toBe("export const a = 1;\n");
  });

  it("refuses a dangling symlink without creating its target", async () => {
    const p = project();
    const target = join(p.root, "created-by-link.txt");
    symlinkSync(target, p.log);
    expect((await refused(p.log)).code).toBe("unsafe-path");
    expect(existsSync(target)).toBe(false);
  });

  it("refuses a log with a second name (hard link to a project file)", async () => {
    const p = project();
    linkSync(p.source, p.log);
    const err = await refused(p.log);
    expect(err.message).toMatch(/has 2 names \(hard links\)/);
    expect(readFileSync(p.source, "utf8")).toBe("export const a = 1;\n");
  });

  it("refuses a log whose folder is a symlink, writing nothing where it points", async () => {
    const p = project();
    const elsewhere = join(p.root, "..", "elsewhere");
    mkdirSync(elsewhere);
    rmSync(join(p.root, ".claude"), { recursive: true });
    symlinkSync(elsewhere, join(p.root, ".claude"));
    const err = await refused(p.log);
    expect(err.message).toMatch(/folder .* is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("refuses a log that is not a regular file (a folder there)", async () => {
    const p = project();
    mkdirSync(p.log);
    expect((await refused(p.log)).code).not.toBe("invalid-entry");
  });
});

describe("the lock", () => {
  it("refuses a symlinked lock with a clear error, leaving the link and its target alone", async () => {
    const p = project();
    symlinkSync(p.outside, `${p.log}.lock`);
    const err = await refused(p.log);
    expect(err.code).toBe("unsafe-path");
    expect(err.message).toMatch(/audit lock .* is a symbolic link/);
    expect(readFileSync(p.outside, "utf8")).toBe("not yours\n");
    expect(lstatSync(`${p.log}.lock`).isSymbolicLink()).toBe(true);
    expect(existsSync(p.log)).toBe(false);
  });

  it.each([
    ["garbage", "\u0000\u0001 not a lock at all"],
    ["an empty file", ""],
    ["JSON of another shape", '{"owner":"agent"}'],
    ["a pid of 0 (a process group to kill)", JSON.stringify({ pid: 0, host: hostname() })],
  ])(
    "takes over a planted lock file holding %s at once, not after the stale time",
    async (_what, content) => {
      const p = project();
      writeFileSync(`${p.log}.lock`, content);
      const { record } = await appendDecision(p.log, sampleEntry(0), quick);
      expect(record.seq).toBe(1);
      expect(existsSync(`${p.log}.lock`)).toBe(false);
      expect((await verifyLog(p.log)).ok).toBe(true);
    },
  );

  it("takes over a lock whose process is gone (a real pid that exited)", async () => {
    const p = project();
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const dead = Number(child.stdout);
    expect(Number.isSafeInteger(dead) && dead > 0).toBe(true);
    writeFileSync(`${p.log}.lock`, JSON.stringify({ pid: dead, host: hostname() }));
    const { record } = await appendDecision(p.log, sampleEntry(0), quick);
    expect(record.seq).toBe(1);
    expect(existsSync(`${p.log}.lock`)).toBe(false);
  });

  it("takes over a lock folder (an older automode's, or planted), and an old lock of a live pid", async () => {
    const p = project();
    mkdirSync(`${p.log}.lock`);
    await appendDecision(p.log, sampleEntry(0), quick);
    writeFileSync(`${p.log}.lock`, JSON.stringify({ pid: process.ppid, host: hostname() }));
    const { utimesSync } = await import("node:fs");
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${p.log}.lock`, old, old);
    const { record } = await appendDecision(p.log, sampleEntry(1), quick);
    expect(record.seq).toBe(2);
    expect(readdirSync(join(p.root, ".claude")).sort()).toEqual(["audit.jsonl"]);
  });
});

describe("field caps", () => {
  it("a 9 MiB command makes a short line that verifies, with the full value's size and hash", async () => {
    const p = project();
    const secret = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    const command = `curl -H 'Authorization: token ${secret}' -d '${"x".repeat(9 * 1024 * 1024)}' https://api.x`;
    const entry = recordFromDecision(
      { kind: "execute", command },
      {
        verdict: "escalate",
        reason: "command over 10,000 characters",
        check: "unparseable",
        tier: "balanced",
      },
      { session: "s", tool: "Bash", cwd: p.root, policy: null, us: 5 },
    );
    await appendDecision(p.log, sampleEntry(0), quick);
    const { record } = await appendDecision(p.log, entry, quick);
    await appendDecision(p.log, sampleEntry(2), quick);
    const text = readFileSync(p.log, "utf8");
    expect(text.length).toBeLessThan(100 * 1024);
    expect(text).not.toContain(secret.slice(4));
    expect(record.action).toMatchObject({ kind: "execute" });
    const kept = (record.action as { command: string }).command;
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(fieldLimits["action.command"]);
    expect(kept.endsWith(cutMarker)).toBe(true);
    expect(kept).toContain("Authorization: token [REDACTED]");
    expect(record.cut).toEqual({
      "action.command": { bytes: Buffer.byteLength(command), sha256: sha256(command) },
      target: { bytes: Buffer.byteLength(command), sha256: sha256(command) },
    });
    const verified = await verifyLog(p.log);
    expect(verified, JSON.stringify(verified.firstBad)).toMatchObject({ ok: true, records: 3 });
  });

  it("cuts multi-byte text at a character boundary and caps every field", async () => {
    const p = project();
    const entry = {
      ...sampleEntry(0),
      reason: "é".repeat(5000),
      session: "s".repeat(1000),
      tool: "mcp__".repeat(100),
      check: "c".repeat(300),
      rule: "r".repeat(300),
      cwd: `/${"d".repeat(5000)}`,
    };
    const { record } = await appendDecision(p.log, entry, quick);
    expect(record.reason.endsWith(cutMarker)).toBe(true);
    expect(record.reason.includes("\uFFFD")).toBe(false);
    expect(Object.keys(record.cut ?? {}).sort()).toEqual(
      ["check", "cwd", "reason", "rule", "session", "tool"].sort(),
    );
    for (const [field, value] of Object.entries({
      reason: record.reason,
      session: record.session,
      tool: record.tool,
      check: record.check,
      rule: record.rule,
      cwd: record.cwd,
    })) {
      expect(Buffer.byteLength(value ?? "")).toBeLessThanOrEqual(
        fieldLimits[field as keyof typeof fieldLimits],
      );
    }
    expect((await verifyLog(p.log)).ok).toBe(true);
  });
});
