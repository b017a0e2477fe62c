/**
 * Comparison keys for paths. Two spellings of one file must compare equal: Unicode NFC
 * (macOS hands out NFD names, users type NFC) and, on a case-insensitive file system, case.
 * Folding keeps the string length so an offset found in a key is valid in the original.
 */
export function pathKey(path: string, caseSensitive: boolean): string {
  const nfc = isAscii(path) ? path : path.normalize("NFC");
  return caseSensitive ? nfc : foldCase(nfc);
}

/** A loop beats a regular expression here: most paths are short and all ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return false;
  }
  return true;
}

export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A few characters (e.g. "İ") lower-case into two code units; keep those as they are.
  let out = "";
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/**
 * Whether `child` is `dir` or lies under it. Both are absolute, normalised keys. This is
 * `path.relative` containment (`/repo-evil` is not in `/repo`): the separator after `dir` is
 * required, which a bare string prefix test would not do.
 */
export function isWithin(dir: string, child: string): boolean {
  if (child === dir) return true;
  if (dir === "/") return child.startsWith("/");
  return child.length > dir.length && child.startsWith(dir) && child[dir.length] === "/";
}

/** The part of `child` below `dir` ("" for `dir` itself), or undefined when it is not within. */
export function relativeWithin(
  dirKey: string,
  childKey: string,
  child: string,
): string | undefined {
  if (!isWithin(dirKey, childKey)) return undefined;
  if (childKey === dirKey) return "";
  const start = dirKey === "/" ? 1 : dirKey.length + 1;
  // NFC can shorten a string; then offsets in the key are not offsets in `child`, and the
  // key's own (normalised) spelling is used. Case folding never changes the length.
  return childKey.length === child.length ? child.slice(start) : childKey.slice(start);
}
