/** A target path, resolved the way the operating system will. */
export interface ResolvedPath {
  /** The path as given. */
  input: string;
  /** Absolute, `~` expanded, `.` and `..` removed lexically: the path as written. */
  absolute: string;
  /**
   * Symlinks resolved (`..` after a link applied physically, as the kernel does). For a path
   * that does not exist yet: the real path of its nearest existing parent plus the rest.
   */
  real: string;
  exists: boolean;
  /** The real target is a directory (a link to a directory counts). */
  isDirectory: boolean;
}

export interface PathInfo extends ResolvedPath {
  /** Under the project root or an `additionalDirectories` entry (judged on the real path). */
  inside: boolean;
  /** Matched by the ignore file, as written or as resolved, itself or through a parent folder. */
  ignored: boolean;
  /** A credential store under the user's home, or `/proc/<pid>/environ` (SPEC section 5). */
  credential: boolean;
  /** Under a system location (SPEC section 5, stage 3). */
  system: boolean;
  /**
   * What keeps automode in charge (SPEC section 5, stage 2): the policy, every
   * `.claudeignore`, the audit log and its lock, Claude Code's settings, automode's installed
   * files, git hooks; by name at any depth, or as another name (hard link) of one.
   */
  selfProtected: boolean;
  /**
   * Why, when the path as written does not tell: "built-in baseline: the project has no
   * .claudeignore", or "it is another name (a hard link) of /repo/.env". For the reason.
   */
  note?: string;
}

/** Policy rule `paths`: gitignore patterns relative to the project root. */
export interface PathMatcher {
  matches(path: ResolvedPath): boolean;
}
