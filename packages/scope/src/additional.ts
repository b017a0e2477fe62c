import { isWithin } from "./keys.js";
import { isSystemPath } from "./locations.js";

/**
 * Top-level folders too wide or too shared to be "part of the project" (SPEC section 2: `/`,
 * system folders). The folder itself is refused; a folder below it (`/tmp/shared`) is a
 * choice the person made. `/proc`, `/sys` and `/dev` are refused with everything below them.
 */
const tooWide = [
  "/tmp",
  "/var",
  "/var/tmp",
  "/private",
  "/private/tmp",
  "/private/var",
  "/home",
  "/Users",
  "/Volumes",
  "/opt",
  "/srv",
  "/mnt",
  "/media",
  "/run",
  "/root",
  "/nix",
];
const pseudo = ["/proc", "/sys", "/dev"];

export interface DirectoryFacts {
  /** Keys (case-folded where the file system folds case) of the entry, as written and real. */
  keys: string[];
  /** Keys of the project root (given and real) and of the home folder (given and real). */
  rootKeys: string[];
  homeKeys: string[];
  caseSensitive: boolean;
}

/**
 * Why an `additionalDirectories` entry makes the policy invalid, or undefined when it may
 * stand: `/`, the home folder, a folder holding the project or the home folder, a system
 * folder, or one of the wide shared folders above. Judged on the path as written and as
 * resolved, so a link to `/` is `/`.
 */
export function additionalDirectoryProblem(facts: DirectoryFacts): string | undefined {
  const { keys, caseSensitive } = facts;
  const fold = (p: string) => (caseSensitive ? p : p.toLowerCase());
  for (const key of keys) {
    if (key === "/") return "it is the root folder /";
    if (facts.homeKeys.includes(key)) return "it is the home folder";
    if (facts.rootKeys.some((root) => isWithin(key, root))) {
      return "it holds the project itself";
    }
    if (isSystemPath(key, caseSensitive)) return "it is a system folder";
    if (tooWide.some((wide) => fold(wide) === key)) return `${key} is shared by the whole machine`;
    if (pseudo.some((p) => isWithin(fold(p), key))) return "it is a kernel pseudo-file system";
    if (facts.homeKeys.some((home) => isWithin(key, home))) return "it holds the home folder";
  }
  return undefined;
}
