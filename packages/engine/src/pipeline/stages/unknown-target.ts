import { doing, sentence } from "../describe.js";
import type { Stage } from "../types.js";

/**
 * A target nobody can name before the command runs: another process's `/proc/<pid>/…`, an open
 * descriptor, a `file://` URL on another host (the scope's `unknown`, the pipeline's file-URL
 * check). The engine never approves what it does not understand.
 */
export const unknownTarget: Stage = {
  meta: {
    name: "unknown-target",
    kinds: ["read", "write", "delete", "network"],
    check: "dynamic",
    description: "escalates paths and URLs whose target depends on another process or host",
    pass: "names a known target",
  },
  decide(subject, ctx) {
    const why = subject.unknown ?? subject.path?.unknown;
    if (why === undefined) return undefined;
    return {
      verdict: "escalate",
      reason: sentence(`${doing(subject, ctx)} cannot be judged: ${why}`),
    };
  },
};
