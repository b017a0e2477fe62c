import type { Stage } from "../types.js";

/** Stage 0 for one operation: a path the scope cannot resolve (NUL byte, relative cwd). */
export const invalidInput: Stage = {
  meta: {
    name: "invalid-input",
    kinds: ["read", "write", "delete"],
    check: "invalid-input",
    description: "denies a malformed operation: a NUL byte, a relative cwd, an unresolvable path",
    pass: "well-formed",
  },
  decide(subject) {
    if (subject.invalid === undefined) return undefined;
    return { verdict: "deny", reason: `The action is malformed: ${subject.invalid}.` };
  },
};
