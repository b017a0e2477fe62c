import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFileSystem } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "scope-fs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("nodeFileSystem answers undefined instead of throwing, as FileSystem promises", () => {
  writeFileSync(join(dir, "file.txt"), "x");
  mkdirSync(join(dir, "folder"));
  symlinkSync("loop-b", join(dir, "loop-a"));
  symlinkSync("loop-a", join(dir, "loop-b"));

  it.each([
    ["a missing path", join(dir, "missing")],
    ["a file used as a folder (ENOTDIR)", join(dir, "file.txt", "inside")],
    ["a path through a symlink loop (ELOOP)", join(dir, "loop-a", "x")],
    ["a name longer than the system allows", join(dir, "n".repeat(5000))],
  ])("%s", (_what, path) => {
    expect(nodeFileSystem.lstat(path)).toBeUndefined();
    expect(nodeFileSystem.realpath(path)).toBeUndefined();
    expect(nodeFileSystem.readdir(path)).toBeUndefined();
    expect(nodeFileSystem.readFile(path)).toBeUndefined();
  });

  it("still tells what is there", () => {
    expect(nodeFileSystem.lstat(join(dir, "file.txt"))).toBe("file");
    expect(nodeFileSystem.lstat(join(dir, "folder"))).toBe("directory");
    expect(nodeFileSystem.lstat(join(dir, "loop-a"))).toBe("symlink");
  });
});

describe("nodeFileSystem.stat: device, inode and link count", () => {
  it("counts hard links and tells two names of one file by device and inode", () => {
    const a = join(dir, "id-a.txt");
    const b = join(dir, "id-b.txt");
    const c = join(dir, "id-c.txt");
    writeFileSync(a, "x");
    writeFileSync(c, "x");
    linkSync(a, b);
    const [sa, sb, sc] = [a, b, c].map((p) => nodeFileSystem.stat?.(p));
    expect(sa?.nlink).toBe(2);
    expect(sc?.nlink).toBe(1);
    expect([sa?.dev, sa?.ino]).toEqual([sb?.dev, sb?.ino]);
    expect(sa?.ino).not.toBe(sc?.ino);
    expect(nodeFileSystem.stat?.(join(dir, "missing"))).toBeUndefined();
    expect(nodeFileSystem.stat?.(join(dir, "folder"))?.kind).toBe("directory");
  });

  it("reuses the lstat just made of the same path only, and only once", () => {
    const a = join(dir, "reuse-a.txt");
    const b = join(dir, "reuse-b.txt");
    writeFileSync(a, "x");
    writeFileSync(b, "x");
    nodeFileSystem.lstat(a);
    // Another path: its own answer, not a's.
    expect(nodeFileSystem.stat?.(b)?.ino).toBe(statSync(b).ino);
    nodeFileSystem.lstat(a);
    expect(nodeFileSystem.stat?.(a)?.nlink).toBe(1);
    // The kept answer is gone after one use: a link made since is seen.
    linkSync(a, join(dir, "reuse-a2.txt"));
    expect(nodeFileSystem.stat?.(a)?.nlink).toBe(2);
  });
});
