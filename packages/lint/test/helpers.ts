import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const fixtures = join(import.meta.dirname, "fixtures");

/** Copies a fixture project into a fresh temp folder, away from this repository's git history. */
export function copyFixture(...parts: string[]): string {
  return copyTree(join(fixtures, ...parts));
}

/** Copies any folder into a fresh temp folder. */
export function copyTree(source: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "automode-lint-")));
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** Makes `dir` a git repository with one commit per author email. */
export function gitInit(dir: string, authors: readonly string[]): void {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", "main");
  authors.forEach((email, i) => {
    git("add", "-A");
    git(
      "-c",
      `user.email=${email}`,
      "-c",
      "user.name=Author",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      `commit ${i + 1}`,
    );
  });
}

/** Replaces a temp folder in text, so golden outputs do not depend on where a test ran. */
export function normalise(text: string, dir: string): string {
  return text.split(dir).join("<root>");
}
