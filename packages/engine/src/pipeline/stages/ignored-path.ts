import { doing, sentence } from "../describe.js";
import type { Stage } from "../types.js";

/**
 * A path that .claudeignore matches (as written or through symlinks, which the scope resolves)
 * is never accessed. A recursive delete or write over a folder holding ignored paths touches
 * them too, so it is denied as well.
 */
export const ignoredPath: Stage = {
  meta: {
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
        reason: sentence(`${doing(subject, ctx)} is not allowed: .claudeignore protects it`),
      };
    }
    const op = subject.op;
    if (op.kind === "delete" && op.recursive && ctx.scope.containsIgnored(path.real)) {
      return {
        verdict: "deny",
        reason: sentence(`${doing(subject, ctx)} would delete files that .claudeignore protects`),
      };
    }
    return undefined;
  },
};
