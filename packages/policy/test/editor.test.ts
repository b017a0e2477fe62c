import { existsSync, readFileSync } from "node:fs";
import { parse } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../src/index.js";
import { strictAjv } from "./strict-ajv.js";

// What an editor does: load the exported schema file and validate the user's policy with it.
const schema = JSON.parse(readFileSync(new URL("../policy.schema.json", import.meta.url), "utf8"));
const validate = strictAjv().compile(schema);

const repo = new URL("../../../", import.meta.url);
const readme = readFileSync(new URL("README.md", repo), "utf8");
const readmePolicies = [...readme.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => m[1]!);
const samplePolicy = new URL("apps/automode/sample-project/.claude/policy.json", repo);

describe("the exported schema validates the policies users copy", () => {
  it("finds the README's example policy", () => {
    expect(readmePolicies.length).toBeGreaterThan(0);
  });

  it.each(readmePolicies.map((text, i) => [i, text] as const))("README example %i", (_, text) => {
    const document: unknown = parse(text, [], { allowTrailingComma: true });
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(parsePolicy(text).diagnostics).toEqual([]);
  });

  it("apps/automode's sample project policy", () => {
    expect(existsSync(samplePolicy)).toBe(true);
    const text = readFileSync(samplePolicy, "utf8");
    expect(
      validate(parse(text, [], { allowTrailingComma: true })),
      JSON.stringify(validate.errors),
    ).toBe(true);
    expect(parsePolicy(text).diagnostics).toEqual([]);
  });
});

describe("the exported schema speaks to editors", () => {
  const root = schema as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
  };
  const rule = (root.properties.rules?.items ?? {}) as {
    properties: Record<string, Record<string, unknown>>;
    anyOf?: unknown[];
  };

  it("allows comments and trailing commas, and wants version as the integer 1", () => {
    expect(root.allowComments).toBe(true);
    expect(root.allowTrailingCommas).toBe(true);
    expect(root.properties.version).toMatchObject({ type: "integer", const: 1 });
  });

  it("describes each value of tier, verdict and operations, in the enum's order", () => {
    const enums = {
      tier: root.properties.tier,
      verdict: rule.properties.verdict,
      operations: rule.properties.operations?.items as Record<string, unknown>,
    };
    for (const [name, node] of Object.entries(enums)) {
      const values = node?.enum as string[];
      const markdown = node?.markdownEnumDescriptions as string[];
      expect(values.length, name).toBeGreaterThan(0);
      expect(markdown, name).toHaveLength(values.length);
      expect(node?.enumDescriptions, name).toHaveLength(values.length);
      expect(typeof node?.markdownDescription, name).toBe("string");
    }
    const tiers = root.properties.tier as { enum: string[]; markdownEnumDescriptions: string[] };
    expect(tiers.markdownEnumDescriptions[tiers.enum.indexOf("restrictive")]).toMatch(
      /escalates everything else/,
    );
  });

  it("says a rule needs a matcher as anyOf of required lists", () => {
    expect(rule.anyOf).toEqual(
      ["operations", "paths", "commands", "domains", "tools"].map((key) => ({
        properties: { [key]: true },
        required: [key],
      })),
    );
    expect(validate({ version: 1, rules: [{ id: "x", verdict: "deny" }] })).toBe(false);
  });
});
