/**
 * Compiles a glob where `*` is any run of characters (and, when `question` is set, `?` is one
 * character); everything else is literal. Regexes are built once, at engine creation.
 */
export function globToRegExp(glob: string, options: { question?: boolean; flags?: string } = {}) {
  let source = "";
  for (const ch of glob) {
    if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?" && options.question) source += "[\\s\\S]";
    else source += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, options.flags ?? "u");
}
