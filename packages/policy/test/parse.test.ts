import { describe, expect, it } from "vitest";
import { parsePolicy } from "../src/index.js";

const ok = (text: string) => {
  const result = parsePolicy(text, { file: "policy.json" });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.policy;
};
const problems = (text: string) => {
  const result = parsePolicy(text, { file: "policy.json" });
  expect(result.ok).toBe(false);
  return result.diagnostics;
};

describe("parsePolicy", () => {
  it("accepts comments and trailing commas, and fills in defaults", () => {
    const policy = ok(`{
      // the smallest policy
      "version": 1, /* block comment */
    }`);
    expect(policy).toEqual({
      version: 1,
      tier: "balanced",
      ignoreFile: ".claudeignore",
      additionalDirectories: [],
      audit: { path: ".claude/audit.jsonl", redact: true },
      rules: [],
      tests: [],
    });
  });

  it("accepts the SPEC example", () => {
    const policy = ok(`{
      "$schema": "../node_modules/@automode/policy/policy.schema.json",
      "version": 1,
      "tier": "balanced",
      "ignoreFile": ".claudeignore",
      "additionalDirectories": ["../shared"],
      "audit": { "path": ".claude/audit.jsonl", "redact": true },
      "rules": [
        { "id": "allow-install", "verdict": "approve", "commands": ["npm install", "npm ci"] },
        { "id": "no-migrations", "verdict": "deny", "operations": ["write", "delete"], "paths": ["db/migrations/**"] },
        { "id": "ask-lockfile", "verdict": "escalate", "operations": ["write"], "paths": ["pnpm-lock.yaml"] },
        { "id": "github-api", "verdict": "approve", "domains": ["api.github.com", "*.npmjs.org"] }
      ],
      "tests": [
        { "action": { "kind": "execute", "command": "npm ci" }, "expect": "approve" },
        { "action": { "kind": "read", "path": ".env" }, "expect": "deny" }
      ]
    }`);
    expect(policy.rules).toHaveLength(4);
    expect(policy.tests[1]?.action).toEqual({ kind: "read", path: ".env" });
  });

  it("suggests the closest tier for a typo, at the value's line and column", () => {
    const [d] = problems(`{\n  "version": 1,\n  "tier": "balnced"\n}`);
    expect(d).toMatchObject({
      code: "invalid-value",
      path: ["tier"],
      file: "policy.json",
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 20,
    });
    expect(d?.message).toContain('did you mean "balanced"?');
  });

  it("reports unknown keys at the key, with a suggestion", () => {
    const [d] = problems(`{\n  "version": 1,\n  "additionalDirectory": []\n}`);
    expect(d).toMatchObject({
      code: "unknown-key",
      path: ["additionalDirectory"],
      line: 3,
      column: 3,
    });
    expect(d?.message).toContain('did you mean "additionalDirectories"?');
  });

  it("reports unknown keys inside rules at the key", () => {
    const d = problems(
      `{"version": 1, "rules": [{"id": "x", "verdict": "deny", "path": ["a"]}]}`,
    ).find((p) => p.code === "unknown-key");
    expect(d).toMatchObject({
      code: "unknown-key",
      path: ["rules", 0, "path"],
      line: 1,
      column: 57,
    });
    expect(d?.message).toContain('"paths"');
  });

  it("allows $schema but nothing else unknown", () => {
    expect(ok(`{"$schema": "x", "version": 1}`).$schema).toBe("x");
    expect(problems(`{"$schemas": "x", "version": 1}`)[0]?.code).toBe("unknown-key");
  });

  it("reports a missing required key at the enclosing object", () => {
    const [d] = problems(`{\n  "tier": "balanced"\n}`);
    expect(d).toMatchObject({ code: "missing-key", path: ["version"], line: 1, column: 1 });
    expect(d?.message).toBe('missing required key "version"');
  });

  it("names the type when a literal is written as a string", () => {
    const [d] = problems(`{\n  "version": "1"\n}`);
    expect(d).toMatchObject({ code: "invalid-value", path: ["version"], line: 2, column: 14 });
    expect(d?.message).toBe('version must be the number 1, not the string "1"');
    expect(problems(`{"version": 2}`)[0]?.message).toBe(
      "version must be the number 1, not the number 2",
    );
  });

  it("accepts a UTF-8 byte order mark, counting columns without it", () => {
    expect(ok(`\uFEFF{"version": 1, "tier": "restrictive"}`).tier).toBe("restrictive");
    const [d] = problems(`\uFEFF{"version": 1, "tier": "x"}`);
    expect(d).toMatchObject({ line: 1, column: 24 });
  });

  it("requires a rule to give a matcher", () => {
    const [d] = problems(`{"version": 1, "rules": [\n  {"id": "x", "verdict": "deny"}\n]}`);
    expect(d).toMatchObject({ path: ["rules", 0], line: 2, column: 3 });
    expect(d?.message).toContain("at least one of operations, paths, commands, domains, tools");
  });

  it("reports wrong types with what was found", () => {
    const [d] = problems(
      `{"version": 1, "rules": [{"id": "x", "verdict": "deny", "paths": "db/**"}]}`,
    );
    expect(d?.message).toBe('rules[0].paths must be an array, not string "db/**"');
  });

  it("suggests action kinds in tests", () => {
    const [d] = problems(
      `{"version": 1, "tests": [{"action": {"kind": "raed", "path": "x"}, "expect": "deny"}]}`,
    );
    expect(d?.path).toEqual(["tests", 0, "action", "kind"]);
    expect(d?.message).toContain('did you mean "read"?');
  });

  it("reports a broken comma at its position", () => {
    const diagnostics = problems(`{\n  "version": 1\n  "tier": "balanced"\n}`);
    expect(diagnostics[0]).toMatchObject({ code: "syntax", line: 3, column: 3 });
    expect(diagnostics[0]?.message).toBe("syntax error: comma expected");
  });

  it("rejects duplicate keys, which JSON parsers silently resolve", () => {
    const [d] = problems(`{"version": 1, "tier": "permissive", "tier": "restrictive"}`);
    expect(d).toMatchObject({ code: "duplicate-key", path: ["tier"], column: 38 });
  });

  it("rejects an empty file and a non-object", () => {
    expect(problems("")[0]?.message).toBe("the file is empty");
    expect(problems("[]")[0]?.code).toBe("invalid-type");
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["{", "}", "nul", '{"version":', "\u0000", "{,}", "// only a comment"]) {
      expect(() => parsePolicy(text)).not.toThrow();
      expect(parsePolicy(text).ok).toBe(false);
    }
  });
});

describe("suggestions come from the object's own keys", () => {
  it("suggests action keys inside an action", () => {
    const d = parsePolicy(
      `{"version": 1, "tests": [{"action": {"kind": "execute", "comand": "ls"}, "expect": "approve"}]}`,
    ).diagnostics.find((p) => p.code === "unknown-key");
    expect(d?.message).toContain('did you mean "command"?');
  });

  it("suggests audit keys inside audit", () => {
    const [d] = parsePolicy(`{"version": 1, "audit": {"redcat": true}}`).diagnostics;
    expect(d?.message).toBe('unknown key "redcat" in audit (did you mean "redact"?)');
  });
});
