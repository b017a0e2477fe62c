import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
