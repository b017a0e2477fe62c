/**
 * Concrete examples of what a pattern matches, so rules can ask the real matchers (scope,
 * engine) instead of comparing strings. The filler name is one no real pattern targets.
 */
export const filler = "automode-sample";

/** A path that a gitignore-style pattern matches (an approximation; wildcards become `filler`). */
export function samplePath(pattern: string): string {
  let path = pattern.replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) path += filler;
  return path
    .replace(/\*\*/g, filler)
    .replace(/\*/g, filler)
    .replace(/\?/g, "x")
    .replace(/\[!?\^?\\?(.)[^\]]*\]/g, "$1")
    .replace(/\\(.)/g, "$1");
}

/** Paths any "every path" pattern matches: top level, nested, deep, hidden. */
export const everyPathSamples = [filler, "src/index.ts", "deep/a/b/c.txt", ".hidden"] as const;

/** Whether a command-pattern token matches any word (`*`, `**`). */
export function wildcardToken(token: string): boolean {
  return /^\*+$/.test(token);
}

export function commandTokens(pattern: string): string[] {
  return pattern.trim().split(/\s+/);
}

/** A command line a token-prefix pattern matches: lone `*` tokens become `x`, `*` inside a token is dropped. */
export function sampleCommand(pattern: string): string {
  return commandTokens(pattern)
    .map((token) => (wildcardToken(token) ? "x" : token.replace(/\*/g, "")))
    .join(" ");
}
