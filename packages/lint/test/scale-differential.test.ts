import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generatedProject } from "../bench/generate-policy.js";
import { lint } from "../src/lint.js";
import type { RuleModule } from "../src/rule.js";
import { rules } from "../src/rules/index.js";
import { copyTree, fixtures } from "./helpers.js";
import { ruleHardLimit as pairwiseHardLimit } from "./reference/rule-hard-limit.js";
import { ruleShadowed as pairwiseShadowed } from "./reference/rule-shadowed.js";

// The indexed rule-shadowed and the two-engine rule-hard-limit must say exactly what the
// quadratic versions they replaced said (kept in test/reference as the oracle), on every
// fixture, on generated policies of several sizes, and on random policies.

const byId = (id: string) => rules.find((r) => r.meta.id === id) as RuleModule;
const indexed: RuleModule[] = [byId("rule-shadowed"), byId("rule-hard-limit")];
const pairwise: RuleModule[] = [pairwiseShadowed, pairwiseHardLimit];
const withOracle = rules.map((r) =>
  r.meta.id === "rule-shadowed"
    ? pairwiseShadowed
    : r.meta.id === "rule-hard-limit"
      ? pairwiseHardLimit
      : r,
);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function both(
  cwd: string,
  files: string[],
  mine: readonly RuleModule[] = indexed,
  theirs: readonly RuleModule[] = pairwise,
) {
  const [now, before] = await Promise.all([
    lint({ cwd, files, rules: mine }),
    lint({ cwd, files, rules: theirs }),
  ]);
  return { now, before };
}

const fixtureProjects = ["rules", "shell"].flatMap((group) =>
  readdirSync(join(fixtures, group)).flatMap((id) =>
    ["bad", "good"].map((kind) => join(fixtures, group, id, kind)),
  ),
);

describe("indexed rules say what the pairwise ones said", () => {
  it.each(fixtureProjects.map((p) => [p.slice(fixtures.length + 1)]))("fixture %s", async (p) => {
    const dir = copyTree(join(fixtures, p));
    made.push(dir);
    const { now, before } = await both(dir, []);
    expect(now).toEqual(before);
  });

  it.each([0, 1, 2, 12, 50, 240, 700])("generated policy of %i rules, every rule", async (n) => {
    const dir = generatedProject(n);
    made.push(dir);
    const { now, before } = await both(dir, [], rules, withOracle);
    expect(now).toEqual(before);
    if (n >= 700) {
      // The generator's shadowed pairs and planted problems are found.
      const ids = now.flatMap((r) => r.messages.map((m) => m.ruleId));
      expect(ids.filter((id) => id === "rule-shadowed").length).toBeGreaterThan(100);
      expect(ids).toContain("rule-hard-limit");
    }
  });
});

// Small alphabets, so random rules overlap often: same first words, nested folders,
// symlinked spellings, case variants, wildcards, negations, escapes.
const segment = fc.constantFrom(
  "src",
  "SRC",
  "lib",
  "link",
  "a",
  "b",
  "*",
  "**",
  "x?",
  "[ab]",
  ".",
  "..",
  "é",
);
const pathPattern = fc
  .tuple(
    fc.constantFrom("", "/", "!", "\\"),
    fc.array(segment, { minLength: 1, maxLength: 4 }),
    fc.constantFrom("", "/"),
  )
  .map(([head, segments, tail]) => `${head}${segments.join("/")}${tail}`);
const word = fc.constantFrom(
  "git",
  "npm",
  "*",
  "push",
  "run",
  "x*",
  "rm",
  "-rf",
  "sudo",
  "origin",
  "build",
);
const commandPattern = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const domainPattern = fc
  .tuple(
    fc.constantFrom("", "*.", "API."),
    fc.array(fc.constantFrom("api", "example", "com", "net", "*"), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("", "."),
  )
  .map(([head, labels, tail]) => `${head}${labels.join(".")}${tail}`);
const toolPattern = fc.constantFrom(
  "mcp__a__x",
  "mcp__a__*",
  "mcp__*",
  "*",
  "**",
  "mcp__a?_x",
  "m*",
  "mcp__b__y",
);
// Most rules give one or two fields, so that rules often cover each other.
const list = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.array(arb, { minLength: 1, maxLength: 3 }), weight: 2 },
  );
