import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../src/formatters/github.js";
import { formatJson } from "../src/formatters/json.js";
import { formatSarif, relativeUri } from "../src/formatters/sarif.js";
import { formatStylish } from "../src/formatters/stylish.js";
import { lint } from "../src/lint.js";
import { rules } from "../src/rules/index.js";
import type { LintResult } from "../src/types.js";
import { copyFixture, fixtures, normalise } from "./helpers.js";

const golden = (name: string) => join(import.meta.dirname, "fixtures", "golden", name);

let dir: string;
let results: LintResult[];

beforeAll(async () => {
  dir = copyFixture("formats");
  results = await lint({ cwd: dir });
});

describe("the formats fixture", () => {
  it("has errors and warnings in both files", () => {
    expect(results.map((r) => normalise(r.filePath, dir))).toEqual([
      "<root>/.claude/policy.json",
      "<root>/cfg/claude,ignore:100%",
    ]);
    expect(results.every((r) => r.errorCount > 0 || r.warningCount > 0)).toBe(true);
  });
});

describe("stylish", () => {
  it("groups by file, without colour", async () => {
    const out = formatStylish(results, { cwd: dir, color: false });
    expect(out).not.toContain("\u001b[");
    await expect(normalise(out, dir)).toMatchFileSnapshot(golden("stylish.txt"));
  });

  it("colours only when asked", async () => {
    const out = formatStylish(results, { cwd: dir, color: true });
    expect(out).toContain("\u001b[31merror");
    await expect(normalise(out, dir)).toMatchFileSnapshot(golden("stylish-color.txt"));
  });

  it("prints nothing when there are no problems", () => {
    expect(formatStylish([], { cwd: dir, color: false })).toBe("");
  });
});

describe("json", () => {
  it("is ESLint's result shape", async () => {
    const parsed = JSON.parse(formatJson(results)) as LintResult[];
    for (const result of parsed) {
      expect(Object.keys(result).sort()).toEqual(
        [
          "errorCount",
          "fatalErrorCount",
          "filePath",
          "fixableErrorCount",
          "fixableWarningCount",
          "messages",
          "suppressedMessages",
          "usedDeprecatedRules",
          "warningCount",
        ].sort(),
      );
      for (const m of result.messages) {
        expect(m).toMatchObject({
          ruleId: expect.any(String),
          severity: expect.any(Number),
          message: expect.any(String),
          line: expect.any(Number),
          column: expect.any(Number),
          endLine: expect.any(Number),
          endColumn: expect.any(Number),
        });
        expect([1, 2]).toContain(m.severity);
      }
      expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
      expect(result.warningCount).toBe(result.messages.filter((m) => m.severity === 1).length);
    }
    await expect(normalise(formatJson(results), dir)).toMatchFileSnapshot(golden("json.json"));
  });
});

describe("sarif", () => {
  const schema = JSON.parse(
    readFileSync(join(fixtures, "sarif", "sarif-schema-2.1.0.json"), "utf8"),
  ) as Record<string, unknown>;
  // The official schema as shipped today declares draft 2020-12 (older copies said draft-07).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it("ships the 2020-12 schema", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("validates against the official SARIF 2.1.0 schema", async () => {
    const out = formatSarif(results, { rules, repoRoot: dir, version: "0.0.0-test" });
    const log = JSON.parse(out) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    await expect(normalise(out, dir)).toMatchFileSnapshot(golden("sarif.json"));
  });

  it("rejects what GitHub would reject (the validator is live)", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: {} }] })).toBe(false);
  });

  it("a file outside the repository gets an absolute file: URI", () => {
    expect(relativeUri("/repo", "/elsewhere/policy.json")).toBe("file:///elsewhere/policy.json");
    expect(relativeUri("/repo", "/repo/a b/c.json")).toBe("a%20b/c.json");
  });

  it("an empty run is valid too", () => {
    const log = JSON.parse(formatSarif([], { rules, repoRoot: dir, version: "1.0.0" })) as unknown;
    expect(validate(log)).toBe(true);
  });

  it("lists every rule with descriptions, help and a stable helpUri", () => {
    const log = JSON.parse(formatSarif(results, { rules, repoRoot: dir, version: "1.0.0" })) as {
      runs: Array<{
        tool: { driver: { rules: Array<Record<string, unknown>> } };
        results: Array<{
          ruleId: string;
          level: string;
          message: { text: string };
          locations: Array<{
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }>;
        }>;
      }>;
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule).toMatchObject({
        shortDescription: { text: expect.any(String) },
        fullDescription: { text: expect.any(String) },
        help: { text: expect.any(String) },
        helpUri: `https://github.com/automode/automode/blob/main/packages/lint/docs/rules/${rule.id}.md`,
      });
    }
    const uris = new Set(
      run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri),
    );
    expect([...uris].sort()).toEqual([".claude/policy.json", "cfg/claude%2Cignore%3A100%25"]);
    for (const r of run.results) {
      expect(["error", "warning"]).toContain(r.level);
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(r.locations[0]!.physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("github", () => {
  it("escapes data as @actions/core does: %, CR, LF", () => {
    expect(escapeData("100% a\r\nb:c,d")).toBe("100%25 a%0D%0Ab:c,d");
  });

  it("escapes properties as @actions/core does: also : and ,", () => {
    expect(escapeProperty("a,b:c%\r\n")).toBe("a%2Cb%3Ac%25%0D%0A");
  });

  it("prints one workflow command per problem, paths relative to the repository", async () => {
    const out = formatGithub(results, { repoRoot: dir });
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
    for (const line of lines) {
      expect(line).toMatch(
        /^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$/,
      );
    }
    expect(out).toContain("file=cfg/claude%2Cignore%3A100%25,line=7,col=1");
    await expect(normalise(out, dir)).toMatchFileSnapshot(golden("github.txt"));
  });

  it("escapes a message with a newline into one line", () => {
    const result: LintResult = {
      ...results[0]!,
      filePath: join(dir, "a.json"),
      messages: [{ ...results[0]!.messages[0]!, message: "two\nlines 100%" }],
    };
    expect(formatGithub([result], { repoRoot: dir })).toMatch(/::two%0Alines 100%25 \(/);
  });
});
