/**
 * The file-system view the shell analyser needs, structurally identical to `FileSystem` in
 * `@automode/scope` (see ARCHITECTURE.md). Declared here because scope does not export it yet;
 * any object satisfying scope's interface satisfies this one.
 */
export type FileKind = "file" | "directory" | "symlink" | "other";

export interface FileSystem {
  lstat(path: string): FileKind | undefined;
  realpath(path: string): string | undefined;
  readdir(path: string): string[] | undefined;
  readFile(path: string): string | undefined;
}
