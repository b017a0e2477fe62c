import { STARTER_CLAUDEIGNORE } from "./templates.js";

/**
 * The starter .claudeignore, or the user's with the credential patterns it lacks appended
 * under a comment. Only whole lines are compared, so running init again adds nothing.
 */
export function mergeClaudeignore(original: string | undefined): { text: string; added: string[] } {
  const wanted = STARTER_CLAUDEIGNORE.split("\n").filter(
    (line) => line !== "" && !line.startsWith("#"),
  );
  if (original === undefined) return { text: STARTER_CLAUDEIGNORE, added: wanted };
  // A byte order mark (Windows editors) is not part of the first pattern, as git reads it.
  const have = new Set(
    original
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .map((line) => line.trim()),
  );
  const added = wanted.filter((line) => !have.has(line));
  if (added.length === 0) return { text: original, added };
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  const base = original === "" || original.endsWith("\n") ? original : `${original}${eol}`;
  return {
    text: `${base}${eol}# added by automode init: credentials the agent may never touch${eol}${added.join(eol)}${eol}`,
    added,
  };
}
