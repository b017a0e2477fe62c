import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import * as nodeFs from "node:fs";
import * as path from "node:path";
import type { ContainsStore } from "./contains.js";
import type { LinkStamp, RecordedAnswer, Stamp } from "./contains-record.js";
import type { FileKind } from "./file-system.js";

/**
 * The I/O edge of kept `containsIgnored` answers for the command hook (a fresh process per
 * tool call): one small file per question in the user's state folder, signed with a key kept in
 * automode's config folder. Both folders are credential stores to scope, so no agent action
 * automode approves can read or write them; the signature makes a planted or edited file worth
 * nothing anyway (it is read as "nothing kept", and the folder is walked). Nothing here decides:
 * the scope uses an answer only when every time it recorded still matches the disk.
 */
export interface AnswerFileOptions {
  /** The folder for the answers (created 0700), e.g. `~/.local/state/automode/contains`. */
  directory: string;
  /** The signing key (32 random bytes, created 0600 when missing), in the config folder. */
  keyFile: string;
  /** Answer files kept; past it the oldest are removed (default 64). */
  maxFiles?: number;
  /** Largest answer file written or read (default 8 MiB); a larger answer is not kept. */
  maxBytes?: number;
}

export const defaultMaxAnswerFiles = 64;
export const defaultMaxAnswerBytes = 8 * 1024 * 1024;

const nofollow = nodeFs.constants.O_NOFOLLOW ?? 0;
const keyBytes = 32;
const kinds: ReadonlyArray<FileKind> = ["file", "directory", "symlink", "other"];

/**
 * A `ContainsStore` over files. Nothing is read until the first question (a decision that asks
 * none pays nothing). Every failure (a folder or file owned by someone else or writable by
 * others, a symlink, a bad signature, a malformed or foreign file, a full disk) means "nothing
 * kept" or "not kept": the answer is then computed by walking, never taken on trust.
 */
export function answerFileStore(options: AnswerFileOptions): ContainsStore {
  const maxFiles = options.maxFiles ?? defaultMaxAnswerFiles;
  const maxBytes = options.maxBytes ?? defaultMaxAnswerBytes;
  let key: Buffer | null | undefined;
  const signingKey = (): Buffer | null => {
    if (key === undefined) key = loadKey(options.keyFile);
    return key;
  };
  const fileOf = (storeKey: string) =>
    path.join(
      options.directory,
      `${createHash("sha256").update(storeKey).digest("hex").slice(0, 40)}.json`,
    );

  return {
    load(storeKey) {
      const secret = signingKey();
      if (secret === null || !safeFolder(options.directory)) return undefined;
      const text = readOwn(fileOf(storeKey), maxBytes);
      if (text === undefined) return undefined;
      const newline = text.indexOf("\n");
      if (newline !== 64) return undefined;
      const body = text.slice(newline + 1);
      const given = Buffer.from(text.slice(0, newline), "hex");
      const expected = createHmac("sha256", secret).update(body).digest();
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        return decode(JSON.parse(body), storeKey);
      } catch {
        return undefined;
      }
    },
    save(storeKey, recorded) {
      const secret = signingKey();
      if (secret === null) return;
      try {
        nodeFs.mkdirSync(options.directory, { recursive: true, mode: 0o700 });
        if (!safeFolder(options.directory)) return;
        const body = JSON.stringify(encode(recorded, storeKey));
        if (body.length + 65 > maxBytes) return;
        const mac = createHmac("sha256", secret).update(body).digest("hex");
        const final = fileOf(storeKey);
        const tmp = path.join(
          options.directory,
          `.${path.basename(final)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`,
        );
        writeNew(tmp, `${mac}\n${body}`);
        // Whole or not at all: a reader sees the old file or the new one.
        nodeFs.renameSync(tmp, final);
        evict(options.directory, maxFiles, path.basename(final));
      } catch {
        // Not kept: the next question walks again.
      }
    },
  };
}

/** The key, created when missing; null when it cannot be trusted or made. */
function loadKey(file: string): Buffer | null {
  const existing = readKey(file);
  if (existing !== undefined) return existing;
  try {
    nodeFs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
    writeNew(tmp, randomBytes(keyBytes));
    try {
      // `link` fails when another process made the key first: theirs is the key.
      nodeFs.linkSync(tmp, file);
    } catch {
      // Read below.
    } finally {
      nodeFs.unlinkSync(tmp);
    }
  } catch {
    return null;
  }
  return readKey(file) ?? null;
}

function readKey(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(file, nodeFs.constants.O_RDONLY | nofollow);
    const stat = nodeFs.fstatSync(fd);
    // A key others can read or write signs nothing: ignore it (and keep nothing).
    if (!stat.isFile() || !ownedByMe(stat) || (stat.mode & 0o077) !== 0) return undefined;
    if (stat.size !== keyBytes) return undefined;
    const buffer = Buffer.alloc(keyBytes);
    return nodeFs.readSync(fd, buffer, 0, keyBytes, 0) === keyBytes ? buffer : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}

function ownedByMe(stat: nodeFs.Stats): boolean {
  return typeof process.getuid === "function" && stat.uid === process.getuid();
}

