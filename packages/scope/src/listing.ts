import * as nodeFs from "node:fs";
import { type FileKind, type FileSystem, nodeFileSystem } from "./file-system.js";

/** One folder entry and what `lstat` would say it is (undefined: gone or unreadable). */
export interface ListedEntry {
  name: string;
  kind: FileKind | undefined;
}

/**
 * A file system that can list a folder with the kind of each entry in one call (as
 * `readdir(..., { withFileTypes: true })` does from the entry's `d_type`), sparing an `lstat`
 * per entry. Optional: a host without it is listed name by name.
 */
export interface TypedListing {
  readdirTyped(path: string): ListedEntry[] | undefined;
}

function kindOfDirent(entry: nodeFs.Dirent): FileKind {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isDirectory()) return "directory";
  if (entry.isFile()) return "file";
  return "other";
}

/** The entries of a folder with their kinds; undefined when it cannot be listed. */
export function listFolder(fs: FileSystem, path: string): ListedEntry[] | undefined {
  const typed = (fs as Partial<TypedListing>).readdirTyped;
  if (typeof typed === "function") return typed.call(fs, path);
  if (fs === nodeFileSystem) {
    try {
      // Node fills in an unknown `d_type` (some file systems report none) with an lstat.
      return nodeFs
        .readdirSync(path, { withFileTypes: true })
        .map((entry) => ({ name: entry.name, kind: kindOfDirent(entry) }));
    } catch {
      return undefined;
    }
  }
  const names = fs.readdir(path);
  if (names === undefined) return undefined;
  return names.map((name) => ({
    name,
    kind: fs.lstat(path === "/" ? `/${name}` : `${path}/${name}`),
  }));
}
