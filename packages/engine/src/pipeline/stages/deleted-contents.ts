import { doing, sentence } from "../describe.js";
import type { PipelineContext, Stage } from "../types.js";

/**
 * Deleting a folder deletes what it holds (`rm -rf .claude`, `mv secrets x`, `rm -rf ~`): a
 * delete of a folder holding automode's own files, ignored paths or credential stores is
 * denied under the check that protects them. It runs after the direct checks, so `rm -rf /`
 * is reported as a system path, not as the project's `.env` inside it.
 */
export const deletedContents: Stage = {
  meta: {
    name: "deleted-contents",
    kinds: ["delete"],
    check: "self-protection",
    description:
      "denies deleting a folder that holds automode's own files, ignored paths or credential stores",
    pass: "holds nothing protected",
  },
  decide(subject, ctx) {
    const op = subject.op;
    const path = subject.path;
    // An existing file is judged as itself; a folder, or a path the file system does not show
    // as written (another case on a case-insensitive volume, a race), may hold protected files.
    if (path === undefined || op.kind !== "delete" || (path.exists && !path.isDirectory)) {
      return undefined;
    }
    if (holdsAny(ctx, path, ctx.protectedFiles)) {
      return {
        verdict: "deny",
        reason: sentence(`${doing(subject, ctx)} would remove automode's own files`),
      };
    }
    if (ctx.scope.containsIgnored(path.real)) {
      return {
        verdict: "deny",
        check: "ignored-path",
        reason: sentence(`${doing(subject, ctx)} would delete files that .claudeignore protects`),
      };
    }
    if (holdsAny(ctx, path, ctx.credentialStores)) {
      return {
        verdict: "deny",
        check: "credentials",
        reason: sentence(`${doing(subject, ctx)} would delete credential stores`),
      };
    }
    return undefined;
  },
};

/** Whether the folder, as written or as resolved, holds one of the files. */
function holdsAny(
  ctx: PipelineContext,
  path: { real: string; absolute: string },
  files: readonly string[],
): boolean {
  for (const file of files) {
    if (ctx.within(path.real, file) || ctx.within(path.absolute, file)) return true;
  }
  return false;
}
