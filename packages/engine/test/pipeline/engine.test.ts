import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policySchema } from "@automode/policy";
import { createScope } from "@automode/scope";
import { afterAll, describe, expect, it } from "vitest";
import { buildEngine } from "../../src/core.js";
import { createEngine, createEngineSync, PolicyError } from "../../src/engine.js";
import { formatTrace } from "../../src/explain/format.js";
import { createProject } from "./project.js";

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };

describe("createEngine", () => {
  it("reads .claude/policy.json when no policy is given", async () => {
    const engine = await createEngine({ projectRoot: project.root, env });
    expect(engine.tier).toBe("balanced");
    expect(engine.policy.rules).toEqual([]);
    expect(engine.projectRoot).toBe(project.root);
  });

  it("lets tier override the policy's tier", () => {
    const policy = policySchema.parse({ version: 1, tier: "permissive" });
    expect(createEngineSync({ projectRoot: project.root, policy, env }).tier).toBe("permissive");
    expect(
      createEngineSync({ projectRoot: project.root, policy, tier: "restrictive", env }).tier,
    ).toBe("restrictive");
  });

  it("uses the built-in default without a policy file", () => {
    const root = join(project.tmp, "bare");
    mkdirSync(root, { recursive: true });
    const engine = createEngineSync({ projectRoot: root, env });
    expect(engine.tier).toBe("balanced");
    // the default audit log and ignore file are protected even without a policy file
    expect(engine.decide({ kind: "write", path: ".claude/audit.jsonl" }).check).toBe(
      "self-protection",
    );
    expect(engine.decide({ kind: "write", path: ".claude/policy.json" }).check).toBe(
      "self-protection",
    );
  });

  it("refuses an invalid policy file, with its diagnostics", () => {
    const root = join(project.tmp, "broken");
    mkdirSync(join(root, ".claude"), { recursive: true });
    writeFileSync(join(root, ".claude", "policy.json"), '{ "version": 1, "tier": "lax" }');
    expect(() => createEngineSync({ projectRoot: root, env })).toThrow(PolicyError);
    try {
      createEngineSync({ projectRoot: root, env });
    } catch (error) {
      expect((error as PolicyError).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it("refuses a named policy file that does not exist, and a relative root", () => {
    expect(() =>
      createEngineSync({ projectRoot: project.root, policyFile: "nope.json", env }),
    ).toThrow(/cannot read/);
    expect(() => createEngineSync({ projectRoot: "repo", env })).toThrow(PolicyError);
  });

  it("protects a custom ignore file and audit path", () => {
    const policy = policySchema.parse({
      version: 1,
      ignoreFile: "config/app.json",
      audit: { path: "logs/audit.jsonl" },
    });
    const engine = createEngineSync({ projectRoot: project.root, policy, env });
    expect(engine.decide({ kind: "write", path: "config/app.json" }).check).toBe("self-protection");
    expect(engine.decide({ kind: "delete", path: "logs/audit.jsonl" }).check).toBe(
      "self-protection",
    );
  });

  it("protects the extra files it is given (an audit log named on the command line)", () => {
    const policy = policySchema.parse({ version: 1, tier: "permissive" });
    const elsewhere = join(project.tmp, "hook-audit.jsonl");
    const plain = createEngineSync({ projectRoot: project.root, policy, env });
    expect(plain.decide({ kind: "write", path: "var/hook.jsonl" }).verdict).toBe("approve");
    const engine = createEngineSync({
      projectRoot: project.root,
      policy,
      env,
      protectedFiles: ["var/hook.jsonl", elsewhere],
    });
    for (const action of [
      { kind: "write", path: "var/hook.jsonl" },
      { kind: "delete", path: "var/hook.jsonl" },
      { kind: "write", path: elsewhere },
      { kind: "execute", command: `truncate -s 0 ${elsewhere}` },
    ] as const) {
      expect(engine.decide(action), JSON.stringify(action)).toMatchObject({ verdict: "deny" });
    }
    expect(engine.decide({ kind: "write", path: "var/hook.jsonl" }).check).toBe("self-protection");
  });
});

describe("fail closed", () => {
  const scope = createScope({ projectRoot: project.root, env });
  const policy = policySchema.parse({ version: 1 });
  const base = {
    scope,
    policy,
    tier: "permissive" as const,
    home: project.home,
    protectedFiles: [],
  };

  it("turns an exception in the analysis into a deny with check internal-error", () => {
    const engine = buildEngine({
      ...base,
      analyze: () => {
        throw new Error("boom");
      },
    });
    const d = engine.decide({ kind: "execute", command: "ls" });
    expect(d).toMatchObject({ verdict: "deny", check: "internal-error", tier: "permissive" });
    expect(d.reason).toContain("boom");
  });

  it("turns an exception in the scope into a deny", () => {
    const broken = {
      ...scope,
      root: scope.root,
      caseSensitive: true,
      classify: () => {
        throw new Error("disk on fire");
      },
      containsIgnored: scope.containsIgnored,
      matcher: scope.matcher,
    };
    const engine = buildEngine({ ...base, scope: broken, analyze: () => [] });
    // a path the scope cannot resolve is malformed input: deny, never approve
    expect(engine.decide({ kind: "read", path: "README.md" }).verdict).toBe("deny");
  });

  it("escalates a command in which the analysis finds nothing", () => {
    const engine = buildEngine({ ...base, analyze: () => [] });
    expect(engine.decide({ kind: "execute", command: "# nothing" })).toMatchObject({
      verdict: "escalate",
      check: "unparseable",
    });
  });

  it("treats an execute operation of an unknown class as unknown", () => {
    const engine = buildEngine({
      ...base,
      tier: "balanced",
      analyze: (line, cwd) => [
        {
          kind: "execute",
          command: { name: line, args: [], cwd, text: line, wrappers: [] },
          class: "teleport" as "unknown",
          reason: "new",
          hazards: [],
        },
      ],
    });
    expect(engine.decide({ kind: "execute", command: "x" }).verdict).toBe("escalate");
  });
});

describe("decisions and traces", () => {
  const engine = createEngineSync({ projectRoot: project.root, env });

  it("takes check, reason and rule from the first most-severe operation", () => {
    const d = engine.decide({
      kind: "execute",
      command: "ls; rm -rf dist; cat .env; cat ~/.netrc",
    });
    expect(d.verdict).toBe("deny");
    expect(d.check).toBe("ignored-path");
    expect(d.reason).toMatch(/\.env/);
    expect(d.operations.map((o) => o.verdict)).toContain("escalate");
  });

  it("explains every operation and every stage it consulted", () => {
    const trace = engine.explain({
      kind: "execute",
      command: "cd src && rm -rf ../dist; cat ../.env",
    });
    expect(trace.decision).toEqual(
      engine.decide({ kind: "execute", command: "cd src && rm -rf ../dist; cat ../.env" }),
    );
    expect(trace.operations.length).toBe(trace.decision.operations.length);
    for (const op of trace.operations) {
      expect(op.steps.length).toBeGreaterThan(0);
      expect(op.steps.at(-1)?.result).toBe(op.decision.verdict);
    }
    const text = formatTrace(trace);
    expect(text).toContain("DENY by ignored-path");
    expect(text).toContain("destructive");
  });

  it("explains an invalid action", () => {
    const trace = engine.explain({ kind: "read" } as never);
    expect(trace.input.result).toBe("deny");
    expect(formatTrace(trace)).toContain("DENY by invalid-input");
  });
});

describe("read scope (Glob lists, Grep reads everything under)", () => {
  const engine = createEngineSync({ projectRoot: project.root, tier: "permissive", env });
  it.each([
    [".", "recursive", "escalate", "ignored-path"],
    ["src", "recursive", "approve", "tier"],
    [".", "listing", "approve", "tier"],
    [".", "file", "approve", "tier"],
    ["~", "recursive", "escalate", "credentials"],
    ["secrets", "listing", "deny", "ignored-path"],
  ] as const)("%s read as %s → %s (%s)", (path, read, verdict, check) => {
    expect(engine.decide({ kind: "read", path }, { read })).toMatchObject({ verdict, check });
  });

  it("denies an unknown read scope", () => {
    expect(engine.decide({ kind: "read", path: "src" }, { read: "deep" as "file" }).check).toBe(
      "invalid-input",
    );
  });
});

describe("a case-insensitive file system", () => {
  const engine = createEngineSync({
    projectRoot: project.root,
    env: { ...env, caseSensitive: false },
  });
  it.each([
    [{ kind: "read", path: ".ENV" }, "deny", "ignored-path"],
    [{ kind: "write", path: ".ClaudeIgnore" }, "deny", "self-protection"],
    [{ kind: "delete", path: ".CLAUDE", recursive: true }, "deny", "self-protection"],
    [{ kind: "read", path: "~/.SSH/id_rsa" }, "deny", "credentials"],
    [{ kind: "execute", command: "cat SECRETS/api.txt" }, "deny", "ignored-path"],
  ] as const)("%o → %s (%s)", (action, verdict, check) => {
    expect(engine.decide(action)).toMatchObject({ verdict, check });
  });
});
