import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { copyFixture } from "./helpers.js";

it("a too-wide additional folder is reported, and the rules that build an engine still run", async () => {
  const dir = copyFixture("rules", "additional-directory-too-wide", "bad");
  try {
    const file = join(dir, ".claude", "policy.json");
    const policy = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    policy.rules = [{ id: "src", verdict: "approve", operations: ["read"], paths: ["src/**"] }];
    policy.tests = [{ action: { kind: "read", path: ".env" }, expect: "approve" }];
    writeFileSync(file, JSON.stringify(policy, null, 2));
    // All rules: policy-tests and rule-hard-limit build a real engine, which refuses the policy
    // as written; they judge it without the refused entries instead of crashing.
    const results = await lint({ cwd: dir });
    const messages = results.flatMap((r) => r.messages);
    const tooWide = messages.filter((m) => m.ruleId === "additional-directory-too-wide");
    expect(tooWide.map((m) => m.line)).toEqual([6, 7, 8, 9, 10]);
    expect(tooWide.every((m) => m.severity === 2)).toBe(true);
    // The policy test expects approve for .env, which the engine denies: reported, not thrown.
    expect(messages.some((m) => m.ruleId === "policy-tests")).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
