import { join, relative } from "node:path";
import { createScope, credentialStores, defaultEnv } from "@automode/scope";
import type { AppDecision } from "../decision.js";
import type { Project } from "../project/load.js";

/**
 * The Grep tool reads the contents of everything under its path (SPEC section 7: a recursive
 * read), but an engine action has no "recursive" flag, so the engine judges it as a read of
 * the folder itself. This adds the engine's own recursive-read limit (SPEC section 4): a
 * recursive reader over a folder that holds ignored paths or credential stores escalates,
 * with the same check the engine uses for `grep -r` (`ignored-path`, `credentials`).
 */
export function limitRecursiveRead(
  decision: AppDecision,
  project: Project,
  path: string,
  cwd: string,
  tool: string,
): AppDecision {
  if (decision.verdict === "deny") return decision;
  const scope = createScope({
    projectRoot: project.root,
    additionalDirectories: project.policy.additionalDirectories,
    ignoreFile: project.policy.ignoreFile,
  });
  let real: string;
  try {
    const resolved = scope.resolve(path, cwd);
    if (!resolved.isDirectory) return decision;
    real = resolved.real;
  } catch {
    // The engine has already judged a path that cannot be resolved.
    return decision;
  }
  const shown = relative(project.root, real) || ".";
  let check: "ignored-path" | "credentials" | undefined;
  let reason = "";
  if (scope.containsIgnored(real)) {
    check = "ignored-path";
    reason = `Reading everything under ${shown} (${tool}) would also read files that .claudeignore protects.`;
  } else {
    const home = defaultEnv().home;
    const inside = (store: string) => !relative(real, join(home, store)).startsWith("..");
    if (credentialStores.some(inside)) {
      check = "credentials";
      reason = `Reading everything under ${shown} (${tool}) would also read credential stores.`;
    }
  }
  if (check === undefined) return decision;
  return {
    verdict: "escalate",
    reason,
    check,
    tier: decision.tier,
    operations: [
      ...decision.operations,
      { kind: "read", target: real, verdict: "escalate", check, reason },
    ],
  };
}
