import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { publicSuffixOf } from "../src/rules/domain-public-suffix.js";
import { rules } from "../src/rules/index.js";
import { assertBuilt, cli } from "./cli-helpers.js";
import { copyFixture, fixtures } from "./helpers.js";

/**
 * The four rules about what a policy rule reaches, with exact positions: each finding points at
 * the pattern that is wrong (the `tools` or `domains` entry, or the rule's `paths`).
 */
async function findings(id: string) {
  const rule = rules.find((r) => r.meta.id === id)!;
  const dir = copyFixture("rules", id, "bad");
  const results = await lint({ cwd: dir, rules: [rule] });
  return results.flatMap((r) => r.messages);
}

/** The 1-based line and column where `text` starts in the bad fixture's policy. */
function position(id: string, line: number, text: string) {
  const source = readFileSync(join(fixtures, "rules", id, "bad", ".claude", "policy.json"), "utf8");
  const column = source.split("\n")[line - 1]!.indexOf(text) + 1;
  expect(column).toBeGreaterThan(0);
  return { line, column };
}

describe.each([
  [
    "rule-modelled-tool",
    [
      [5, '"Bash"'],
      [6, '"Write"'],
      [6, '"*Edit"'],
      [7, '"Web*"'],
      [8, '"Todo?rite"'],
    ],
  ],
  [
    "rule-tools-mixed",
    [
      [5, '["mcp__fs__*"]'],
      [6, '["mcp__db__*"]'],
    ],
  ],
  [
    "rule-every-tool",
    [
      [5, '"?*"'],
      [6, '"*?"'],
      [7, '"??*"'],
    ],
  ],
  [
    "domain-public-suffix",
    [
      [5, '"*.com"'],
      [6, '"*.CO.UK."'],
      [7, '"*.github.io"'],
      [8, '"*.dev"'],
    ],
  ],
  [
    "rule-self-protected-write",
    [
      [5, '[".claude/**"]'],
      [6, '[".*"]'],
      [7, '[".git/hooks/"]'],
      [8, '["node_modules/"]'],
    ],
  ],
] as const)("%s", (id, expected) => {
  it("reports each wrong pattern at its line and column, as an error", async () => {
    const messages = await findings(id);
    expect(messages.map((m) => ({ line: m.line, column: m.column }))).toEqual(
      expected.map(([line, text]) => position(id, line, text)),
    );
    for (const m of messages) {
      expect(m.ruleId).toBe(id);
      expect(m.severity).toBe(2);
    }
  });
});

describe("publicSuffixOf", () => {
  it.each([
    ["*.com", "com"],
    ["*.CO.UK.", "co.uk"],
    ["*.github.io", "github.io"],
    ["*.xyz", "xyz"],
    ["*.example.com", undefined],
    ["*.internal", undefined],
    ["api.github.com", undefined],
    ["*", undefined],
  ])("%s → %s", (pattern, want) => {
    expect(publicSuffixOf(pattern)).toBe(want);
  });
});

describe("globs with `-` never break the linter", () => {
  it("a commands and a tools rule with `-` lint without an internal failure (exit 0)", () => {
    assertBuilt();
    const dir = copyFixture("rules", "rule-every-tool", "good");
    writeFileSync(
      join(dir, ".claude", "policy.json"),
      JSON.stringify({
        version: 1,
        rules: [
          { id: "tests", verdict: "approve", commands: ["npm run test-*"] },
          { id: "gh", verdict: "approve", tools: ["mcp__github-enterprise__*"] },
          { id: "brave", verdict: "approve", tools: ["mcp__brave-search__search"] },
        ],
        tests: [{ action: { kind: "execute", command: "npm run test-unit" }, expect: "approve" }],
      }),
    );
    const run = cli(["--format", "json"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as Array<{ errorCount: number; messages: unknown[] }>;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r).toMatchObject({ errorCount: 0, messages: [] });
  });
});
