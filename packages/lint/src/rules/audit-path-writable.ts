import { accessSync, constants, type Stats, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { docsUrl, fileStart, type RuleModule } from "../rule.js";

const id = "audit-path-writable";

function writable(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** stat, with "missing" and "a file sits where a folder should be" both as undefined. */
function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Why the audit log cannot be written, or undefined when it can (or its folder can be created). */
export function auditProblem(file: string): string | undefined {
  const found = stat(file);
  if (found !== undefined) {
    if (found.isDirectory()) return "it is a folder";
    return writable(file, constants.W_OK) ? undefined : "the file is not writable";
  }
  // The writer creates missing folders: find the nearest existing one and check it takes entries.
  let folder = dirname(file);
  let missing = false;
  for (;;) {
    const s = stat(folder);
    if (s !== undefined) {
      if (!s.isDirectory()) return `its folder cannot be created: ${folder} is not a folder`;
      if (!writable(folder, constants.W_OK | constants.X_OK)) {
        return missing
          ? `its folder cannot be created: ${folder} is not writable`
          : `its folder ${folder} is not writable`;
      }
      return undefined;
    }
    missing = true;
    const parent = dirname(folder);
    if (parent === folder) return "no folder on its path exists";
    folder = parent;
  }
}

export const auditPathWritable: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "The audit log path cannot be written: its folder is missing and cannot be created, or is not writable.",
    rationale:
      "Every decision is appended to the audit log; a log that cannot be written means decisions without a record, and the hook fails closed.",
    docs: docsUrl(id),
  },
  check(context) {
    if (context.policy === undefined) return;
    const file = resolve(context.root, context.policy.audit.path);
    const problem = auditProblem(file);
    if (problem === undefined) return;
    const shown = relative(context.root, file) || file;
    context.report({
      message: `the audit log ${shown} cannot be written: ${problem}`,
      at: context.written(["audit", "path"])
        ? { file: "policy", path: ["audit", "path"] }
        : { file: "policy", range: fileStart },
    });
  },
};
