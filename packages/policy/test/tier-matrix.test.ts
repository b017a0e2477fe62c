import { describe, expect, test } from "vitest";
import {
  defaultTier,
  mostSevere,
  type OperationClass,
  operationClasses,
  tierPresets,
} from "../src/index.js";

// The tier matrix of SPEC section 5, row by row: permissive, balanced, restrictive.
const specMatrix: Record<OperationClass, [string, string, string]> = {
  "read-inside": ["approve", "approve", "approve"],
  "read-outside": ["approve", "escalate", "escalate"],
  "modify-inside": ["approve", "approve", "approve"],
  "create-inside": ["approve", "approve", "escalate"],
  "delete-inside": ["approve", "approve", "escalate"],
  "write-outside": ["escalate", "escalate", "escalate"],
  "execute-read-only": ["approve", "approve", "escalate"],
  "execute-development": ["approve", "approve", "escalate"],
  "execute-package-install": ["approve", "escalate", "escalate"],
  "execute-unknown": ["approve", "escalate", "escalate"],
  network: ["approve", "escalate", "escalate"],
  "global-config": ["escalate", "escalate", "escalate"],
};

describe("the tier matrix", () => {
  test("every tier decides every operation class as SPEC section 5 says", () => {
    for (const [tier, column] of [
      ["permissive", 0],
      ["balanced", 1],
      ["restrictive", 2],
    ] as const) {
      const expected = Object.fromEntries(
        Object.entries(specMatrix).map(([cls, row]) => [cls, row[column]]),
      );
      expect(tierPresets[tier], tier).toEqual(expected);
    }
  });

  test("the classes are the matrix's rows, each described as the docs list it", () => {
    expect(Object.keys(operationClasses)).toEqual(Object.keys(specMatrix));
    expect(operationClasses["read-outside"]).toBe("read outside the project");
    expect(operationClasses["execute-unknown"]).toBe("execute an unknown command");
    for (const text of Object.values(operationClasses)) expect(text).not.toBe("");
  });

  test("no tier is looser than the one below it", () => {
    const order = ["permissive", "balanced", "restrictive"] as const;
    for (const cls of Object.keys(specMatrix) as OperationClass[]) {
      for (let i = 1; i < order.length; i++) {
        const looser = tierPresets[order[i - 1] as (typeof order)[number]][cls];
        const stricter = tierPresets[order[i] as (typeof order)[number]][cls];
        expect(mostSevere(looser, stricter), `${cls} in ${order[i]}`).toBe(stricter);
      }
    }
  });

  test("the default tier is balanced", () => {
    expect(defaultTier).toBe("balanced");
  });
});

describe("mostSevere", () => {
  test("deny beats escalate beats approve, in either order", () => {
    const verdicts = ["approve", "escalate", "deny"] as const;
    for (let i = 0; i < verdicts.length; i++) {
      for (let j = 0; j < verdicts.length; j++) {
        const a = verdicts[i] as (typeof verdicts)[number];
        const b = verdicts[j] as (typeof verdicts)[number];
        expect(mostSevere(a, b), `${a} vs ${b}`).toBe(verdicts[Math.max(i, j)]);
      }
    }
  });
});
