import { isAbsolute, relative, sep } from "node:path";

/**
 * `path.relative`-style containment, never a string prefix (`/repo-evil` is not in `/repo`),
 * case-folded where the file system is case-insensitive.
 */
export function makeWithin(caseSensitive: boolean) {
  return (parent: string, child: string): boolean => {
    const a = caseSensitive ? parent : parent.toLowerCase();
    const b = caseSensitive ? child : child.toLowerCase();
    const rel = relative(a, b);
    return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  };
}
