import { doing, noteOf, sentence } from "../describe.js";
import type { Stage } from "../types.js";

/** The agent may not rewrite the rules that bind it: the policy, the ignore file, the audit log. */
export const selfProtection: Stage = {
  meta: {
    name: "self-protection",
    kinds: ["write", "delete"],
    check: "self-protection",
    description: "denies writes and deletes of the policy file, the ignore file and the audit log",
    pass: "not a protected automode file",
  },
  decide(subject, ctx) {
    const op = subject.op;
    const path = subject.path;
    if (path === undefined || (op.kind !== "write" && op.kind !== "delete")) return undefined;
    if (path.selfProtected) {
      return {
        verdict: "deny",
        reason: sentence(
          `${doing(subject, ctx)} is not allowed: automode protects its own files${noteOf(path)}`,
        ),
      };
    }
    return undefined;
  },
};
