import { actionSchema } from "@automode/policy";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Action } from "../../src/types.js";
import { createProject } from "./project.js";

const project = createProject();
afterAll(() => project.cleanup());
const env = { home: project.home, platform: "linux" as const, caseSensitive: true };
const engine = createEngineSync({ projectRoot: project.root, tier: "permissive", env });

const verdicts = ["approve", "escalate", "deny"];

describe("robustness", () => {
  it("anything that is not an action is denied as invalid input", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(!actionSchema.safeParse(value).success);
        const d = engine.decide(value as Action);
        expect(d).toMatchObject({ verdict: "deny", check: "invalid-input", operations: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("any command line gets a well-formed decision, never an internal error", () => {
    const shellish = fc.stringMatching(/^[a-z .\-/'"$(){};|&<>*~=\\\n]{1,40}$/);
    fc.assert(
      fc.property(fc.oneof(shellish, fc.string({ minLength: 1, maxLength: 40 })), (command) => {
        fc.pre(!command.includes("\0"));
        const d = engine.decide({ kind: "execute", command });
        expect(verdicts).toContain(d.verdict);
        expect(d.check).not.toBe("internal-error");
        expect(d.reason.length).toBeGreaterThan(0);
        expect(d.operations.length).toBeGreaterThan(0);
        for (const o of d.operations) expect(verdicts).toContain(o.verdict);
      }),
      { numRuns: 500 },
    );
  });

  it("any path gets a well-formed decision", () => {
    const path = fc.stringMatching(/^[a-zA-Z0-9 ./~_\-*?[\]]{1,30}$/);
    fc.assert(
      fc.property(path, fc.constantFrom("read", "write", "delete"), (p, kind) => {
        const d = engine.decide({ kind, path: p } as Action);
        expect(verdicts).toContain(d.verdict);
        expect(d.check).not.toBe("internal-error");
      }),
      { numRuns: 300 },
    );
  });
});
