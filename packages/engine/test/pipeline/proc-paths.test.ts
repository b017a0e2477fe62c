import { createScope } from "@automode/scope";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import { createProject } from "./project.js";

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };

describe("paths through /proc and /dev, and file:// URLs, through the engine", () => {
  it("the scope marks standard input, for the shell analysis to treat as a script fed to a shell", () => {
    const scope = createScope({ projectRoot: project.root, env });
    for (const p of ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]) {
      expect(scope.classify(p, project.root).stdin, p).toBe(true);
    }
    expect(scope.classify("/dev/stdout", project.root).stdin).toBeUndefined();
  });

  it("a network action to a file URL reports a read of the path, with its real path", () => {
    const engine = createEngineSync({ projectRoot: project.root, tier: "balanced", env });
    const d = engine.decide({
      kind: "network",
      url: `file://localhost${project.root}/src/%2e%2e/.env`,
    });
    expect(d.verdict).toBe("deny");
    expect(d.operations).toEqual([
      expect.objectContaining({
        kind: "read",
        target: `${project.root}/.env`,
        check: "ignored-path",
      }),
    ]);
  });

  it("an escalation for an unknown target says why", () => {
    const engine = createEngineSync({ projectRoot: project.root, tier: "permissive", env });
    const d = engine.decide({ kind: "read", path: "/proc/1/cwd/notes" });
    expect(d).toMatchObject({ verdict: "escalate", check: "dynamic" });
    expect(d.reason).toContain("process 1");
    const far = engine.decide({ kind: "network", url: "file://server/share/x" });
    expect(far).toMatchObject({ verdict: "escalate", check: "dynamic" });
    expect(far.reason).toContain('host "server"');
  });

  it("a redirect through /dev/fd/.. reaches the file it names, in every tier", () => {
    for (const tier of ["permissive", "balanced", "restrictive"] as const) {
      const engine = createEngineSync({ projectRoot: project.root, tier, env });
      const write = engine.decide({
        kind: "execute",
        command: "echo > /dev/fd/../cwd/.claudeignore",
        cwd: project.root,
      });
      expect(write, tier).toMatchObject({ verdict: "deny", check: "self-protection" });
      expect(write.operations).toContainEqual(
        expect.objectContaining({ kind: "write", target: `${project.root}/.claudeignore` }),
      );
      const read = engine.decide({
        kind: "execute",
        command: "cat < /dev/fd/../cwd/.env",
        cwd: project.root,
      });
      expect(read, tier).toMatchObject({ verdict: "deny", check: "ignored-path" });
    }
  });

  it("cd through /dev/fd/.. moves to the folder the kernel resolves", () => {
    const engine = createEngineSync({ projectRoot: project.root, tier: "balanced", env });
    const d = engine.decide({
      kind: "execute",
      command: "cd /dev/fd/../cwd/src && cat ../config/server.key",
      cwd: project.root,
    });
    expect(d).toMatchObject({ verdict: "deny", check: "ignored-path" });
    expect(d.operations).toContainEqual(
      expect.objectContaining({ kind: "read", target: `${project.root}/config/server.key` }),
    );
  });

  it("a script read from standard input is a script fed into a shell, whatever runs it", () => {
    const engine = createEngineSync({ projectRoot: project.root, tier: "permissive", env });
    for (const command of [
      "bash /dev/stdin",
      "sh /proc/self/fd/0",
      "python3 /dev/stdin",
      "source /dev/stdin",
      "make -f /dev/stdin",
      "node /dev/stdin",
      "bash /dev/fd/0",
    ]) {
      const d = engine.decide({ kind: "execute", command, cwd: project.root });
      expect(d, command).toMatchObject({ verdict: "escalate", check: "dynamic" });
      expect(d.reason, command).toContain("a script fed into a shell");
    }
  });
});
