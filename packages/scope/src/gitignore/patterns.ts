import { toByteString } from "./bytes.js";

/** One line of an ignore file, after git's own clean-up, ready for `ignore`. */
export interface Pattern {
  /** The text handed to `ignore` (byte string, see bytes.ts). */
  text: string;
  negative: boolean;
  /** Contains a `/` before its end: matched against the whole path, from the root. */
  anchored: boolean;
  /** The literal start of an anchored pattern, up to its first wildcard (for short-cuts). */
  literalPrefix: string;
}

/**
 * Splits an ignore file the way git's `add_patterns_from_buffer` does: a leading BOM is
 * dropped, lines end at `\n` with one `\r` before it removed, `#` starts a comment only in the
 * first column, and trailing spaces are trimmed unless escaped (tabs are kept).
 */
export function gitLines(text: string): string[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines: string[] = [];
  for (const raw of body.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === "" || line.startsWith("#")) continue;
    const trimmed = trimTrailingSpaces(line);
    if (trimmed !== "") lines.push(trimmed);
  }
  return lines;
}

/** git's `trim_trailing_spaces`: a backslash protects the character after it. */
export function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === " ") {
      if (lastSpace === -1) lastSpace = i;
    } else if (char === "\\") {
      i += 1;
      if (i >= line.length) return line;
      lastSpace = -1;
    } else {
      lastSpace = -1;
    }
  }
  return lastSpace === -1 ? line : line.slice(0, lastSpace);
}

const globSpecial = new Set(["*", "?", "[", "\\"]);

// Turns one cleaned line into the patterns `ignore` must see to answer as git does. The
// divergences `ignore` documents are rewritten here:
// - `\/` inside a pattern is a plain `/` to git (it anchors the pattern and can border a
//   `**`); `ignore` keeps it as a literal that neither anchors nor makes a globstar.
// - A run of `*` right after a literal prefix (`a**/b`, `x/a**`) is a globstar to git, because
//   git strips the literal prefix before wildmatch sees the run. It becomes two patterns with
//   the same meaning that `ignore` reads as git does: `a**/b` becomes `/a*` + `/**/b` (one
//   pattern) plus `/ab`.
// A line that can never match in git (it starts with `\/`: no path starts with a slash) is
// dropped, whatever its sign.
export function compileLine(line: string): Pattern[] {
  const negative = line.startsWith("!");
  let body = negative ? line.slice(1) : line;
  if (body.startsWith("\\/")) return [];
  body = unescapeInnerSlashes(body);
  const directoryOnly = body.endsWith("/") && !isEscapedAt(body, body.length - 1);
  const core = directoryOnly ? body.slice(0, -1) : body;
  const sign = negative ? "!" : "";
  const tail = directoryOnly ? "/" : "";
  return expandPrefixGlobstar(core).map((text) =>
    describe(`${sign}${text}${tail}`, negative, text),
  );
}

function describe(full: string, negative: boolean, core: string): Pattern {
  const anchored = core.includes("/");
  const unrooted = core.startsWith("/") ? core.slice(1) : core;
  let literalPrefix = "";
  for (const char of unrooted) {
    if (globSpecial.has(char)) break;
    literalPrefix += char;
  }
  return {
    text: toByteString(full),
    negative,
    anchored,
    literalPrefix: toByteString(literalPrefix),
  };
}

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
function isEscapedAt(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) count += 1;
  return count % 2 === 1;
}

function unescapeInnerSlashes(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === "\\" && i + 1 < body.length) {
      const next = body[i + 1];
      // A final `\/` is git's directory marker after a lone backslash: leave it to `ignore`,
      // which already treats that pattern as matching nothing, like git.
      if (next === "/" && i > 0 && i + 2 < body.length) {
        out = globstarBeforeEscapedSlash(out) ?? `${out}/`;
      } else {
        out += char + next;
      }
      i += 1;
      continue;
    }
    out += char;
  }
  return out;
}

// git reads a globstar run followed by an escaped slash as a globstar, but without its
// zero-folder short-cut (wildmatch takes that only for a plain slash): "x/" + "**" + "\/b"
// matches `x/y/b` and not `x/b`. In `ignore` syntax that is a one-star segment followed by a
// globstar segment. Returns the rewritten text so far, or undefined when the run before the
// slash is not a globstar (then the escaped slash is just a slash).
function globstarBeforeEscapedSlash(out: string): string | undefined {
  let run = 0;
  while (run < out.length && out[out.length - 1 - run] === "*") run += 1;
  if (run < 2) return undefined;
  const before = out.slice(0, out.length - run);
  const unrooted = before.startsWith("/") ? before.slice(1) : before;
  // Eligible like git: the run starts a segment, or follows the literal prefix git strips.
  const startsSegment = before === "" || before.endsWith("/");
  const afterLiteralPrefix = ![...unrooted].some((c) => globSpecial.has(c));
  if (!startsSegment && !afterLiteralPrefix) return undefined;
  return `${before}*/**/`;
}

/** `core` has no directory marker. Applies the prefix-globstar rewrite until none is left. */
function expandPrefixGlobstar(core: string): string[] {
  const rooted = core.startsWith("/");
  const unrooted = rooted ? core.slice(1) : core;
  // A pattern without a slash is matched against the basename, where `**` is just `*`.
  if (!unrooted.includes("/")) return [core];
  let prefixEnd = 0;
  while (prefixEnd < unrooted.length && !globSpecial.has(unrooted[prefixEnd] as string)) {
    prefixEnd += 1;
  }
  const prefix = unrooted.slice(0, prefixEnd);
  if (prefix === "" || prefix.endsWith("/")) return [core];
  let runEnd = prefixEnd;
  while (unrooted[runEnd] === "*") runEnd += 1;
  if (runEnd - prefixEnd < 2) return [core];
  const rest = unrooted.slice(runEnd);
  if (rest === "") return [`/${prefix}*`, `/${prefix}*/**`];
  if (!rest.startsWith("/")) return [core];
  const after = rest.slice(1);
  return [`/${prefix}*/**/${after}`, ...expandPrefixGlobstar(`/${prefix}${after}`)];
}
