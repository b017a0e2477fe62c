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
