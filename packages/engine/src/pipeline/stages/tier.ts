import { type OperationClass, operationClasses, tierPresets } from "@automode/policy";
import type { CommandClass } from "../../types.js";
import { doing, sentence } from "../describe.js";
import type { Stage, Subject } from "../types.js";

const executeClass: Record<CommandClass, OperationClass> = {
  "read-only": "execute-read-only",
  development: "execute-development",
  "package-install": "execute-package-install",
  network: "network",
  "global-config": "global-config",
  unknown: "execute-unknown",
};

/** The tier-matrix row of an operation (SPEC section 5). */
export function operationClass(subject: Subject): OperationClass {
  const op = subject.op;
  const path = subject.path;
  switch (op.kind) {
    case "read":
      return path?.inside ? "read-inside" : "read-outside";
    case "write":
      if (!path?.inside) return "write-outside";
      return path.exists ? "modify-inside" : "create-inside";
    case "delete":
      return path?.inside ? "delete-inside" : "write-outside";
    case "execute":
      // An unknown class string from a newer table fails closed to "unknown".
      return executeClass[op.class] ?? "execute-unknown";
    case "network":
      return "network";
  }
}

const verbs = { approve: "approves", escalate: "escalates", deny: "denies" } as const;

export const tierStage: Stage = {
  meta: {
    name: "tier",
    kinds: ["read", "write", "delete", "execute", "network"],
    check: "tier",
    description: "the tier matrix: each operation class's verdict in the chosen tier",
    pass: "—",
  },
  decide(subject, ctx) {
    const cls = operationClass(subject);
    const verdict = tierPresets[ctx.tier][cls];
    const op = subject.op;
    const what =
      op.kind === "execute"
        ? `${op.command.text}: ${op.reason.replace(/\.$/u, "")}`
        : `${doing(subject, ctx)}: ${operationClasses[cls]}`;
    return {
      verdict,
      class: cls,
      reason: sentence(`The ${ctx.tier} tier ${verbs[verdict]} ${what}`),
    };
  },
};