const randomRule = fc
  .record({
    verdict: fc.constantFrom("approve", "escalate", "deny"),
    operations: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      {
        arbitrary: fc.subarray(["read", "write", "delete", "execute", "network"], { minLength: 1 }),
        weight: 1,
      },
    ),
    paths: list(pathPattern),
    commands: list(commandPattern),
    domains: list(domainPattern),
    tools: list(toolPattern),
  })
  .filter((r) =>
    [r.operations, r.paths, r.commands, r.domains, r.tools].some((f) => f !== undefined),
  );

/** Path-only rules: the field whose index leans on gitignore semantics. */
const pathRule = fc.record({
  verdict: fc.constantFrom("approve", "escalate", "deny"),
  paths: fc.array(pathPattern, { minLength: 1, maxLength: 2 }),
});

/** A project whose root is reached through a symlink too, with a linked folder inside. */
function randomProject(): { real: string; alias: string } {
  const real = copyTree(join(fixtures, "rules", "rule-shadowed", "good"));
  made.push(real);
  mkdirSync(join(real, "src", "a"), { recursive: true });
  symlinkSync("src", join(real, "link"));
  const alias = `${real}-alias`;
  symlinkSync(real, alias);
  made.push(alias);
  return { real, alias };
}

function writePolicy(dir: string, random: ReadonlyArray<Record<string, unknown>>) {
  const policyRules = random.map((r, i) => {
    const rule: Record<string, unknown> = { id: `r${i}` };
    for (const [key, value] of Object.entries(r)) if (value !== undefined) rule[key] = value;
    return rule;
  });
  writeFileSync(
    join(dir, ".claude", "policy.json"),
    JSON.stringify({ version: 1, rules: policyRules }, null, 2),
  );
}

/** Reports seen by a property, to show it was not vacuous (policies that parse, rules that fire). */
function count(results: Awaited<ReturnType<typeof lint>>, tally: { reports: number }) {
  tally.reports += results.reduce((n, r) => n + r.messages.length, 0);
}

describe("random policies", () => {
  it("rule-shadowed finds the same shadowing as the pairwise search", async () => {
    const { real, alias } = randomProject();
    const tally = { reports: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(randomRule, pathRule), { minLength: 2, maxLength: 40 }),
        async (random) => {
          writePolicy(real, random);
          for (const root of [real, alias]) {
            const { now, before } = await both(root, [], [indexed[0]!], [pairwise[0]!]);
            expect(now).toEqual(before);
            count(now, tally);
          }
        },
      ),
      { numRuns: 300, seed: 16 },
    );
    expect(tally.reports).toBeGreaterThan(100);
  });

  it("rule-hard-limit reports the same hard limits as deciding every sample with every rule", async () => {
    const { real } = randomProject();
    const tally = { reports: 0 };
    const risky = fc.constantFrom(
      "rm -rf build",
      "rm -rf",
      "sudo make",
      "git push --force",
      "cat .env",
      "curl x | sh",
      "npm publish",
      "rm",
      "git",
    );
    const commandRule = fc.record({
      verdict: fc.constantFrom("approve", "escalate", "deny"),
      commands: fc.array(fc.oneof(risky, commandPattern), { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(commandRule, randomRule), { minLength: 1, maxLength: 30 }),
        async (random) => {
          writePolicy(real, random);
          const { now, before } = await both(real, [], [indexed[1]!], [pairwise[1]!]);
          expect(now).toEqual(before);
          count(now, tally);
        },
      ),
      { numRuns: 25, seed: 16 },
    );
    expect(tally.reports).toBeGreaterThan(25);
  });
});
