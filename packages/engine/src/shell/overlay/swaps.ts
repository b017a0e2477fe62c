import { posix } from "node:path";
import type { FileSystem } from "../fs.js";
import type { Host } from "../model.js";

/**
 * Working-tree swaps (issue 12, item 3): `git stash -u|-a` takes untracked (and ignored) files
 * out of the working tree, `git switch --orphan` empties it, `git checkout --orphan` starts a
 * history the next commands fill from nothing or from another tree. Each can remove or replace
 * the policy file, the ignore file and the audit log, and automode does not read git's index
 * to tell which of them are tracked; so the swap is a recursive delete of the repository's
 * working tree, which the pipeline denies (self-protection) when that tree holds automode's
 * files. The reason says which command it was.
 */
export function workingTreeSwap(
  host: Host,
  values: readonly (string | undefined)[],
  sub: readonly string[],
  afterSub: number,
  cwd: string,
): void {
  // The words after the subcommand's own word (the class table's `afterSub` may pass options).
  const at = sub[0] === undefined ? -1 : values.indexOf(sub[0]);
  if (at < 0 || at > afterSub) return;
  const what = swapOf(values.slice(at + 1), sub.slice(0, 1));
  if (what === undefined) return;
  host.ops.push({
    kind: "delete",
    path: topLevel(host.fs, cwd),
    cwd,
    recursive: true,
    via: `git ${what}, which takes files out of the working tree`,
  });
}

const STASH_TAKES = new Set(["push", "save"]);

function swapOf(rest: readonly (string | undefined)[], sub: readonly string[]): string | undefined {
  const [cmd, verb] = sub;
  if (cmd === "stash") {
    // `git stash -u`, `git stash push --all`, `git stash save -u msg`.
    // The subcommand may still be among the words (`stash show -u` only shows).
    const first = rest.find((w) => w !== undefined && !w.startsWith("-"));
    const named = verb ?? (rest[0] === first ? first : undefined);
    if (named !== undefined && !STASH_TAKES.has(named)) return undefined;
    const words = rest;
    for (const w of words) {
      if (w === undefined) continue;
      if (w === "--") break;
      if (w.startsWith("--")) {
        const key = w.split("=")[0] as string;
        if (key.length >= 4 && "--include-untracked".startsWith(key))
          return `stash ${verb ? `${verb} ` : ""}${w}`;
        if (key.length >= 4 && "--all".startsWith(key))
          return `stash ${verb ? `${verb} ` : ""}${w}`;
        continue;
      }
      if (w.startsWith("-") && !w.startsWith("-m") && /^-[a-zA-Z]+$/.test(w) && /[ua]/.test(w))
        return `stash ${verb ? `${verb} ` : ""}${w}`;
      if (w === "-m" || w === "--message") break;
    }
    return undefined;
  }
  if (cmd === "switch" || cmd === "checkout") {
    for (const w of rest) {
      if (w === undefined) continue;
      if (w === "--") break;
      const key = w.split("=")[0] as string;
      if (key.length >= 5 && "--orphan".startsWith(key)) return `${cmd} --orphan`;
    }
  }
  return undefined;
}

/** The folder holding `.git` at or above `cwd`, as git finds it; the cwd when none does. */
export function topLevel(fs: FileSystem, cwd: string): string {
  let dir = posix.resolve(cwd);
  for (;;) {
    if (fs.lstat(`${dir === "/" ? "" : dir}/.git`) !== undefined) return dir;
    if (dir === "/") return posix.resolve(cwd);
    dir = posix.dirname(dir);
  }
}