/** The folder is ours, a real folder, and nobody else may write in it. */
function safeFolder(folder: string): boolean {
  try {
    const stat = nodeFs.lstatSync(folder);
    return stat.isDirectory() && ownedByMe(stat) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** A file of ours, never through a link, not writable by others, not too large. */
function readOwn(file: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(file, nodeFs.constants.O_RDONLY | nofollow);
    const stat = nodeFs.fstatSync(fd);
    if (!stat.isFile() || !ownedByMe(stat) || (stat.mode & 0o022) !== 0) return undefined;
    if (stat.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(stat.size);
    const read = nodeFs.readSync(fd, buffer, 0, stat.size, 0);
    return buffer.toString("utf8", 0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}

function writeNew(file: string, data: string | Buffer): void {
  const fd = nodeFs.openSync(
    file,
    nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL | nofollow,
    0o600,
  );
  try {
    // Loops: one write may be short for a large answer.
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length; ) at += nodeFs.writeSync(fd, bytes, at);
  } finally {
    nodeFs.closeSync(fd);
  }
}

/**
 * Keeps the newest `maxFiles` answer files, the one just written among them, and removes
 * temporary files a crashed writer left (older than ten minutes).
 */
function evict(folder: string, maxFiles: number, written: string): void {
  const listed = nodeFs.readdirSync(folder);
  for (const name of listed) {
    if (!name.endsWith(".tmp")) continue;
    const file = path.join(folder, name);
    const age = Date.now() - (nodeFs.lstatSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > 600_000) nodeFs.rmSync(file, { force: true });
  }
  const names = listed.filter((n) => n.endsWith(".json"));
  if (names.length <= maxFiles) return;
  const aged = names
    .filter((name) => name !== written)
    .map((name) => {
      const file = path.join(folder, name);
      return { file, mtime: nodeFs.lstatSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
    })
    .sort((a, b) => a.mtime - b.mtime);
  for (const { file } of aged.slice(0, aged.length - (maxFiles - 1))) {
    nodeFs.rmSync(file, { force: true });
  }
}

/**
 * On disk: stamps with their paths front-coded (the walk lists folders depth first, so each path
 * shares most of the previous one), `[shared, rest, ino, mtime, ctime - mtime, size]` or
 * `[shared, rest, names]` for a folder kept by its listing.
 */
type StampRow = [number, string, number, number, number, number] | [number, string, string];

interface AnswerFile {
  v: 1;
  key: string;
  answer: RecordedAnswer["answer"];
  stamps: StampRow[];
  links: Array<[string, string | null, number]>;
}

function encode(recorded: RecordedAnswer, storeKey: string): AnswerFile {
  let previous = "";
  const stamps = recorded.stamps.map((stamp): StampRow => {
    let shared = 0;
    const limit = Math.min(previous.length, stamp.path.length);
    while (shared < limit && previous.charCodeAt(shared) === stamp.path.charCodeAt(shared)) {
      shared += 1;
    }
    const rest = stamp.path.slice(shared);
    previous = stamp.path;
    if (stamp.names !== undefined) return [shared, rest, stamp.names];
    return [shared, rest, stamp.ino, stamp.mtime, stamp.ctime - stamp.mtime, stamp.size];
  });
  return {
    v: 1,
    key: storeKey,
    answer: recorded.answer,
    stamps,
    links: recorded.links.map((l) => [
      l.path,
      l.target,
      l.kind === null ? -1 : kinds.indexOf(l.kind),
    ]),
  };
}

const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

/** The recorded answer, or undefined for anything not exactly this format and key. */
function decode(data: unknown, storeKey: string): RecordedAnswer | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const file = data as Partial<AnswerFile>;
  if (file.v !== 1 || file.key !== storeKey) return undefined;
  const answer = file.answer;
  if (
    typeof answer !== "object" ||
    answer === null ||
    !(
      answer.kind === "clean" ||
      answer.kind === "ignored" ||
      (answer.kind === "too-large" && isInt(answer.entries))
    )
  ) {
    return undefined;
  }
  if (!Array.isArray(file.stamps) || !Array.isArray(file.links)) return undefined;
  const stamps: Stamp[] = [];
  let previous = "";
  // A plain loop without allocations beyond the stamps: this runs once per folder of the tree.
  for (const row of file.stamps as unknown[][]) {
    if (!Array.isArray(row)) return undefined;
    const shared = row[0];
    const rest = row[1];
    if (!isInt(shared) || typeof rest !== "string" || shared < 0 || shared > previous.length) {
      return undefined;
    }
    const stampPath = shared === 0 ? rest : previous.slice(0, shared) + rest;
    previous = stampPath;
    if (row.length === 3) {
      const names = row[2];
      if (typeof names !== "string") return undefined;
      stamps.push({ path: stampPath, ino: 0, mtime: 0, ctime: 0, size: 0, names });
      continue;
    }
    const ino = row[2];
    const mtime = row[3];
    const delta = row[4];
    const size = row[5];
    if (row.length !== 6 || !isInt(ino) || !isInt(mtime) || !isInt(delta) || !isInt(size)) {
      return undefined;
    }
    stamps.push({ path: stampPath, ino, mtime, ctime: mtime + delta, size });
  }
  const links: LinkStamp[] = [];
  for (const row of file.links as unknown[]) {
    if (!Array.isArray(row) || row.length !== 3 || typeof row[0] !== "string") return undefined;
    const [linkPath, target, kind] = row as [string, unknown, unknown];
    if (target !== null && typeof target !== "string") return undefined;
    if (!isInt(kind) || kind < -1 || kind >= kinds.length) return undefined;
    links.push({ path: linkPath, target, kind: kind === -1 ? null : (kinds[kind] as FileKind) });
  }
  return {
    answer:
      answer.kind === "too-large"
        ? { kind: "too-large", entries: answer.entries }
        : { kind: answer.kind },
    stamps,
    links,
  };
}
