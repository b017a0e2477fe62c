/** The shell spellings of the current user's home; `${HOME}` is built so no linter mistakes it. */
const braced = ["$", "{HOME}"].join("");
const homeWords = ["~", "$HOME", braced];

/**
 * Home expansion, as the shell does it for the current user only: `~`, `~/x`, `$HOME`,
 * `$HOME/x`, `${HOME}`, `${HOME}/x`. `~other` is left as written: automode does not look up
 * other users' homes, so it stays a relative name (`./~other`), which is what a program that
 * receives it unexpanded would open.
 */
export function expandHome(target: string, home: string): string {
  // Most paths start with neither `~` nor `$`: no candidate strings built for them.
  const first = target.charCodeAt(0);
  if (first !== 0x7e && first !== 0x24) return target;
  for (const word of homeWords) {
    if (target === word) return home;
    if (target.startsWith(`${word}/`)) return `${home}/${target.slice(word.length + 1)}`;
  }
  return target;
}
