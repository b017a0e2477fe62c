import { execFileSync } from "node:child_process";

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    // Not a repository, no commits yet, or git missing: callers treat all alike as "unknown".
    return undefined;
  }
}

/** The repository's top-level folder, or undefined outside a git work tree. */
export function gitTopLevel(cwd: string): string | undefined {
  return git(["rev-parse", "--show-toplevel"], cwd)?.trim() || undefined;
}

/** Distinct commit author emails (case-folded), or undefined outside a repository with commits. */
export function commitAuthors(cwd: string): Set<string> | undefined {
  const out = git(["log", "--format=%ae"], cwd);
  if (out === undefined) return undefined;
  return new Set(
    out
      .split("\n")
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email !== ""),
  );
}
