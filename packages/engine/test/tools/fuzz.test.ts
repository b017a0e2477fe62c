import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync, PolicyError } from "../../src/engine.js";
import type { Engine } from "../../src/index.js";
import { MODELLED_TOOLS } from "../../src/pipeline/tools/known.js";
import { createProject } from "../pipeline/project.js";

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };

/** Every character a regular expression or a glob gives meaning to, and some that break `u`. */
const special = fc.constantFrom(
  ..."-\\^$.*+?()[]{}|/!#&<>:;,'\"` _~@%=".split(""),
  "\u0000",
  "\n",
  "\u{1F600}",
  "\ud800",
  "__proto__",
  "constructor",
  "mcp__",
);
const piece = fc.oneof(special, fc.string({ maxLength: 4 }), fc.constantFrom(...MODELLED_TOOLS));
const pattern = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
const toolName = fc.oneof(
  fc.constantFrom(...MODELLED_TOOLS, "__proto__", "constructor", "toString", "hasOwnProperty"),
  pattern,
);
const verdict = fc.constantFrom("approve" as const, "escalate" as const, "deny" as const);

function engineOf(rules: unknown[]): Engine | undefined {
  try {
    return createEngineSync({
      projectRoot: project.root,
      policy: { version: 1, rules } as never,
      tier: "restrictive",
      env,
    });
  } catch (error) {
    // The schema may refuse a pattern: a clear policy error, never anything else.
    expect(error).toBeInstanceOf(PolicyError);
    return undefined;
  }
}

describe("random rule patterns and tool names", () => {
  it("never throw, never fail internally, never approve a modelled tool through `tools`", () => {
    let built = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(verdict, fc.array(pattern, { minLength: 1, maxLength: 3 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(pattern, { minLength: 1, maxLength: 2 }),
        toolName,
        (toolRules, commandPatterns, tool) => {
          const rules = [
            ...toolRules.map(([v, tools], i) => ({ id: `t${i}`, verdict: v, tools })),
            { id: "c", verdict: "approve", commands: commandPatterns },
          ];
          const engine = engineOf(rules);
          if (engine === undefined) return;
          built++;
          const d = engine.decideTool(tool);
          expect(d.check).not.toBe("internal-error");
          if (MODELLED_TOOLS.includes(tool)) expect(d.check).not.toBe("rule");
          for (const command of [...commandPatterns, `${tool} x`]) {
            const e = engine.decide({ kind: "execute", command, tool: "Bash" });
            expect(e.check, e.reason).not.toBe("internal-error");
          }
          // An action never takes a `tools` rule, whatever tool it names.
          const w = engine.decide({ kind: "write", path: "/outside/x", tool });
          expect(w.verdict).not.toBe("approve");
          expect(w.check === "rule" && w.rule?.startsWith("t")).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
    // Most generated policies are valid: the property is about engines, not the schema.
    expect(built).toBeGreaterThan(100);
  });
});

describe("random name patterns (Glob's pattern, Grep's glob)", () => {
  const engine = engineOf([])!;
  const globPiece = fc.oneof(
    fc.constantFrom("*", "**", "?", "[", "]", "{", "}", ",", "/", "..", ".", "!", "\\", "-", "~"),
    fc.constantFrom(".env", "secrets", "src", "x.pem", "@HOME@", "\u202e", "\n"),
    fc.string({ maxLength: 3 }),
  );
  const globPattern = fc.array(globPiece, { minLength: 1, maxLength: 10 }).map((p) => p.join(""));

  it("never fail internally, and never approve reaching an ignored name they spell out", () => {
    fc.assert(
      fc.property(
        globPattern,
        fc.constantFrom("listing" as const, "recursive" as const),
        (raw, read) => {
          const pattern = raw.replaceAll("@HOME@", project.home);
          const d = engine.decide(
            {
              kind: "read",
              path: project.root,
              cwd: project.root,
              tool: read === "listing" ? "Glob" : "Grep",
            },
            { read, pattern },
          );
          expect(d.check, d.reason).not.toBe("internal-error");
          if (pattern.includes("\0") || pattern.length === 0) expect(d.check).toBe("invalid-input");
          // A pattern whose literal start is an ignored folder is never approved.
          if (/^secrets\/[^/]*$/u.test(pattern)) expect(d.verdict).toBe("deny");
        },
      ),
      { numRuns: 500 },
    );
  });
});
