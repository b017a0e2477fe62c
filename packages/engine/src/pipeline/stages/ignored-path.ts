import { doing, noteOf, sentence } from "../describe.js";
import type { Stage } from "../types.js";

/** A path that .claudeignore matches (as written or through symlinks, which the scope resolves) is never accessed. */
export const ignoredPath: Stage = {
  meta: {
    name: "ignored-path",
    kinds: ["read", "write", "delete"],
    check: "ignored-path",
    description: "denies any access to a path .claudeignore matches",
    pass: "not ignored by .claudeignore",
  },
  decide(subject, ctx) {
    const path = subject.path;
    if (path === undefined) return undefined;
    if (path.ignored) {
      return {
        verdict: "deny",
        reason: sentence(
          `${doing(subject, ctx)} is not allowed: ${path.note === undefined ? ".claudeignore protects it" : `it is off limits${noteOf(path)}`}`,
        ),
      };
    }
    return undefined;
  },
};
