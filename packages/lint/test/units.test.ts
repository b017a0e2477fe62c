import type { Rule } from "@automode/policy";
import { describe, expect, it } from "vitest";
import { parseCli } from "../src/args.js";
import { useColor } from "../src/cli.js";
import { painter, shouldColor } from "../src/color.js";
import { ignoreLines } from "../src/ignore-lines.js";
import { exitCode } from "../src/lint.js";
import { literalParents } from "../src/rules/ignore-negation-unreachable.js";
import { covers } from "../src/rules/rule-shadowed.js";
import { everything } from "../src/rules/rule-too-broad.js";
import { sampleCommand, samplePath } from "../src/samples.js";
import type { LintResult } from "../src/types.js";

const result = (errors: number, warnings: number): LintResult => ({
  filePath: "/p",
  messages: [],
  suppressedMessages: [],
  errorCount: errors,
  fatalErrorCount: 0,
  warningCount: warnings,
  fixableErrorCount: 0,
  fixableWarningCount: 0,
  usedDeprecatedRules: [],
});

describe("exitCode (ESLint's)", () => {
  it.each([
    [0, 0, -1, 0],
    [1, 0, -1, 1],
    [0, 5, -1, 0],
    [0, 5, 5, 0],
    [0, 5, 4, 1],
    [0, 1, 0, 1],
  ])("%i errors, %i warnings, max %i → %i", (errors, warnings, max, code) => {
    expect(exitCode([result(errors, warnings)], max)).toBe(code);
  });
});

describe("parseCli", () => {
  it("defaults", () => {
    expect(parseCli([])).toMatchObject({
      files: [],
      format: "stylish",
      maxWarnings: -1,
      quiet: false,
    });
  });

  it("collects files, repeated --rule and --max-warnings", () => {
    expect(
      parseCli(["a.json", "--rule", "x=off", "--rule=y=error", "--max-warnings", "3", "b"]),
    ).toMatchObject({
      files: ["a.json", "b"],
      ruleLevels: { x: "off", y: "error" },
      maxWarnings: 3,
    });
  });

  it.each([
    ["--nope"],
    ["--format", "yaml"],
    ["--rule", "x=fatal"],
    ["--max-warnings", "-2"],
    ["--format"],
  ])("rejects %j in one line", (...args) => {
    expect(() => parseCli(args)).toThrow(/^[^\n]+$/);
  });
});

describe("useColor", () => {
  it("only on a TTY, never with NO_COLOR (an empty NO_COLOR does not count)", () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(true, { NO_COLOR: "" })).toBe(true);
  });
});

describe("shouldColor: flag, then FORCE_COLOR, then NO_COLOR/NODE_DISABLE_COLORS/TERM=dumb, then TTY", () => {
  it.each([
    [{ isTTY: true, env: {} }, true],
    [{ isTTY: false, env: {} }, false],
    [{ isTTY: true, env: { NO_COLOR: "1" } }, false],
    [{ isTTY: true, env: { NO_COLOR: "" } }, true],
    [{ isTTY: true, env: { NODE_DISABLE_COLORS: "1" } }, false],
    [{ isTTY: true, env: { TERM: "dumb" } }, false],
    [{ isTTY: false, env: { FORCE_COLOR: "1" } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: "" } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: "3" } }, true],
    [{ isTTY: true, env: { FORCE_COLOR: "0" } }, false],
    [{ isTTY: true, env: { FORCE_COLOR: "false" } }, false],
    [{ isTTY: false, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: "1", TERM: "dumb" } }, true],
    [{ isTTY: false, env: {}, flag: true }, true],
    [{ isTTY: false, env: { NO_COLOR: "1" }, flag: true }, true],
    [{ isTTY: true, env: { FORCE_COLOR: "1" }, flag: false }, false],
  ] as const)("%j: %s", (settings, expected) => {
    expect(shouldColor(settings)).toBe(expected);
  });

  it("paints through util.styleText only when enabled", () => {
    expect(painter(false)("red", "x")).toBe("x");
    expect(painter(true)("red", "x")).toBe("\u001b[31mx\u001b[39m");
    expect(painter(true)(["bold", "yellow"], "x")).toBe("\u001b[1m\u001b[33mx\u001b[39m\u001b[22m");
  });
});

describe("ignoreLines", () => {
  it("reads patterns as git does", () => {
    const lines = ignoreLines("# c\n\n.env  \nname\\ \na\\  \r\nb\\\\");
    expect(lines.map((l) => l.pattern)).toEqual([
      undefined,
      undefined,
      ".env",
      "name\\ ",
      "a\\ ",
      "b\\\\",
    ]);
  });
});

describe("literalParents", () => {
  it.each([
    ["secrets/public.txt", ["secrets"]],
    ["/a/b/c.txt", ["a", "a/b"]],
    ["a/*/c", ["a"]],
    ["*.txt", []],
    ["dir/", []],
  ])("%s → %j", (pattern, parents) => {
    expect(literalParents(pattern)).toEqual(parents);
  });
});

describe("samples", () => {
  it("instantiates path patterns", () => {
    expect(samplePath("db/migrations/**")).toBe("db/migrations/automode-sample");
    expect(samplePath("/*.pem")).toBe("automode-sample.pem");
    expect(samplePath("secrets/")).toBe("secrets/automode-sample");
  });

  it("instantiates command patterns", () => {
    expect(sampleCommand("npm run test*")).toBe("npm run test");
    expect(sampleCommand("npx vitest *")).toBe("npx vitest x");
  });
});

/** A rule from a table row; the rows are readonly literals, so the fields arrive as `object`. */
const rule = (verdict: Rule["verdict"], fields: object): Rule =>
  ({ id: "r", verdict, ...fields }) as Rule;

describe("rule-shadowed coverage (no paths: no scope needed)", () => {
  it.each([
    [{ commands: ["git push"] }, { commands: ["git push origin main"] }, true],
    [{ commands: ["git * main"] }, { commands: ["git push main"] }, true],
    [{ commands: ["git push origin main"] }, { commands: ["git push"] }, false],
    [{ domains: ["*.example.com"] }, { domains: ["api.example.com"] }, true],
    [{ domains: ["*.example.com"] }, { domains: ["example.com"] }, false],
    [{ domains: ["API.example.com."] }, { domains: ["api.example.com"] }, true],
    [{ tools: ["mcp__github__*"] }, { tools: ["mcp__github__create_issue"] }, true],
    [{ tools: ["mcp__github__*"] }, { tools: ["mcp__gitlab__x"] }, false],
    [{ operations: ["write"] }, { operations: ["write"], commands: ["x"] }, true],
    [{ operations: ["write"] }, { commands: ["x"] }, false],
    [{ commands: ["x"] }, { operations: ["execute"] }, false],
  ] as const)("%j covers %j: %s", (b, a, expected) => {
    expect(covers(rule("deny", b), rule("approve", a), undefined)).toBe(expected);
  });
});

describe("rule-too-broad (no paths: no scope needed)", () => {
  it.each([
    [{ commands: ["*"] }, "every command"],
    [{ commands: ["* install"] }, "every command"],
    [{ commands: ["npm *"] }, undefined],
    [{ domains: ["*"] }, "every domain"],
    [{ domains: ["*.com"] }, undefined],
    [{ tools: ["*"] }, "every tool"],
    [{ operations: ["execute", "network"] }, "every command, every network request"],
    [{ tools: ["*"], commands: ["npm test"] }, undefined],
  ] as const)("%j → %s", (fields, what) => {
    expect(everything(rule("approve", fields), undefined)).toBe(what);
  });
});
