import { accessSync, constants, existsSync, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/** The form for a project's own install: Claude Code sets $CLAUDE_PROJECT_DIR for every hook. */
export const PROJECT_HOOK_COMMAND =
  '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/automode hook claude-code';

export type Resolved = { ok: true; command: string; how: string } | { ok: false; problem: string };

/**
 * The hook command init writes, resolved now rather than left to Claude Code's PATH: a bare
 * `automode` that is not found exits 127, and Claude Code runs the tool when a hook exits with
 * anything but 0 or 2. So: the project's own install (started directly; npx costs a few
 * hundred milliseconds per tool call), else the absolute path of the `automode` on PATH,
 * else nothing and a reason.
 */
export function resolveHookCommand(root: string, env: NodeJS.ProcessEnv): Resolved {
  if (existsSync(join(root, "node_modules", ".bin", "automode"))) {
    return { ok: true, command: PROJECT_HOOK_COMMAND, how: "the project's node_modules/.bin" };
  }
  const found = onPath("automode", env);
  if (found === undefined) {
    return {
      ok: false,
      problem:
        "automode is neither installed in this project (node_modules/.bin/automode) nor on PATH, so Claude Code could not run the hook; install it (npm install --save-dev automode) and run init again, or name it with --hook-command",
    };
  }
  // npx and pnpm dlx run from a cache that is cleaned later; a hook pointing there would one
  // day exit 127, and Claude Code would then let every tool run.
  if (/[\\/](_npx|dlx[^\\/]*)[\\/]/.test(found)) {
    return {
      ok: false,
      problem: `automode runs from a temporary cache (${found}) that is cleaned later; install it in the project (npm install --save-dev automode) or globally (npm install --global automode) and run init again`,
    };
  }
  return { ok: true, command: `${shellQuote(found)} hook claude-code`, how: "PATH" };
}

/** The first executable file called `name` in PATH's folders, as `command -v` finds it. */
export function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "" || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** A word for `sh -c`: left as it is when it holds only plain characters. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
