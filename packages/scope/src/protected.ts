import * as path from "node:path";
import type { FileSystem } from "./file-system.js";

/** The name nested ignore files have, in every folder of the project (SPEC section 2). */
export const nestedIgnoreName = ".claudeignore";

const claudeFiles = new Set(["policy.json", "settings.json", "settings.local.json"]);

/**
 * Whether a path below a project folder (`relative`, `/`-separated, case-folded where the file
 * system folds case) is one of the files that keep automode in charge, by name, at any depth:
 * every `.claude/policy.json`, `.claude/settings.json`, `.claude/settings.local.json` and
 * `.claudeignore`; automode's installed files (`node_modules/automode`,
 * `node_modules/@automode/*`, `node_modules/.bin/automode*`, and everything below them); git
 * hooks (`.git/hooks/` and everything below) and the repository's `.git/config`, which names
 * them (`core.hooksPath`). SPEC section 5, stage 2.
 */
export function isProtectedName(relative: string, caseSensitive: boolean): boolean {
  if (!mayBeProtectedName(relative)) return false;
  const key = caseSensitive ? relative : relative.toLowerCase();
  const segments = key.split("/");
  const last = segments.length - 1;
  if (segments[last] === nestedIgnoreName) return true;
  if (last >= 1 && segments[last - 1] === ".claude" && claudeFiles.has(segments[last] as string)) {
    return true;
  }
  for (let i = 0; i < last; i++) {
    const segment = segments[i];
    const next = segments[i + 1] as string;
    if (segment === "node_modules") {
      if (next === "automode" || next === "@automode") return true;
      if (next === ".bin" && i + 2 <= last && (segments[i + 2] as string).startsWith("automode")) {
        return true;
      }
    } else if (segment === ".git" && (next === "hooks" || (next === "config" && i + 1 === last))) {
      // `.git/config` holds `core.hooksPath`, `core.fsmonitor` and aliases: a raw write of it
      // (`echo … > .git/config`) sets what git runs later, past the `git config` model.
      return true;
    }
  }
  return false;
}

/**
 * The git folder that holds the hooks and the config: `<root>/.git`, or for a linked work tree
 * (`.git` is a file saying `gitdir: …`) the common folder of the main repository, where git
 * keeps hooks shared by every work tree. Undefined when the project is no git work tree.
 */
export function gitCommonDir(fs: FileSystem, root: string): string | undefined {
  const dotGit = `${root === "/" ? "" : root}/.git`;
  const kind = fs.lstat(dotGit);
  if (kind === "directory") return dotGit;
  if (kind !== "file") return undefined;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFile(dotGit) ?? "");
  if (pointer === null) return undefined;
  const gitDir = path.posix.resolve(root, pointer[1] as string);
  const common = fs.readFile(`${gitDir}/commondir`)?.trim();
  return common === undefined || common === "" ? gitDir : path.posix.resolve(gitDir, common);
}

/**
 * False when the path holds none of the marker names in any case, so it cannot be a protected
 * name: the common answer, found without splitting or folding the path.
 */
export function mayBeProtectedName(path: string): boolean {
  return /\.claude|node_modules|\.git|automode/i.test(path);
}

/**
 * `core.hooksPath` from the project's `.git/config` as written (the caller resolves it against
 * the work tree, where git runs hooks from, and expands `~`), or undefined. Only the repository's own config file is read: a global or
 * an included one is outside the project and written by the person, not the agent.
 */
export function hooksPathOf(fs: FileSystem, gitDir: string): string | undefined {
  const text = fs.readFile(`${gitDir}/config`);
  if (text === undefined) return undefined;
  let inCore = false;
  let found: string | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      // `[core]` only; a subsection (`[core "x"]`) is another section.
      inCore = /^\[\s*core\s*\]/i.test(line);
      continue;
    }
    if (!inCore) continue;
    const match = /^hookspath\s*=\s*(.*)$/i.exec(line);
    if (match === null) continue;
    let value = (match[1] as string).replace(/\s[#;].*$/, "").trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    // The last assignment wins, as in git.
    if (value !== "") found = value;
  }
  return found;
}
