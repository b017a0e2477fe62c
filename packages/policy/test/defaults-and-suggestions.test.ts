import { describe, expect, it } from "vitest";
import { defaultPolicy, parsePolicy } from "../src/index.js";
import { closest } from "../src/suggest.js";

describe("defaultPolicy", () => {
  it("is SPEC section 2's built-in policy, a fresh object each call", () => {
    const policy = defaultPolicy();
    expect(policy).toMatchObject({
      version: 1,
      tier: "balanced",
      ignoreFile: ".claudeignore",
      additionalDirectories: [],
      audit: { path: ".claude/audit.jsonl", redact: true },
      rules: [],
      tests: [],
    });
    policy.rules.push({ id: "x", verdict: "deny", paths: ["a"] });
    expect(defaultPolicy().rules).toEqual([]);
  });
});

describe("a rule's matcher", () => {
  const rule = (fields: object) =>
    parsePolicy(JSON.stringify({ version: 1, rules: [{ id: "r", verdict: "deny", ...fields }] }));

  it("any one matcher is enough", () => {
    for (const fields of [
      { operations: ["read"] },
      { paths: ["a"] },
      { commands: ["rm"] },
      { domains: ["example.com"] },
      { tools: ["mcp__*"] },
    ]) {
      expect(rule(fields).ok, JSON.stringify(fields)).toBe(true);
    }
  });

  it("a rule without one is refused, at the rule, naming the matchers", () => {
    expect(rule({ description: "nothing" }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "invalid",
        "rules[0]: a rule must give at least one of operations, paths, commands, domains, tools",
      ],
    ]);
  });

  it("a misspelt matcher is suggested from the rule's keys", () => {
    const found = rule({ path: ["a"] }).diagnostics.find((d) => d.code === "unknown-key");
    expect(found?.message).toBe('unknown key "path" in rules[0] (did you mean "paths"?)');
  });
});

describe("positions", () => {
  it("a diagnostic at the start of a line is at column 1 of that line", () => {
    const result = parsePolicy('{"version": 1,\n"x": 1,\n  "y": 2}');
    expect(result.diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn])).toEqual([
      [2, 1, 2, 4],
      [3, 3, 3, 6],
    ]);
  });
});

describe("closest", () => {
  it("suggests within a third of the candidate's length, at least 2 edits", () => {
    expect(closest("balancd", ["permissive", "balanced"])).toBe("balanced");
    expect(closest("permisivexx", ["permissive"])).toBe("permissive");
    expect(closest("permissivexxxx", ["permissive"])).toBeUndefined();
    expect(closest("ab", ["xyz"])).toBeUndefined();
    expect(closest("abcd", ["wxyz"])).toBeUndefined();
  });

  it("ignores case, keeps the first of equally close candidates, and needs a candidate", () => {
    expect(closest("TIER", ["tier"])).toBe("tier");
    expect(closest("ab", ["ac", "ad"])).toBe("ac");
    expect(closest("x", [])).toBeUndefined();
  });
});
