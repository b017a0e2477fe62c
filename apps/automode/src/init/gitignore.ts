import { IgnoreRules } from "@automode/scope";

/**
 * The project's .gitignore with the audit log added (its lock and moved-aside tails too: they
 * share its name as a prefix), or unchanged when it already ignores the log. The log records
 * every command the agent proposed; it is the user's, not the repository's. `relative` is the
 * log's path below the project root, `/`-separated.
 */
export function mergeGitignore(
  original: string | undefined,
  relative: string,
): { text: string; changed: boolean } {
  const before = original ?? "";
  if (IgnoreRules.fromText(before, false).ignores(relative, false)) {
    return { text: before, changed: false };
  }
  const eol = before.includes("\r\n") ? "\r\n" : "\n";
  const base = before === "" || before.endsWith("\n") ? before : `${before}${eol}`;
  const gap = base === "" ? "" : eol;
  return {
    text: `${base}${gap}# automode's audit log (written by the hook on every tool call)${eol}/${literalPattern(relative)}*${eol}`,
    changed: true,
  };
}

/** gitignore's special characters, taken literally. */
function literalPattern(path: string): string {
  return path.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/^ /, "\\ ");
}
