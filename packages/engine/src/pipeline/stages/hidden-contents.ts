import { doing, sentence } from "../describe.js";
import type { Stage } from "../types.js";

/**
 * A recursive reader (`grep -r`, `tar`, `cp -r`, the Grep tool) over a folder that holds
 * ignored paths or credential stores would read them along with the rest: a hard limit that
 * escalates, since the human can see whether the reader skips them.
 */
export const hiddenContents: Stage = {
  meta: {
    name: "hidden-contents",
    kinds: ["read"],
    check: "ignored-path",
    description:
      "escalates a recursive read of a folder holding paths .claudeignore matches or credential stores",
    pass: "holds no ignored path or credential store",
  },
  decide(subject, ctx) {
    const op = subject.op;
    const path = subject.path;
    if (path === undefined || op.kind !== "read" || !op.recursive) return undefined;
    // One question, not two: checking a kept answer costs an lstat per folder it recorded.
    const contains =
      ctx.scope.containsAnswer?.(path.real).kind ??
      (ctx.scope.containsIgnored(path.real) ? "ignored" : "clean");
    if (contains !== "clean") {
      return {
        verdict: "escalate",
        reason: sentence(
          contains === "too-large"
            ? `${doing(subject, ctx)} reads a folder too large to check for files .claudeignore protects`
            : `${doing(subject, ctx)} would also read files that .claudeignore protects`,
        ),
      };
    }
    if (ctx.credentialStores.some((s) => ctx.within(path.real, s))) {
      return {
        verdict: "escalate",
        check: "credentials",
        reason: sentence(`${doing(subject, ctx)} would also read credential stores`),
      };
    }
    return undefined;
  },
};
