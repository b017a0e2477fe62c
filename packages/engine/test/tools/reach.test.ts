import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { DecideOptions, Engine } from "../../src/index.js";
import { expandBraces, globReach } from "../../src/pipeline/reach.js";
import type { Tier, Verdict } from "../../src/types.js";
import { createProject } from "../pipeline/project.js";

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const engines: Engine[] = tiers.map((tier) =>
  createEngineSync({ projectRoot: project.root, policy: { version: 1 }, tier, env }),
);

describe("globReach", () => {
  it.each([
    ["secrets/*", "secrets", ["secrets/x"]],
    ["**/.env*", ".", [".env"]],
    ["src/**/*.ts", "src", ["src/x.ts"]],
    ["*.pem", ".", ["x.pem"]],
    ["/etc/*", "/etc", ["/etc/x"]],
    ["**/{.env,id_rsa}*", ".", [".env", "id_rsa"]],
    ["**/secrets/*", ".", ["secrets/x"]],
    [".[e]nv", ".", [".env"]],
    ["src/index.ts", "src/index.ts", []],
  ])("%s → base %s, samples %j", (pattern, base, samples) => {
    expect(globReach(pattern)).toEqual({ base, samples, climbs: [] });
  });

  it("follows `..` after a wildcard to the folder it climbs to", () => {
    expect(globReach("src/*/../../x/*")).toEqual({
      base: "src",
      samples: ["x/x"],
      climbs: ["."],
    });
    expect(globReach("**/../../../etc/*").climbs).toEqual(["../../.."]);
  });

  it("expands braces, nested, capped at 32", () => {
    expect(expandBraces("a{b,c{d,e}}f")).toEqual(["abf", "acdf", "acef"]);
    expect(expandBraces("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}")).toHaveLength(32);
    expect(expandBraces("a{b")).toEqual(["a{b"]);
  });
});

type Row = [
  tool: "Glob" | "Grep",
  path: string | undefined,
  pattern: string,
  want: string,
  check?: string,
];

/** Verdicts per tier, one letter each (A approve, E escalate, D deny), as the decision tables. */
const rows: Row[] = [
  // Glob: where the pattern reaches, as if it were the path.
  ["Glob", undefined, "secrets/*", "DDD", "ignored-path"],
  ["Glob", "secrets", "*", "DDD", "ignored-path"],
  ["Glob", undefined, "**/.env*", "DDD", "ignored-path"],
  ["Glob", undefined, "**/*.pem", "DDD", "ignored-path"],
  // The documented limit: samples cannot guess `server` for `config/server.key`; a Glob shows
  // names, never contents, and a Read of what it finds is denied.
  ["Glob", undefined, "config/*.key", "AAA", "tier"],
  ["Glob", undefined, "**/{.env,README}*", "DDD", "ignored-path"],
  ["Glob", "src", "../secrets/*", "DDD", "ignored-path"],
  ["Glob", undefined, "@HOME@/.ssh/*", "DDD", "credentials"],
  ["Glob", undefined, "@TMP@/outside/*", "AEE", "tier"],
  // `..` after a wildcard: the folder it climbs to is read like the base.
  ["Glob", undefined, "*/../../outside/*", "AEE", "tier"],
  ["Glob", undefined, "src/*/../../../home/.ssh/*", "DDD", "credentials"],
  ["Glob", undefined, "**/*.ts", "AAA", "tier"],
  ["Glob", undefined, "src/**/*.{ts,tsx}", "AAA", "tier"],
  ["Glob", "docs", "*.md", "AAA", "tier"],
  // Grep: its `glob` narrows what it reads; aimed at ignored names, it is denied.
  ["Grep", undefined, "*.pem", "DDD", "ignored-path"],
  ["Grep", undefined, ".env*", "DDD", "ignored-path"],
  ["Grep", undefined, "secrets/**", "DDD", "ignored-path"],
  ["Grep", "src", "*.ts", "AAA", "tier"],
  ["Grep", undefined, "src/**/*.ts", "AAA", "tier"],
  // Grep over the root reads everything, `.env` included: the recursive-read limit asks.
  ["Grep", undefined, "*.ts", "EEE", "ignored-path"],
];

const letter: Record<Verdict, string> = { approve: "A", escalate: "E", deny: "D" };
const swap = (s: string) => s.replaceAll("@HOME@", project.home).replaceAll("@TMP@", project.tmp);

describe("Glob and Grep are judged where their pattern reaches (every tier)", () => {
  it.each(rows)("%s path=%s pattern=%s → %s %s", (tool, path, pattern, want, check) => {
    const options: DecideOptions = {
      read: tool === "Glob" ? "listing" : "recursive",
      pattern: swap(pattern),
    };
    const decisions = engines.map((e) =>
      e.decide({ kind: "read", path: path ?? project.root, cwd: project.root, tool }, options),
    );
    const why = decisions.map((d) => `${d.verdict}/${d.check}: ${d.reason}`).join("\n");
    expect(decisions.map((d) => letter[d.verdict]).join(""), why).toBe(want);
    if (check !== undefined) {
      const decisive = decisions.filter((d) => d.verdict === decisions[0]!.verdict);
      for (const d of decisive) expect(d.check, why).toBe(check);
    }
  });

  it("the reason names what the pattern reaches", () => {
    const d = engines[1]!.decide(
      { kind: "read", path: project.root, cwd: project.root, tool: "Glob" },
      { read: "listing", pattern: "**/.env*" },
    );
    expect(d.reason).toBe(
      "Reaching .env through a name pattern (Glob) is not allowed: .claudeignore protects it.",
    );
  });

  it("a malformed pattern is invalid input", () => {
    const read = { kind: "read" as const, path: project.root, cwd: project.root };
    for (const pattern of ["", "a\0b", "x".repeat(5000)]) {
      expect(engines[0]!.decide(read, { read: "listing", pattern }).check).toBe("invalid-input");
    }
    expect(engines[0]!.decide({ kind: "write", path: "a" }, { pattern: "*" }).check).toBe(
      "invalid-input",
    );
  });
});
