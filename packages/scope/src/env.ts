import * as os from "node:os";
import * as path from "node:path";
import type { FileSystem } from "./file-system.js";

/** What scope needs to know about the machine. Injected so tests never depend on the host. */
export interface ScopeEnv {
  /** The current user's home folder (the only one `~` expands to). */
  home: string;
  platform: NodeJS.Platform;
  /** Detected on the project root when absent. */
  caseSensitive?: boolean;
  /**
   * `$XDG_CONFIG_HOME` when set (absolute). automode's folder under it is a credential store,
   * as is `~/.config/automode` in any case.
   */
  configHome?: string;
  /**
   * `$XDG_STATE_HOME` when set (absolute). automode's folder under it (or `~/.local/state/
   * automode`) holds the command hook's kept answers: a credential store too, so no agent can
   * read or plant one.
   */
  stateHome?: string;
}

export function defaultEnv(): ScopeEnv {
  const env: ScopeEnv = { home: os.homedir(), platform: process.platform };
  const xdg = process.env.XDG_CONFIG_HOME;
  if (xdg !== undefined && path.posix.isAbsolute(xdg)) env.configHome = xdg;
  const state = process.env.XDG_STATE_HOME;
  if (state !== undefined && path.posix.isAbsolute(state)) env.stateHome = state;
  return env;
}

function swapCase(name: string): string {
  let out = "";
  for (const char of name) {
    const lower = char.toLowerCase();
    out += lower === char ? char.toUpperCase() : lower;
  }
  return out;
}

/**
 * Case sensitivity of the file system that holds `realRoot`, found by looking, not assumed from
 * the platform (a Linux box can mount a case-insensitive volume, a Mac can format a sensitive
 * one). The deepest component whose name has case is looked up with its case swapped: found,
 * and not listed under that spelling by its folder, means the file system folds case. A path
 * with no cased letter at all falls back to the platform's usual default.
 */
export function detectCaseSensitive(
  fs: FileSystem,
  realRoot: string,
  platform: NodeJS.Platform,
): boolean {
  let current = realRoot;
  while (current !== "/" && current !== path.posix.dirname(current)) {
    const parent = path.posix.dirname(current);
    const name = path.posix.basename(current);
    const swapped = swapCase(name);
    if (swapped !== name) {
      const probe = path.posix.join(parent, swapped);
      if (fs.lstat(probe) === undefined) return true;
      // Both spellings exist: two distinct entries on a case-sensitive file system.
      return fs.readdir(parent)?.includes(swapped) ?? false;
    }
    current = parent;
  }
  return platform !== "darwin" && platform !== "win32";
}
