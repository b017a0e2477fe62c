/**
 * A character no path can hold: byte strings (bytes.ts) are ASCII or U+E080–U+E0FF, and
 * U+E07F has no case, so a bracket member spelled with it matches nothing.
 */
const neverMatches = "\uE07F";

const isUpperAscii = (char: string | undefined) => char !== undefined && char >= "A" && char <= "Z";

/**
 * With `core.ignoreCase`, git's wildmatch lower-cases the path's character (ASCII only) but
 * compares it with a bracket expression's single members as written, so an upper-case member
 * (`[A]`, `[\A]`, `[!A]`, the `Z` of an out-of-order `[Z-A]`) matches neither `a` nor `A`.
 * Ranges fold both ways and POSIX classes already agree. `ignore` folds with the `i` regex
 * flag, so `[A]` would match both: such a member is replaced with one that matches nothing.
 * The bracket grammar is the one `ignore` and wildmatch share: a leading `!`/`^`, a first
 * member that may be `]`, `\` escapes one member, `x-y` is a range unless `y` is `]`, and
 * `[:name:]` is a class. An unterminated bracket is left as it is (it matches nothing).
 */
export function foldBracketMembers(text: string): string {
  if (!text.includes("[")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === "\\") {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (char === "[") {
      const bracket = rewriteBracket(text, i);
      if (bracket === undefined) return out + text.slice(i);
      out += bracket.text;
      i = bracket.end;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** The bracket at `start`, rewritten, and the index after its `]`; undefined if unterminated. */
function rewriteBracket(text: string, start: number): { text: string; end: number } | undefined {
  let i = start + 1;
  let out = "[";
  if (text[i] === "!" || text[i] === "^") out += text[i++];
  // The member a `-` can start a range from; "" after a range or class, as in wildmatch.
  let prev = "";
  for (;;) {
    const char = text[i];
    if (char === undefined) return undefined;
    if (char === "-" && prev !== "" && i + 1 < text.length && text[i + 1] !== "]") {
      const escaped = text[i + 1] === "\\";
      out += text.slice(i, i + (escaped ? 3 : 2));
      i += escaped ? 3 : 2;
      prev = "";
    } else if (char === "[" && text[i + 1] === ":") {
      const close = text.indexOf("]", i + 2);
      if (close === -1) return undefined;
      if (close > i + 2 && text[close - 1] === ":") {
        out += text.slice(i, close + 1);
        i = close + 1;
        prev = "";
      } else {
        out += char;
        i += 1;
        prev = char;
      }
    } else {
      const escaped = char === "\\";
      const member = escaped ? text[i + 1] : char;
      if (member === undefined) return undefined;
      const width = escaped ? 2 : 1;
      out +=
        isUpperAscii(member) && !startsRange(text, i + width, member)
          ? neverMatches
          : text.slice(i, i + width);
      i += width;
      prev = member;
    }
    if (text[i] === "]") return { text: `${out}]`, end: i + 1 };
  }
}

/**
 * Whether `from` (the member just read) starts a range at `at` that `ignore` keeps: an
 * in-order range covers `from` itself, folded both ways, as git's range test does. The lone
 * member of an out-of-order range still matches by itself in git, so it must be rewritten.
 */
function startsRange(text: string, at: number, from: string): boolean {
  if (text[at] !== "-" || at + 1 >= text.length || text[at + 1] === "]") return false;
  const to = text[at + 1] === "\\" ? text[at + 2] : text[at + 1];
  return to !== undefined && from <= to;
}
