/**
 * The one glob of the engine, for `tools` and `commands` rules: `*` is any run of characters
 * and, when `question` is set, `?` is exactly one; every other character is itself. It never
 * throws: a character is escaped only when it is a regular-expression syntax character, the
 * only escapes the `u` flag accepts (`\-` is a syntax error under `u`, so `-` stays as it is).
 */
const syntax = /[\\^$.*+?()[\]{}|/]/gu;

export interface GlobOptions {
  /** `?` matches one character (tool names); otherwise it is literal (command tokens). */
  question?: boolean;
}

export function globSource(glob: string, options: GlobOptions = {}): string {
  let source = "";
  // By code point, so a `?` never matches half of a surrogate pair.
  for (const ch of glob) {
    if (ch === "*") source += "[^]*";
    else if (ch === "?" && options.question === true) source += "[^]";
    else source += ch.replace(syntax, "\\$&");
  }
  return source;
}

/** Compiled once, at engine creation; anchored at both ends, case-sensitive. */
export function globToRegExp(glob: string, options: GlobOptions = {}): RegExp {
  return new RegExp(`^${globSource(glob, options)}$`, "u");
}

/** Whether a glob has a wildcard at all (a pattern without one is a literal name). */
export function isGlob(glob: string, options: GlobOptions = {}): boolean {
  return glob.includes("*") || (options.question === true && glob.includes("?"));
}
