import { sep } from "node:path";

/**
 * Containment of two absolute, normalised paths (the scope's `absolute` and `real` are both),
 * by separator-aware prefix, never a bare string prefix (`/repo-evil` is not in `/repo`),
 * case-folded where the file system is case-insensitive. On normalised paths this is exactly
 * `path.relative`-style containment, without its cost on the hot path.
 */
export function makeWithin(caseSensitive: boolean) {
  return (parent: string, child: string): boolean => {
    const a = caseSensitive ? parent : parent.toLowerCase();
    const b = caseSensitive ? child : child.toLowerCase();
    if (a === b) return true;
    const base = a.endsWith(sep) ? a : a + sep;
    return b.startsWith(base);
  };
}
