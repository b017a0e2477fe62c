import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { configDirectory } from "@automode/audit";
import { answerFileStore, type ContainsStore } from "@automode/scope";

/**
 * Where the command hook keeps "is anything ignored under this folder?" answers between its
 * processes: `$XDG_STATE_HOME/automode/contains` (else `~/.local/state/automode/contains`),
 * signed with `contains-cache.key` in automode's config folder. Both folders are credential
 * stores to scope (no agent action automode approves reads or writes them), and an answer is
 * used only while every time it recorded still matches (see the scope README, "Kept answers").
 */
export function containsCache(env: NodeJS.ProcessEnv = process.env): ContainsStore {
  const xdg = env.XDG_STATE_HOME;
  const state =
    xdg !== undefined && isAbsolute(xdg)
      ? join(xdg, "automode")
      : join(
          env.HOME !== undefined && isAbsolute(env.HOME) ? env.HOME : homedir(),
          ".local",
          "state",
          "automode",
        );
  return answerFileStore({
    directory: join(state, "contains"),
    keyFile: join(configDirectory(env), "contains-cache.key"),
  });
}
