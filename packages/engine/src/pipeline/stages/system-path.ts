import { dirname } from "node:path";
import { doing, sentence } from "../describe.js";
import type { Stage } from "../types.js";

export const systemPath: Stage = {
  meta: {
    name: "system-path",
    kinds: ["write", "delete"],
    check: "system-path",
    description: "denies writes and deletes under /etc, /usr, /bin, /System, C:\\Windows, …",
    pass: "not a system location",
  },
  decide(subject, ctx) {
    const op = subject.op;
    const path = subject.path;
    if (path === undefined || (op.kind !== "write" && op.kind !== "delete")) return undefined;
    // `rm -rf /` holds every system folder; the file system root is its own parent.
    const root = op.kind === "delete" && dirname(path.real) === path.real;
    if (!path.system && !root) return undefined;
    return {
      verdict: "deny",
      reason: sentence(`${doing(subject, ctx)} is not allowed: it is a system location`),
    };
  },
};
