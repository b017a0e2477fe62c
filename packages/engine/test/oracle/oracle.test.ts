import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { traceEvents } from "../../oracle/events.js";
import { type CommandReport, Oracle } from "../../oracle/run.js";
import { isRoot, outsideUid, runTraced, sandboxSupport } from "../../oracle/sandbox.js";
import { parseTrace } from "../../oracle/strace.js";
import { intact, plantCanaries, runSandboxed } from "./canary.js";

const support = sandboxSupport();
if (!support.ok) {
  // Never a silent skip: say why the effects oracle did not run.
  console.warn(`effects oracle tests SKIPPED: ${support.reason}`);
}

/** Set when the canary proved the sandbox holds; the corpus runs only after it. */
let sandboxHolds = false;

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "automode-oracle-test-"));
  chmodSync(dir, 0o755);
  if (isRoot()) chownSync(dir, outsideUid, outsideUid);
  return dir;
}

describe.skipIf(!support.ok)("the sandbox cannot touch the real machine (canary)", () => {
  it("rm -rf /work /root /tmp/oracle-canary-*, a write to /etc and connections change nothing outside", async () => {
    const canaries = await plantCanaries();
    const dir = scratchDir();
    try {
      const line = [
        "rm -rf /work /root /tmp/oracle-canary-* ~",
        "echo x > /etc/oracle-canary",
        "curl -sS --max-time 5 http://127.0.0.1:1; echo curl1=$?",
        `curl -sS --max-time 5 http://127.0.0.1:${canaries.port}; echo curl2=$?`,
        "id -u",
        "grep CapEff /proc/self/status",
      ].join("; ");
      const result = await runSandboxed(line, dir, 120_000);
      expect(result.timedOut).toBe(false);
      expect(intact(canaries)).toEqual([]);
      expect(existsSync("/etc/oracle-canary")).toBe(false);
      expect(existsSync(canaries.tmpDir)).toBe(true);
      expect(canaries.connections()).toBe(0);
      expect(result.stdout).toMatch(/curl1=7\b/);
      expect(result.stdout).toMatch(/curl2=7\b/);
      const uid = result.stdout.split("\n").find((l) => /^\d+$/.test(l));
      expect(uid).toBeDefined();
      expect(uid).not.toBe("0");
      expect(result.stdout).toMatch(/CapEff:\s+0+\n/);
      expect(result.stderr).toMatch(/Read-only file system/);

      // The same through the traced path the oracle uses: the attempts are seen, and fail.
      const traced = await runTraced({
        command: `${line}; echo y > ${canaries.files[1]}`.replace("rm -rf /work ", "rm -rf "),
        cwd: dir,
        home: dir,
        runDir: dir,
        traceDir: join(dir, "..", `${dir.split("/").pop()}-trace`),
        timeoutMs: 30_000,
        outputLimit: 1 << 16,
      });
      rmSync(join(dir, "..", `${dir.split("/").pop()}-trace`), { recursive: true, force: true });
      expect(intact(canaries)).toEqual([]);
      expect(canaries.connections()).toBe(0);
      const parsed = parseTrace(traced.trace);
      const connects = parsed.calls.filter(
        (c) => c.name === "connect" && /AF_INET\b/.test(c.args.join()),
      );
      expect(connects.length).toBeGreaterThanOrEqual(2);
      for (const c of connects) expect(c.errno).toBeDefined();
      const events = traceEvents(parsed, dir);
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "write", path: "/etc/oracle-canary", attempted: "EROFS" }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "network", target: "127.0.0.1:1" }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "network", target: `127.0.0.1:${canaries.port}` }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ kind: "write", path: canaries.files[1], attempted: "EROFS" }),
      );
      sandboxHolds = true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await canaries.cleanup();
    }
  }, 180_000);
});
