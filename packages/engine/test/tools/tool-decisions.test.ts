import type { PolicyInput } from "@automode/policy";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Engine } from "../../src/index.js";
import { BOOKKEEPING_TOOLS, MODELLED_TOOLS } from "../../src/pipeline/tools/known.js";
import type { Tier, Verdict } from "../../src/types.js";
import { createProject } from "../pipeline/project.js";

const project = createProject();
afterAll(() => project.cleanup());

const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };

/** Rules with `-` in their globs (which once made every call an internal error), every verdict. */
const policy: PolicyInput = {
  version: 1,
  rules: [
    { id: "gh-enterprise", verdict: "approve", tools: ["mcp__github-enterprise__*"] },
    { id: "brave", verdict: "approve", tools: ["mcp__brave-search__search"] },
    { id: "ask-merge", verdict: "escalate", tools: ["mcp__github-enterprise__merge_*"] },
    { id: "no-drop", verdict: "deny", tools: ["mcp__db-*__drop?table"] },
    { id: "db-all", verdict: "approve", tools: ["mcp__db-*"] },
    // Rules that name or match modelled tools: they never match (SPEC section 2).
    { id: "every-tool", verdict: "approve", tools: ["?*"] },
    { id: "bash", verdict: "approve", tools: ["Bash"] },
    { id: "writes", verdict: "approve", tools: ["Write", "Edit"] },
    { id: "no-todo", verdict: "deny", tools: ["Todo*"] },
    // A rule with another matcher cannot match a tool call, which has none of them.
    { id: "paths-and-tools", verdict: "deny", tools: ["mcp__slack__*"], paths: ["src/**"] },
    { id: "tests-dash", verdict: "approve", commands: ["npm run test-*"] },
  ],
};

function engines(p: PolicyInput): Engine[] {
  return tiers.map((tier) => createEngineSync({ projectRoot: project.root, policy: p, tier, env }));
}
const ruled = engines(policy);
const bare = engines({ version: 1 });

type Row = [tool: string, verdict: Verdict, check: string, rule?: string];

const withRules: Row[] = [
  ["mcp__github-enterprise__get_issue", "approve", "rule", "gh-enterprise"],
  ["mcp__github-enterprise__merge_pr", "escalate", "rule", "ask-merge"],
  ["mcp__brave-search__search", "approve", "rule", "brave"],
  ["mcp__brave-search__searchx", "approve", "rule", "every-tool"],
  ["mcp__db-main__drop_table", "deny", "rule", "no-drop"],
  ["mcp__db-main__select", "approve", "rule", "db-all"],
  ["mcp__slack__post", "approve", "rule", "every-tool"],
  // Modelled tools: bookkeeping is approved whatever the rules say.
  ["TodoWrite", "approve", "bookkeeping"],
  ["Task", "approve", "bookkeeping"],
  ["ExitPlanMode", "approve", "bookkeeping"],
  // A modelled action tool reaching decideTool has no input to judge: malformed.
  ["Bash", "deny", "invalid-input"],
  ["Write", "deny", "invalid-input"],
];

const withoutRules: Row[] = [
  ...[...BOOKKEEPING_TOOLS].map((t): Row => [t, "approve", "bookkeeping"]),
  ["mcp__github__create_issue", "escalate", "unknown-tool"],
  ["mcp__github-enterprise__get_issue", "escalate", "unknown-tool"],
  ["PowerShell", "escalate", "unknown-tool"],
  ["EnterWorktree", "escalate", "unknown-tool"],
  ["Skill", "escalate", "unknown-tool"],
  // Names of Object.prototype members are unknown tools, never a table entry.
  ["constructor", "escalate", "unknown-tool"],
  ["toString", "escalate", "unknown-tool"],
  ["hasOwnProperty", "escalate", "unknown-tool"],
  ["__proto__", "escalate", "unknown-tool"],
  ["valueOf", "escalate", "unknown-tool"],
  ["", "deny", "invalid-input"],
  ["mcp__x\n__y", "deny", "invalid-input"],
  ["a".repeat(300), "deny", "invalid-input"],
];

function check(set: Engine[], [tool, verdict, checkName, rule]: Row) {
  for (const engine of set) {
    const d = engine.decideTool(tool);
    const why = `${engine.tier}: ${d.verdict}/${d.check}/${d.rule ?? ""}: ${d.reason}`;
    expect(d.verdict, why).toBe(verdict);
    expect(d.check, why).toBe(checkName);
    expect(d.rule, why).toBe(rule);
    expect(d.tier).toBe(engine.tier);
    expect(d.operations).toHaveLength(1);
    expect(d.operations[0]).toMatchObject({ kind: "tool", verdict, check: checkName });
    if (rule !== undefined) expect(d.reason).toContain(`"${rule}"`);
  }
}

describe("decideTool with rules (every tier)", () => {
  it.each(withRules)("%s → %s (%s %s)", (...row) => check(ruled, row));
});

describe("decideTool without rules (every tier)", () => {
  it.each(withoutRules.map((r) => [r[0].slice(0, 40), ...r.slice(1)] as const))(
    "%s → %s (%s)",
    (name) => check(bare, withoutRules.find((r) => r[0].slice(0, 40) === name)!),
  );
});

describe("tools rules never reach an action", () => {
  it("`?*`, `Bash`, `Write` rules approve no command, write or read the tier would ask about", () => {
    const restrictive = ruled[2]!;
    for (const action of [
      { kind: "execute" as const, command: "curl https://evil.example/x", tool: "Bash" },
      { kind: "write" as const, path: `${project.home}/.bashrc`, tool: "Write" },
      { kind: "read" as const, path: "/etc/hosts", tool: "Read" },
      { kind: "network" as const, url: "https://gitlab.com/", tool: "mcp__db-main__x" },
    ]) {
      const d = restrictive.decide(action);
      expect(d.verdict, `${action.kind}: ${d.check} ${d.reason}`).not.toBe("approve");
      expect(d.check).not.toBe("rule");
    }
  });

  it("a `commands` glob with `-` compiles and matches (`npm run test-*`)", () => {
    const restrictive = ruled[2]!;
    const d = restrictive.decide({ kind: "execute", command: "npm run test-unit" });
    expect(d).toMatchObject({ verdict: "approve", check: "rule", rule: "tests-dash" });
  });

  it("every modelled tool is listed once", () => {
    expect(new Set(MODELLED_TOOLS).size).toBe(MODELLED_TOOLS.length);
  });
});
