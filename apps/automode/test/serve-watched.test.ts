import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeFileSystem } from "@automode/scope";
import { afterAll, describe, expect, it } from "vitest";
import { WatchedFiles, watchingFileSystem } from "../src/serve/watched.js";

const root = mkdtempSync(join(tmpdir(), "automode-watched-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = () => {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  return dir;
};

describe("WatchedFiles", () => {
  it("sees a file read change, appear or vanish", () => {
    const dir = fresh();
    const file = join(dir, "policy.json");
    writeFileSync(file, "{}");
    const missing = join(dir, "later.txt");
    const watched = new WatchedFiles(10);
    watched.note(file, "content");
    watched.note(missing, "content");
    expect(watched.changed()).toBeUndefined();
    writeFileSync(file, '{"tier":"restrictive"}');
    expect(watched.changed()).toBe(file);
    const again = new WatchedFiles(10);
    again.note(missing, "content");
    writeFileSync(missing, "x");
    expect(again.fresh()).toBe(false);
  });

  it("by kind: a folder written into or a file appended to is no change, a replaced one is", () => {
    const dir = fresh();
    const folder = join(dir, "sub");
    mkdirSync(folder);
    const watched = new WatchedFiles(10);
    watched.note(folder, "kind");
    writeFileSync(join(folder, "new.txt"), "x");
    expect(watched.fresh()).toBe(true);
    renameSync(folder, join(dir, "old"));
    mkdirSync(folder);
    expect(watched.changed()).toBe(folder);
  });

  it("a listed folder changes when an entry is added", () => {
    const dir = fresh();
    const watched = new WatchedFiles(10);
    const fs = watchingFileSystem(nodeFileSystem, watched, {
      ignoreNames: new Set([".claudeignore"]),
      exclude: new Set(),
      building: () => false,
    });
    fs.readdir(dir);
    fs.lstat(join(dir, "nested", ".claudeignore"));
    fs.lstat(join(dir, "unrelated.txt")); // not building, not an ignore file: not noted
    expect(watched.size).toBe(2);
    writeFileSync(join(dir, ".env"), "SECRET=1");
    expect(watched.changed()).toBe(dir);
  });

  it("stops vouching past its limit", () => {
    const dir = fresh();
    const watched = new WatchedFiles(2);
    for (const name of ["a", "b", "c"]) watched.note(join(dir, name), "content");
    expect(watched.fresh()).toBe(false);
  });
});
