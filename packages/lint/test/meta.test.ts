import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../src/rules/index.js";
import { fixtures } from "./helpers.js";

const packageRoot = join(import.meta.dirname, "..");

describe.each(rules.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
  it("lives in src/rules/<id>.ts", () => {
    expect(existsSync(join(packageRoot, "src", "rules", `${id}.ts`))).toBe(true);
  });

  it("has meta with a stable docs URL to its page", () => {
    expect(rule.meta.docs).toBe(
      `https://github.com/automode/automode/blob/main/packages/lint/docs/rules/${id}.md`,
    );
    expect(["warn", "error"]).toContain(rule.meta.severity);
    expect(rule.meta.description.length).toBeGreaterThan(10);
  });

  it("has a doc page with what, why, a bad and a good example", () => {
    const doc = readFileSync(join(packageRoot, "docs", "rules", `${id}.md`), "utf8");
    for (const heading of ["## What it catches", "## Why", "## Bad", "## Good"]) {
      expect(doc).toContain(heading);
    }
    expect(doc).toContain(`# ${id}`);
  });

  it("has a bad and a good fixture", () => {
    expect(readdirSync(join(fixtures, "rules", id)).sort()).toEqual(["bad", "good"]);
  });
});

it("rule ids are unique", () => {
  const ids = rules.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
});
