import { posix } from "node:path";
import { specialPath } from "@automode/scope";
import type { Hazard } from "../types.js";

/**
 * Paths through the per-process links (`/dev/fd/..`, `/proc/self/cwd`), read by the scope's
 * own normalisation (SPEC section 4, issue 12 item 4), for the two places the shell analysis
 * needs the answer itself: where `cd` goes, and whether a script file is standard input.
 */

function joinTo(cwd: string, word: string): string {
  return word.startsWith("/") ? word : `${cwd === "/" ? "" : cwd}/${word}`;
}

/** Cheap first test: a word that cannot reach `/dev` or `/proc`. */
function mayBeSpecial(word: string): boolean {
  return word.includes("dev") || word.includes("proc");
}

/** Whether a word names the command's standard input (`/dev/stdin`, `/proc/self/fd/0`, …). */
export function namesStdin(word: string, cwd: string): boolean {
  if (!mayBeSpecial(word)) return false;
  const special = specialPath(joinTo(cwd, word), cwd);
  return special?.kind === "stream" && special.stream === "stdin";
}

/**
 * The folder `cd target` moves to: `cd /dev/fd/../cwd/src` is `<cwd>/src`, as the kernel
 * resolves it for the shell. A target whose folder depends on the process (`/proc/1/cwd`, an
 * open descriptor, `/proc/self` itself) is not known: a dynamic hazard, and undefined.
 */
export function cdTarget(
  from: string,
  target: string,
  name: string,
  hazards: Hazard[],
): string | undefined {
  if (!mayBeSpecial(target)) return posix.resolve(from, target);
  const special = specialPath(joinTo(from, target), from);
  if (special === undefined) return posix.resolve(from, target);
  if (special.kind === "plain") return posix.resolve(special.path);
  hazards.push({
    check: "dynamic",
    reason: `${name} ${target} goes through /proc or /dev, so the folder later commands run in is not known`,
  });
  return undefined;
}
