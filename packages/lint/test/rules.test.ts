import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { rules } from "../src/rules/index.js";
import { copyFixture, gitInit, normalise } from "./helpers.js";

/** Per-fixture setup the file tree cannot carry: git history. */
const setup: Record<string, { bad?: (dir: string) => void; good?: (dir: string) => void }> = {
  "permissive-shared-repo": {
    bad: (dir) => gitInit(dir, ["ada@example.com", "grace@example.com"]),
    good: (dir) => gitInit(dir, ["ada@example.com", "ADA@example.com"]),
  },
};

async function run(id: string, kind: "bad" | "good", folder = "rules") {
  const rule = rules.find((r) => r.meta.id === id)!;
  const dir = copyFixture(folder, id, kind);
  setup[id]?.[kind]?.(dir);
  const results = await lint({ cwd: dir, rules: [rule] });
  const messages = results.flatMap((r) =>
    r.messages.map((m) => ({ file: normalise(r.filePath, dir), ...m })),
  );
  return messages.map((m) => ({ ...m, message: withoutEngineReason(normalise(m.message, dir)) }));
}

/**
 * The engine's reason sentences are the engine's to word; golden outputs keep everything the
 * linter says (verdicts, checks, positions) and check only that a reason is there.
 */
function withoutEngineReason(message: string): string {
  const match = /^(.*(?:\(check: [^)]*\)|\((?:deny|escalate|approve)\)): )(.+)$/.exec(message);
  if (match === null) return message;
  expect(match[2]!.trim().length).toBeGreaterThan(0);
  return `${match[1]}<engine reason>`;
}

describe.each(rules.map((r) => r.meta.id))("%s", (id) => {
  it("reports the bad fixture", async () => {
    const messages = await run(id, "bad");
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.ruleId).toBe(id);
    expect(messages).toMatchSnapshot();
  });

  it("accepts the good fixture", async () => {
    expect(await run(id, "good")).toEqual([]);
  });
});

// The command halves of two rules, decided by the engine's shell analysis.
describe.each(["rule-hard-limit", "policy-tests"])("%s on commands", (id) => {
  it("reports the bad fixture", async () => {
    const messages = await run(id, "bad", "shell");
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).toMatchSnapshot();
  });

  it("accepts the good fixture", async () => {
    expect(await run(id, "good", "shell")).toEqual([]);
  });
});
