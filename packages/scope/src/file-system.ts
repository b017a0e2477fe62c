import * as fs from "node:fs";

/** What `lstat` saw. A symlink is reported as itself, never as its target. */
export type FileKind = "file" | "directory" | "symlink" | "other";

/**
 * The file system as scope sees it. Synchronous on purpose: `engine.decide` is synchronous.
 * Every method answers `undefined` instead of throwing when the path is missing or unreadable,
 * so a test (or an in-memory host) can implement it in a few lines.
 */
export interface FileSystem {
  lstat(path: string): FileKind | undefined;
  /** The real path; `undefined` when missing (or a dangling link). */
  realpath(path: string): string | undefined;
  /** Entry names, without `.` and `..`. */
  readdir(path: string): string[] | undefined;
  readFile(path: string): string | undefined;
  /**
   * The raw target of a symlink. Optional (an addition to ARCHITECTURE.md's interface): without
   * it a dangling link cannot be followed, and scope treats the link itself as the target.
   */
  readlink?(path: string): string | undefined;
  /**
   * `lstat`'s identity fields: device, inode and link count (a symlink reports itself).
   * Optional: without it scope cannot see hard links, so an in-memory host without them
   * loses nothing. With it, a file with more than one link is compared by device and inode
   * against the protected and ignored files (see README, "File identity").
   */
  stat?(path: string): FileStat | undefined;
  /**
   * `lstat`'s inode, modification and change times and size, for the answers `containsIgnored`
   * keeps (see README, "Kept answers"). Optional: without it no answer is kept between two
   * questions (each question walks again).
   */
  times?(path: string): FileTimes | undefined;
}

/** What a kept answer records of a folder or file, to tell later whether it changed. */
export interface FileTimes {
  ino: number;
  /** Modification time, whole milliseconds (changes when a folder's entries change). */
  mtime: number;
  /** Status change time, whole milliseconds (changes with every modification, and `touch`). */
  ctime: number;
  size: number;
}

/** Who a file is, not what it is called: two names with the same `dev` and `ino` are one file. */
export interface FileStat {
  kind: FileKind;
  dev: number;
  ino: number;
  /** Names the file has (hard links); 1 for a file nobody linked. */
  nlink: number;
}

function kindOf(stats: fs.Stats): FileKind {
  if (stats.isSymbolicLink()) return "symlink";
  if (stats.isDirectory()) return "directory";
  if (stats.isFile()) return "file";
  return "other";
}

/**
 * The last `lstat` answer, for the `stat` that usually follows it at once: `classify` resolves
 * a path (whose last step is an `lstat` of it) and then asks its link count. One entry, used
 * once, within one synchronous call: it spares a system call, not a look at a changed disk.
 */
let lastLstat: { path: string; stats: fs.Stats } | undefined;

/** The real file system through `node:fs`. */
export const nodeFileSystem: FileSystem = {
  lstat(path) {
    try {
      // throwIfNoEntry spares the common miss an exception; ENOTDIR (a file used as a folder),
      // EACCES and ELOOP still throw, and mean "not there" too.
      const stats = fs.lstatSync(path, { throwIfNoEntry: false });
      lastLstat = stats === undefined ? undefined : { path, stats };
      return stats === undefined ? undefined : kindOf(stats);
    } catch {
      lastLstat = undefined;
      return undefined;
    }
  },
  realpath(path) {
    try {
      // The native realpath(3) resolves `..` physically, as the kernel does.
      return fs.realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
  readdir(path) {
    try {
      return fs.readdirSync(path);
    } catch {
      return undefined;
    }
  },
  readFile(path) {
    try {
      return fs.readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  readlink(path) {
    try {
      return fs.readlinkSync(path);
    } catch {
      return undefined;
    }
  },
  times(path) {
    try {
      const stats = fs.lstatSync(path, { throwIfNoEntry: false });
      if (stats === undefined) return undefined;
      return {
        ino: stats.ino,
        mtime: Math.floor(stats.mtimeMs),
        ctime: Math.floor(stats.ctimeMs),
        size: stats.size,
      };
    } catch {
      return undefined;
    }
  },
  stat(path) {
    try {
      const known = lastLstat;
      lastLstat = undefined;
      const stats =
        known !== undefined && known.path === path
          ? known.stats
          : fs.lstatSync(path, { throwIfNoEntry: false });
      if (stats === undefined) return undefined;
      // Numbers, not bigints: an inode above 2^53 could collide with another, which only
      // makes an unrelated file look protected (fail closed), and bigint stat costs more.
      return { kind: kindOf(stats), dev: stats.dev, ino: stats.ino, nlink: stats.nlink };
    } catch {
      return undefined;
    }
  },
};
