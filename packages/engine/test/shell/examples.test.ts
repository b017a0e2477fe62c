import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import { allPrograms } from "../../src/shell/knowledge/index.js";
import type { Tier } from "../../src/types.js";

/**
 * Every model's own examples (item 5 of issue 11), through the real engine in every tier:
 * `approve` examples are approved in permissive and balanced (restrictive escalates every
 * command); `notApprove` examples are never approved in balanced or restrictive.
 */
const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-examples-")));
const root = join(tmp, "repo");
const home = join(tmp, "home");
for (const f of [
  "repo/.claude/policy.json",
  "repo/.claudeignore",
  "repo/README.md",
  "repo/package.json",
  "repo/src/a.ts",
  "repo/src/b.ts",
  "repo/log.txt",
  "repo/names.txt",
  "repo/data.csv",
  "repo/config.yaml",
  "repo/main.c",
  "home/.bashrc",
]) {
  const p = join(tmp, f);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(
    p,
    f.endsWith("policy.json")
      ? '{ "version": 1 }\n'
      : f.endsWith(".claudeignore")
        ? ".env\n"
        : "x\n",
  );
}
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const env = { home, platform: "linux" as const, caseSensitive: true };
const [permissive, balanced, restrictive] = tiers.map((tier) =>
  createEngineSync({ projectRoot: root, policy: { version: 1 }, tier, env }),
);

const decide = (command: string) =>
  [permissive, balanced, restrictive].map((e) => {
    const d = e?.decide({ kind: "execute", command, cwd: root });
    return `${d?.verdict}/${d?.check}: ${d?.reason}`;
  });

const programs = allPrograms();

describe("model examples run through the engine", () => {
  it("every top-level model carries examples or is a plain utility", () => {
    const withExamples = programs.filter(
      (p) => p.examples.approve.length + p.examples.notApprove.length > 0,
    );
    expect(withExamples.length).toBeGreaterThan(40);
  });
  for (const p of programs) {
    for (const line of p.examples.approve) {
      it(`${p.path.join(" ")}: approves ${line}`, () => {
        const [pe, ba, re] = decide(line);
        expect(pe, line).toMatch(/^approve/);
        expect(ba, line).toMatch(/^approve/);
        expect(re, line).not.toMatch(/^approve/);
      });
    }
    for (const line of p.examples.notApprove) {
      it(`${p.path.join(" ")}: does not approve ${line}`, () => {
        const [, ba, re] = decide(line);
        expect(ba, line).not.toMatch(/^approve/);
        expect(re, line).not.toMatch(/^approve/);
      });
    }
  }
});
