import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Where `automode serve` keeps what it shares with its clients. Only `node:os` and `node:path`:
 * the thin client imports this on every tool call, so it must not pull in the audit package
 * (zod) for one folder name. `configFolder` must agree with `@automode/audit`'s
 * `configDirectory` (a test holds them together): the token sits beside the signing key, in
 * the folder the engine guards as a credential store.
 */
export function configFolder(env: NodeJS.ProcessEnv): string {
  const own = env.AUTOMODE_CONFIG_DIR;
  if (own !== undefined && own !== "") return own;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, "automode");
  return join(homedir(), ".config", "automode");
}

/** The user-only (0700) folder that holds the server's Unix socket. */
export function serveFolder(env: NodeJS.ProcessEnv): string {
  return join(configFolder(env), "serve");
}

/** `AUTOMODE_SOCKET` when set, else `<config>/serve/automode.sock`. */
export function socketPath(env: NodeJS.ProcessEnv): string {
  const own = env.AUTOMODE_SOCKET;
  return own !== undefined && own !== "" ? own : join(serveFolder(env), "automode.sock");
}

/** The token file the server creates at first start (mode 0600) when `AUTOMODE_TOKEN` is unset. */
export function tokenFile(env: NodeJS.ProcessEnv): string {
  return join(configFolder(env), "serve-token");
}

/** The loopback TCP port `automode serve` listens on unless told otherwise. */
export const defaultPort = 47283;

export const hookRoute = "/v1/hooks/claude-code";

/** The thin client's header: its flags and environment, as base64url JSON (see `ClientContext`). */
export const contextHeader = "x-automode-context";

/** What the HTTP hook can send: `$CLAUDE_PROJECT_DIR` when Claude Code's environment has it. */
export const projectDirHeader = "x-automode-project-dir";
