import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCommand } from "../../src/shell/index.js";
import type { Operation } from "../../src/types.js";
import { CTX } from "./helpers.js";

function wellFormed(ops: Operation[]): void {
  expect(ops.length).toBeGreaterThan(0);
  for (const o of ops) {
    if (o.kind === "execute") {
      expect(typeof o.command.name).toBe("string");
      expect(o.command.cwd.startsWith("/")).toBe(true);
      expect(Array.isArray(o.hazards)).toBe(true);
      expect(o.reason.length).toBeGreaterThan(0);
    } else if (o.kind === "network") expect(o.url.length).toBeGreaterThan(0);
    else {
      expect(o.path.length).toBeGreaterThan(0);
      expect(o.cwd.startsWith("/")).toBe(true);
    }
  }
}

const SHELLISH = [..."abcxyz-_./~*?[]{}()<>|&;$`'\"\\ \n\t=!#%0123456789"];

describe("analyzeCommand never throws and always answers", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => wellFormed(analyzeCommand(s, CTX))),
      { numRuns: 400 },
    );
  });
  it("on arbitrary unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) =>
        wellFormed(analyzeCommand(s, CTX)),
      ),
      { numRuns: 200 },
    );
  });
  it("on shell-metacharacter soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SHELLISH), { maxLength: 120 }), (cs) =>
        wellFormed(analyzeCommand(cs.join(""), CTX)),
      ),
      { numRuns: 600 },
    );
  });
});

/** What a verdict can depend on: file targets and hazard kinds. */
function signature(line: string): { targets: Set<string>; hazards: Set<string> } {
  const ops = analyzeCommand(line, CTX);
  const targets = new Set<string>();
  const hazards = new Set<string>();
  for (const o of ops) {
    if (o.kind === "execute") for (const h of o.hazards) hazards.add(h.check);
    else if (o.kind === "network") targets.add(`net ${o.url}`);
    else targets.add(`${o.kind} ${o.path} ${o.cwd} ${"recursive" in o && o.recursive ? "r" : ""}`);
  }
  return { targets, hazards };
}

const names = [
  "rm",
  "cat",
  "git",
  "grep",
  "cp",
  "mv",
  "curl",
  "sudo",
  "find",
  "tar",
  "sed",
  "npm",
  "vim",
  "xargs",
];
const words = [
  "-rf",
  "-r",
  "-f",
  "--force",
  "-i",
  ".env",
  "dist",
  "src/a.ts",
  "~/.ssh/id_rsa",
  "$HOME/.aws/credentials",
  "$X",
  "reset",
  "--hard",
  "push",
  "-delete",
  ".",
  "https://example.com/x",
  "-exec",
  "{}",
  "+",
  "publish",
  "install",
  "czf",
  "out.tgz",
  "'a b'",
  '"$(cat .env)"',
  "*.ts",
];
const simpleCommand = fc
  .tuple(fc.constantFrom(...names), fc.array(fc.constantFrom(...words), { maxLength: 5 }))
  .map(([n, a]) => [n, ...a].join(" "));
const payload = fc.oneof(
  simpleCommand,
  fc
    .tuple(simpleCommand, fc.constantFrom(" && ", " | ", "; ", " || "), simpleCommand)
    .map((p) => p.join("")),
);

/** Wrappers that must never make the analysis lose anything (SPEC section 4; issue's property). */
const wrapAny: Array<(p: string) => string> = [
  (p) => `( ${p} )`,
  (p) => `{ ${p}; }`,
  (p) => `${p} && true`,
  (p) => `true && ${p}`,
  (p) => `if true; then ${p}; fi`,
  (p) => `echo "$( ${p} )"`,
  (p) => (p.includes("'") ? `bash -c "${p.replace(/["$`\\]/g, "\\$&")}"` : `bash -c '${p}'`),
];
const wrapSimple: Array<(p: string) => string> = [
  (p) => `nice ${p}`,
  (p) => `timeout 5 ${p}`,
  (p) => `env FOO=1 ${p}`,
  (p) => `command ${p}`,
  (p) => `nohup ${p}`,
  (p) => `stdbuf -oL ${p}`,
];

function keeps(inner: string, outer: string): void {
  const a = signature(inner);
  const b = signature(outer);
  for (const t of a.targets) expect(b.targets, `${outer} lost ${t}`).toContain(t);
  for (const h of a.hazards) expect(b.hazards, `${outer} lost ${h}`).toContain(h);
}

describe("wrapping never drops an operation or a hazard", () => {
  it("subshells, groups, && true, if, $( ), bash -c, nested up to three deep", () => {
    fc.assert(
      fc.property(
        payload,
        fc.array(fc.integer({ min: 0, max: wrapAny.length - 1 }), { minLength: 1, maxLength: 3 }),
        (p, ws) => {
          let line = p;
          for (const w of ws) line = (wrapAny[w] as (s: string) => string)(line);
          keeps(p, line);
        },
      ),
      { numRuns: 400 },
    );
  });
  it("no-op wrappers around a simple command", () => {
    fc.assert(
      fc.property(simpleCommand, fc.integer({ min: 0, max: wrapSimple.length - 1 }), (p, w) => {
        keeps(p, (wrapSimple[w] as (s: string) => string)(p));
      }),
      { numRuns: 300 },
    );
  });
});
