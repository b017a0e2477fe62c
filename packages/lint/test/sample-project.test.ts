import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCode, lint } from "../src/lint.js";
import { rules } from "../src/rules/index.js";
import { copyFixture, copyTree } from "./helpers.js";

// The "done when": the app's sample project lints clean. It lives in apps/automode.
const sample = join(import.meta.dirname, "..", "..", "..", "apps", "automode", "sample-project");

describe("the sample project in apps/automode", () => {
  it("lints with exit code 0 and no problems", async () => {
    // A copy, so the lint runs away from this repository's git history and audit log.
    const dir = copyTree(sample);
    const results = await lint({ cwd: dir });
    const messages = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    );
    expect(messages).toEqual([]);
    expect(exitCode(results)).toBe(0);
  });
});

describe("every good fixture is clean under all rules", () => {
  it.each(rules.map((r) => r.meta.id))("%s", async (id) => {
    const results = await lint({ cwd: copyFixture("rules", id, "good") });
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
  });
});
