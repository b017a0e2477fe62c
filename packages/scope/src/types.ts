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
  /**
   * The command's standard input (`/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`): a program
   * given this path as a script runs whatever is fed to it (`bash /dev/stdin <<EOF`), so the
   * shell analysis treats it as a script fed into a shell. Absent otherwise.
   */
  stdin?: true;
  /**
   * Why nobody can tell which file the path names, when so: another process's
   * `/proc/<pid>/…`, an open descriptor (`/dev/fd/5`), a `..` that may climb into `/proc`.
   * `absolute` and `real` then hold the path as written (normalised), never resolved.
   */
  unknown?: string;
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
