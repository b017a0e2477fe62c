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

/**
 * What a word names when it is a descriptor rather than a file: `"standard input"` for
 * `/dev/stdin`, `/proc/self/fd/0`, …; `"open file descriptor N"` for a descriptor past the
 * standard three (`/dev/fd/3`, what `3<<EOF` feeds). Undefined for a file or stdout/stderr.
 */
export function descriptorOf(word: string, cwd: string): string | undefined {
  if (!mayBeSpecial(word)) return undefined;
  const special = specialPath(joinTo(cwd, word), cwd);
  // Standard output and error are where a program writes, not a script it could read.
  if (special?.kind === "stream") return special.stream === "stdin" ? "standard input" : undefined;
  if (special?.kind === "unknown" && /\/fd\/[0-9]+$/u.test(special.path))
    return `open file descriptor ${special.path.slice(special.path.lastIndexOf("/") + 1)}`;
  return undefined;
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
