import { isAbsolute, join } from "node:path";

/**
 * Where a file-name glob (the Glob tool's `pattern`, the Grep tool's `glob`) can reach, for
 * judging it like any other read: the folder its literal leading segments name (`secrets/*`
 * lists inside `secrets/`, `/etc/*` inside `/etc`), and a few sample names it aims at
 * (`**∕.env*` aims at `.env`), which the hard limits then judge like any path. Samples are a
 * heuristic: `*` at the start of a name stands for `x` (a plain name, as globbers skip dot
 * files there), elsewhere for nothing; `?` for `x`; a class for its first member; braces are
 * expanded (up to 32 alternatives). A pattern written to dodge them still reaches only the
 * names of files, never their contents (Glob), or still reads only within the folder judged
 * recursively (Grep).
 */
export interface GlobReach {
  /** The literal leading segments, joined: the folder (or file) the pattern starts from. */
  base: string;
  /** Sample paths (relative to `base`'s parent folder, like `base`) the pattern aims at. */
  samples: string[];
  /**
   * Folders a `..` after a wildcard segment climbs to (`src`, then a wildcard, then `../../x`
   * reaches `x`): read like the base, since the literal prefix no longer bounds the pattern.
   */
  climbs: string[];
}

const meta = /[*?[\]{}]/u;
const MAX_ALTERNATIVES = 32;

/** `a{b,c}d` → `abd`, `acd`; nested braces, at most MAX_ALTERNATIVES results. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) {
      close = i;
      break;
    } else if (ch === "," && depth === 1) commas.push(i);
  }
  // An unbalanced or single-alternative brace is literal text to most globbers.
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const middle = pattern.slice(bounds[i]! + 1, bounds[i + 1]);
    for (const rest of expandBraces(`${head}${middle}${tail}`)) {
      if (out.length >= MAX_ALTERNATIVES) return out;
      out.push(rest);
    }
  }
  return out;
}

/** One name a segment matches: the narrowest plain spelling of it. */
function sampleSegment(segment: string): string {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === "*") {
      if (i === 0 && segment[1] !== "*") out += "x";
      while (segment[i + 1] === "*") i++;
    } else if (ch === "?") out += "x";
    else if (ch === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) {
        out += ch;
        continue;
      }
      const body = segment.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      out += negated ? (body.includes("x") ? "y" : "x") : (body[0] ?? "x");
      i = end;
    } else if (ch === "\\" && i + 1 < segment.length) {
      out += segment[++i];
    } else out += ch;
  }
  return out;
}

export function globReach(pattern: string): GlobReach {
  const absolute = isAbsolute(pattern);
  const segments = pattern.split("/");
  const literal: string[] = [];
  let i = 0;
  for (; i < segments.length; i++) {
    const segment = segments[i]!;
    if (meta.test(segment) || segment.startsWith("!")) break;
    literal.push(segment);
  }
  const base = (absolute ? "/" : "") + literal.filter((s) => s !== "").join("/") || ".";
  const rest = segments.slice(i).join("/");
  const samples = new Set<string>();
  const climbs = new Set<string>();
  if (rest !== "") {
    for (const alternative of expandBraces(rest)) {
      const segments = alternative.split("/").filter((s) => s !== "**" && s !== "");
      const parts = segments.map(sampleSegment).filter((s) => s !== "");
      if (parts.length > 0) samples.add(join(base, ...parts));
      const last = segments.lastIndexOf("..");
      if (last >= 0) climbs.add(join(base, ...segments.slice(0, last + 1).map(sampleSegment)));
    }
  }
  return { base, samples: [...samples], climbs: [...climbs] };
}
