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

  // These need the shell analysis to stop treating `/dev/fd/…` and `/proc/self/fd/…` as
  // harmless descriptors (src/shell/tables/files.ts isHarmlessPath); src/shell/ is being rewritten
  // by another engineer.
  it.todo(
    "echo > /dev/fd/../cwd/.claudeignore is a self-protection deny (redirect dropped by the shell)",
  );
  it.todo("cat < /dev/fd/../cwd/.env is an ignored-path deny (redirect dropped by the shell)");
});
