import { doing, noteOf, sentence } from "../describe.js";
import type { Stage } from "../types.js";

export const credentials: Stage = {
  meta: {
    name: "credentials",
    kinds: ["read", "write", "delete"],
    check: "credentials",
    description: "denies any access to credential stores (~/.ssh, ~/.aws, ~/.netrc, …)",
    pass: "not a credential store",
  },
  decide(subject, ctx) {
    const path = subject.path;
    if (path === undefined) return undefined;
    if (path.credential) {
      return {
        verdict: "deny",
        reason: sentence(
          `${doing(subject, ctx)} is not allowed: it is a credential store${noteOf(path)}`,
        ),
      };
    }
    return undefined;
  },
};
