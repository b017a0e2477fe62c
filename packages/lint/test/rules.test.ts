import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { rules } from "../src/rules/index.js";
import { copyFixture, engineReady, gitInit, normalise } from "./helpers.js";

/** Rules that need `createEngine` from `@automode/engine`; pending until it exists. */
const needsEngine = new Set(["policy-tests", "rule-hard-limit"]);
const haveEngine = await engineReady();

/** Per-fixture setup the file tree cannot carry: git history. */
const setup: Record<string, { bad?: (dir: string) => void; good?: (dir: string) => void }> = {
  "permissive-shared-repo": {
    bad: (dir) => gitInit(dir, ["ada@example.com", "grace@example.com"]),
    good: (dir) => gitInit(dir, ["ada@example.com", "ADA@example.com"]),
  },
};

async function run(id: string, kind: "bad" | "good") {
  const rule = rules.find((r) => r.meta.id === id)!;
  const dir = copyFixture("rules", id, kind);
  setup[id]?.[kind]?.(dir);
  const results = await lint({ cwd: dir, rules: [rule] });
  const messages = results.flatMap((r) =>
    r.messages.map((m) => ({ file: normalise(r.filePath, dir), ...m })),
  );
  return messages.map((m) => ({ ...m, message: normalise(m.message, dir) }));
}

describe.each(rules.map((r) => r.meta.id))("%s", (id) => {
  const pending = needsEngine.has(id) && !haveEngine;

  it.skipIf(pending)("reports the bad fixture", async () => {
    const messages = await run(id, "bad");
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.ruleId).toBe(id);
    expect(messages).toMatchSnapshot();
  });

  it.skipIf(pending)("accepts the good fixture", async () => {
    expect(await run(id, "good")).toEqual([]);
  });
});
