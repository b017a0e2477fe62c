import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { rules } from "../src/rules/index.js";
import { copyFixture, gitInit, normalise } from "./helpers.js";
import { shellReady } from "./helpers-engine.js";

const haveShell = await shellReady();

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
  return messages.map((m) => ({ ...m, message: normalise(m.message, dir) }));
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

// The command halves of two rules need the engine's shell analysis (see helpers-engine.ts).
describe.each(["rule-hard-limit", "policy-tests"])("%s on commands", (id) => {
  it.skipIf(!haveShell)("reports the bad fixture", async () => {
    const messages = await run(id, "bad", "shell");
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).toMatchSnapshot();
  });

  it.skipIf(!haveShell)("accepts the good fixture", async () => {
    expect(await run(id, "good", "shell")).toEqual([]);
  });
});
