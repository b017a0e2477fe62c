import { posix } from "node:path";
import type { FileSystem } from "./fs.js";
import { hasGlob, unescapePattern } from "./words.js";

/** Beyond this many matches the expansion is cut and the caller is told (fail closed). */
export const MAX_MATCHES = 2000;

export interface GlobResult {
  matches: string[];
  truncated: boolean;
}

/**
 * Expands a glob the way bash does without `dotglob`/`globstar`: segment by segment from the
 * cwd, `*`/`?`/`[…]` never match a leading dot, results sorted. Paths come back as written
 * (relative stays relative). Empty when nothing matches: bash then keeps the literal word.
 */
export function expandGlob(pattern: string, cwd: string, fs: FileSystem): GlobResult {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/");
  let paths: string[] = [absolute ? "/" : ""];
  let truncated = false;
  for (let i = absolute ? 1 : 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    const last = i === segments.length - 1;
    if (seg === "") {
      // `a//b` or a trailing slash: bash keeps only directories for a trailing slash.
      if (last) paths = paths.filter((p) => isDir(fs, cwd, p));
      continue;
    }
    const next: string[] = [];
    if (!hasGlob(seg)) {
      const lit = unescapePattern(seg);
      for (const p of paths) {
        const candidate = join(p, lit);
        if (
          last ? fs.lstat(posix.resolve(cwd, candidate)) !== undefined : isDir(fs, cwd, candidate)
        )
          next.push(candidate);
      }
    } else {
      const re = segmentRegExp(seg);
      for (const p of paths) {
        const dir = posix.resolve(cwd, p === "" ? "." : p);
        const names = fs.readdir(dir);
        if (!names) continue;
        const sorted = [...names].sort();
        for (const name of sorted) {
          if (name.startsWith(".") && !seg.startsWith(".") && !seg.startsWith("\\.")) continue;
          if (!re.test(name)) continue;
          const candidate = join(p, name);
          if (!last && !isDir(fs, cwd, candidate)) continue;
          next.push(candidate);
          if (next.length >= MAX_MATCHES) {
            truncated = true;
            break;
          }
        }
        if (truncated) break;
      }
    }
    paths = next;
    if (paths.length === 0) break;
  }
  if (pattern.endsWith("/")) paths = paths.map((p) => (p.endsWith("/") ? p : `${p}/`));
  return { matches: paths, truncated };
}

function join(base: string, name: string): string {
  if (base === "") return name;
  if (base.endsWith("/")) return base + name;
  return `${base}/${name}`;
}

function isDir(fs: FileSystem, cwd: string, p: string): boolean {
  const abs = posix.resolve(cwd, p === "" ? "." : p);
  const kind = fs.lstat(abs);
  if (kind === "directory") return true;
  if (kind === "symlink") {
    const real = fs.realpath(abs);
    return real !== undefined && fs.lstat(real) === "directory";
  }
  return false;
}

/** One path segment of a glob as an anchored regular expression. */
export function segmentRegExp(seg: string): RegExp {
  let re = "^";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === "\\" && i + 1 < seg.length) {
      re += escapeRe(seg[i + 1] as string);
      i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = classEnd(seg, i);
      if (end < 0) re += "\\[";
      else {
        let body = seg.slice(i + 1, end);
        let negate = false;
        if (body.startsWith("!") || body.startsWith("^")) {
          negate = true;
          body = body.slice(1);
        }
        body = body.replace(/\\(.)/g, "$1").replace(/[\]\\^]/g, "\\$&");
        re += negate ? `[^/${body}]` : `[${body}]`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`${re}$`, "s");
}

function classEnd(seg: string, start: number): number {
  let j = start + 1;
  if (seg[j] === "!" || seg[j] === "^") j++;
  if (seg[j] === "]") j++;
  for (; j < seg.length; j++) {
    if (seg[j] === "\\") j++;
    else if (seg[j] === "]") return j;
  }
  return -1;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
