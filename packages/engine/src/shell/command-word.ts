import { posix } from "node:path";
import { isModelled, runsCode } from "./runs-code.js";
import { COMMANDS } from "./tables/commands.js";
import { DESTRUCTIVE } from "./tables/destructive.js";

/** The command word (SPEC section 4): case folding, system folders, paths that run a file. */
/**
 * On a case-insensitive file system (macOS by default) `RM -rf x` runs rm: an unknown name
 * whose lower case is a known command is taken as that command.
 */
export function caseFold(name: string): string {
  const lower = name.toLowerCase();
  if (lower === name || isTabled(name) || !isTabled(lower)) return name;
  return lower;
}

export function isTabled(name: string): boolean {
  return (
    Object.hasOwn(COMMANDS, name) ||
    Object.hasOwn(DESTRUCTIVE, name) ||
    runsCode(name) !== undefined ||
    isModelled(name)
  );
}

/** SPEC section 4: only these folders keep a command word's name (`/usr/bin/git` is git). */
export const SYSTEM_BIN = new Set([
  "/bin",
  "/sbin",
  "/usr/bin",
  "/usr/sbin",
  "/usr/local/bin",
  "/usr/local/sbin",
  "/opt/homebrew/bin",
  "/opt/homebrew/sbin",
  "/run/current-system/sw/bin",
]);

/**
 * A command word that is a path, resolved like an operand: in a standard system folder it
 * keeps its name (`../../../../bin/rm` from the project is rm); anywhere else it stays a path
 * (`./build.sh`, `/tmp/evil/ls`), which runs that file (`finish` emits a read of it).
 */
export function commandName(word: string, cwd = "/"): string {
  if (!word.includes("/")) return word;
  const abs = posix.resolve(cwd, word);
  if (SYSTEM_BIN.has(posix.dirname(abs))) return posix.basename(abs);
  // A project's own tool (`./node_modules/.bin/eslint`, `.venv/bin/pytest`) is that tool:
  // its model judges its options. An unmodelled one is then unknown, not "a project file".
  if (/(^|\/)(node_modules\/\.bin|\.?venv\/bin)$/.test(posix.dirname(abs)))
    return posix.basename(abs);
  return word;
}

export function isProjectFile(name: string): boolean {
  return name.includes("/");
}
