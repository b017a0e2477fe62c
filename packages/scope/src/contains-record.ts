import type { FileKind, FileSystem, FileTimes } from "./file-system.js";
import { listFolder } from "./listing.js";

export type LeaveOut = (name: string, kind: FileKind | undefined) => boolean;
/** For a folder automode's own lock files churn, which names to leave out of its listing. */
export type LockNames = (realFolder: string) => LeaveOut | undefined;

/**
 * One path a kept answer depends on, as it was seen before the walk read it: a folder whose
 * listing was read, a nested `.claudeignore` whose patterns were read, or one that was absent.
 * `ino` -1 means "was absent".
 */
export interface Stamp {
  path: string;
  ino: number;
  mtime: number;
  ctime: number;
  size: number;
  /**
   * For a folder whose times automode itself keeps changing (the audit log's folder, where
   * every decision takes a lock file; `.git`, where every git command does): its listing
   * instead, names and kinds, less those lock files (`listingOf`).
   */
  names?: string;
}

/** A folder listing as a stamp: sorted `kind:name`, less the names `leaveOut` says are locks. */
export function listingOf(
  entries: ReadonlyArray<{ name: string; kind: FileKind | undefined }>,
  leaveOut: (name: string, kind: FileKind | undefined) => boolean,
): string {
  const kept: string[] = [];
  for (const { name, kind } of entries) {
    if (!leaveOut(name, kind)) kept.push(`${kind ?? "?"}:${name}`);
  }
  return kept.sort().join("/");
}

/** A symlink the walk met: where it led (its real path, null when dangling) and to what. */
export interface LinkStamp {
  path: string;
  target: string | null;
  kind: FileKind | null;
}

/** The answer of one question and every path it depends on. */
export interface RecordedAnswer {
  answer: { kind: "clean" } | { kind: "ignored" } | { kind: "too-large"; entries: number };
  stamps: Stamp[];
  links: LinkStamp[];
}

/**
 * Times within this many milliseconds of the walk's start are "racy": a change made in the same
 * clock tick as the recorded one would leave the time unchanged (file systems keep times in
 * ticks of a few ms, HFS+ in seconds, FAT in two), so an answer depending on one is not kept.
 */
export const racyMilliseconds = 2_000;

/** Collects the stamps of one walk. */
export class Recorder {
  readonly stamps: Stamp[] = [];
  readonly links: LinkStamp[] = [];
  private readonly seen = new Set<string>();
  /** False once some dependency cannot be recorded, or is too recent to be trusted. */
  keepable: boolean;
  private readonly racyFrom: number;

  constructor(
    private readonly fs: FileSystem,
    startedAt: number,
    racy: number,
  ) {
    this.keepable = true;
    this.racyFrom = startedAt - racy;
  }

  /** Records `path` (a folder before it is listed, or an ignore file before it is read). */
  path(path: string): void {
    if (!this.keepable || this.seen.has(path)) return;
    this.seen.add(path);
    // Without times nothing can be checked: the host answers for freshness (see `stillValid`).
    if (typeof this.fs.times !== "function") return;
    const times = (this.fs.times as (p: string) => FileTimes | undefined)(path);
    if (times === undefined) {
      this.stamps.push({ path, ino: -1, mtime: 0, ctime: 0, size: 0 });
      return;
    }
    if (times.mtime >= this.racyFrom || times.ctime >= this.racyFrom) {
      this.keepable = false;
      return;
    }
    this.stamps.push({ path, ...times });
  }

  /** Records a folder by its listing (see `Stamp.names`): exact, so never racy. */
  listing(path: string, names: string): void {
    if (!this.keepable || this.seen.has(path)) return;
    this.seen.add(path);
    this.stamps.push({ path, ino: 0, mtime: 0, ctime: 0, size: 0, names });
  }

  has(path: string): boolean {
    return this.seen.has(path);
  }

  link(path: string, target: string | undefined, kind: FileKind | undefined): void {
    if (!this.keepable) return;
    this.links.push({ path, target: target ?? null, kind: kind ?? null });
  }

  /** The walk could not be recorded faithfully (the full walk, a budget run out on time). */
  refuse(): void {
    this.keepable = false;
  }
}

/**
 * Whether every recorded path is still as it was: the same inode, times and size, or still
 * absent; and every link still leads to the same place. Any difference: walk again.
 *
 * A file system without `times` records nothing, and its answers are kept for the scope's life
 * unchecked, as before answers were checked: such a host answers for freshness itself
 * (`automode serve` rebuilds its engine when anything it read changed). Such answers never go
 * to or come from a store (`ContainsIgnored`).
 */
export function stillValid(
  fs: FileSystem,
  recorded: RecordedAnswer,
  lockNames: LockNames = () => undefined,
): boolean {
  const times = fs.times;
  if (typeof times !== "function") return true;
  for (const stamp of recorded.stamps) {
    if (stamp.names !== undefined) {
      const leaveOut = lockNames(stamp.path);
      const listed = leaveOut === undefined ? undefined : listFolder(fs, stamp.path);
      if (listed === undefined || listingOf(listed, leaveOut as LeaveOut) !== stamp.names) {
        return false;
      }
      continue;
    }
    const now = times.call(fs, stamp.path);
    if (now === undefined) {
      if (stamp.ino !== -1) return false;
      continue;
    }
    if (
      now.ino !== stamp.ino ||
      now.mtime !== stamp.mtime ||
      now.ctime !== stamp.ctime ||
      now.size !== stamp.size
    ) {
      return false;
    }
  }
  for (const link of recorded.links) {
    const target = fs.realpath(link.path) ?? null;
    if (target !== link.target) return false;
    const kind = target === null ? null : (fs.lstat(target) ?? null);
    if (kind !== link.kind) return false;
  }
  return true;
}
