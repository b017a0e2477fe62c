import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Tier, Verdict } from "../../src/types.js";
import { defaultPolicy } from "./policies.js";
import { createProject } from "./project.js";

const project = createProject();
afterAll(() => project.cleanup());

const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const engines = tiers.map((tier) =>
  createEngineSync({ projectRoot: project.root, policy: defaultPolicy, tier, env }),
);
const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };

/** A command word with its flags, and the operands it may take. */
const programs = [
  "cat",
  "head -n 1",
  "grep -r x",
  "rm",
  "rm -rf",
  "touch",
  "cp README.md",
  "git add",
  "git checkout --",
  "ls",
  "echo",
  "npm test",
  "npm install",
  "curl -o",
  "sed -i s/a/b/",
  "tar czf /tmp/x.tgz",
  "frobnicate",
  "git reset --hard",
  "python -c 'print(1)'",
  "chmod 600",
];
const operands = [
  ".env",
  "src/app.ts",
  "src",
  "dist",
  "/etc/hosts",
  "~/.ssh/id_rsa",
  "../outside/data.txt",
  "secrets/api.txt",
  "link-out/data.txt",
  "link-env",
  ".claudeignore",
  "$X",
  "*.pem",
  "new-file.txt",
  ".",
];

const simple = fc
  .tuple(fc.constantFrom(...programs), fc.array(fc.constantFrom(...operands), { maxLength: 2 }))
  .map(([p, ops]) => [p, ...ops].join(" "));

/** Wrappers that run a simple command unchanged. */
const noOpWrappers = [
  "command",
  "env",
  "env FOO=1",
  "FOO=1",
  "nice",
  "nice -n 5",
  "timeout 5",
  "nohup",
  "time",
  "stdbuf -oL",
  "setsid",
  "ionice -c3",
];

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Forms that run any command line unchanged. */
const structural: Array<(c: string) => string> = [
  (c) => `( ${c} )`,
  (c) => `{ ${c}; }`,
  (c) => `bash -c ${quote(c)}`,
  (c) => `sh -c ${quote(c)}`,
  (c) => `${c} && true`,
  (c) => `true && ${c}`,
  (c) => `${c}; true`,
];

function verdicts(command: string): Verdict[] {
  return engines.map((e) => e.decide({ kind: "execute", command }).verdict);
}

function neverLessSevere(base: string, wrapped: string) {
  const before = verdicts(base);
  const after = verdicts(wrapped);
  before.forEach((v, i) => {
    expect(
      severity[after[i]!],
      `${tiers[i]}: ${JSON.stringify(base)} → ${v}, ${JSON.stringify(wrapped)} → ${after[i]}`,
    ).toBeGreaterThanOrEqual(severity[v]);
  });
}

const runs = { numRuns: 250 };

describe("wrapping never makes a verdict less severe", () => {
  it("a no-op wrapper around a simple command", () => {
    fc.assert(
      fc.property(simple, fc.constantFrom(...noOpWrappers), (c, w) =>
        neverLessSevere(c, `${w} ${c}`),
      ),
      runs,
    );
  });

  it("subshells, groups, bash -c, && true, nested up to three deep", () => {
    const line = fc
      .tuple(simple, fc.constantFrom("", " && ", "; ", " | "), simple)
      .map(([a, op, b]) => (op === "" ? a : `${a}${op}${b}`));
    fc.assert(
      fc.property(
        line,
        fc.array(fc.constantFrom(...structural), { minLength: 1, maxLength: 3 }),
        (c, forms) =>
          neverLessSevere(
            c,
            forms.reduce((acc, f) => f(acc), c),
          ),
      ),
      runs,
    );
  });

  it("a no-op wrapper inside bash -c inside a subshell", () => {
    fc.assert(
      fc.property(simple, fc.constantFrom(...noOpWrappers), (c, w) =>
        neverLessSevere(c, `( bash -c ${quote(`${w} ${c}`)} )`),
      ),
      runs,
    );
  });
});
