/**
 * The hook's cache file (`answerFileStore`): what it writes is read back exactly; whatever it did
 * not write itself, or cannot trust, is read as "nothing kept". Real files in a temp folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { answerFileStore, type RecordedAnswer } from "../src/index.js";
import { tempDir } from "./support/temp.js";

const record: RecordedAnswer = {
  answer: { kind: "clean" },
  stamps: [
    { path: "/repo", ino: 11, mtime: 1_700_000_000_123, ctime: 1_700_000_000_456, size: 4096 },
    { path: "/repo/src", ino: 12, mtime: 1_700_000_000_000, ctime: 1_700_000_000_000, size: 10 },
    { path: "/repo/src/deep", ino: 13, mtime: 1, ctime: 2, size: 3 },
    { path: "/repo/.claude", ino: 0, mtime: 0, ctime: 0, size: 0, names: "file:audit.jsonl" },
    { path: "/repo/src/.claudeignore", ino: -1, mtime: 0, ctime: 0, size: 0 },
  ],
  links: [
    { path: "/repo/src/l", target: "/repo/lib", kind: "directory" },
    { path: "/repo/src/d", target: null, kind: null },
  ],
};

function setup() {
  const base = tempDir("scope-answer-file-");
  const directory = path.join(base, "state/automode/contains");
  const keyFile = path.join(base, "config/automode/contains-cache.key");
  const store = (extra: { maxFiles?: number; maxBytes?: number; keyFile?: string } = {}) =>
    answerFileStore({ directory, keyFile, ...extra });
  const only = () => {
    const names = fs.readdirSync(directory).filter((n) => n.endsWith(".json"));
    expect(names).toHaveLength(1);
    return path.join(directory, names[0] as string);
  };
  return { base, directory, keyFile, store, only };
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

describe("answerFileStore", () => {
  test("reads back what it wrote; another key name reads nothing", () => {
    const s = setup();
    s.store().save("k1", record);
    expect(s.store().load("k1")).toEqual(record);
    expect(s.store().load("k2")).toBeUndefined();
    const key = fs.statSync(s.keyFile);
    expect(key.mode & 0o777).toBe(0o600);
    expect(fs.statSync(s.directory).mode & 0o777).toBe(0o700);
    expect(fs.statSync(s.only()).mode & 0o777).toBe(0o600);
  });

  test("an edited answer (clean for ignored) fails its signature", () => {
    const s = setup();
    s.store().save("k", { ...record, answer: { kind: "ignored" } });
    const file = s.only();
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace('"kind":"ignored"', '"kind":"clean"'), { mode: 0o600 });
    expect(s.store().load("k")).toBeUndefined();
  });

  test("a file copied under another question's name is refused (the key is inside)", () => {
    const s = setup();
    s.store().save("a", record);
    const a = s.only();
    s.store().save("b", { ...record, answer: { kind: "ignored" } });
    const b = fs
      .readdirSync(s.directory)
      .map((n) => path.join(s.directory, n))
      .find((f) => f !== a) as string;
    fs.copyFileSync(a, b);
    expect(s.store().load("b")).toBeUndefined();
    expect(s.store().load("a")).toEqual(record);
  });

  test("signed garbage and truncated files are refused", () => {
    const s = setup();
    s.store().save("k", record);
    const file = s.only();
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.slice(0, text.length - 10));
    expect(s.store().load("k")).toBeUndefined();
    fs.writeFileSync(file, "not json at all");
    expect(s.store().load("k")).toBeUndefined();
  });

  test("a file writable by others, or a symlink at its name, is not read", () => {
    const s = setup();
    s.store().save("k", record);
    const file = s.only();
    fs.chmodSync(file, 0o620);
    expect(s.store().load("k")).toBeUndefined();
    fs.chmodSync(file, 0o600);
    expect(s.store().load("k")).toEqual(record);
    const real = path.join(s.base, "elsewhere.json");
    fs.renameSync(file, real);
    fs.symlinkSync(real, file);
    expect(s.store().load("k")).toBeUndefined();
  });

  test("a folder writable by others is neither read nor written", () => {
    const s = setup();
    s.store().save("k", record);
    fs.chmodSync(s.directory, 0o770);
    expect(s.store().load("k")).toBeUndefined();
    s.store().save("k2", record);
    expect(fs.readdirSync(s.directory)).toHaveLength(1);
  });

  test.runIf(asRoot)("a file or a key owned by someone else is not trusted", () => {
    const s = setup();
    s.store().save("k", record);
    const file = s.only();
    fs.chownSync(file, 4242, 4242);
    expect(s.store().load("k")).toBeUndefined();
    fs.chownSync(file, 0, 0);
    expect(s.store().load("k")).toEqual(record);
    fs.chownSync(s.keyFile, 4242, 4242);
    expect(s.store().load("k")).toBeUndefined();
  });

  test("a key others can read signs nothing: nothing is kept or read", () => {
    const s = setup();
    s.store().save("k", record);
    fs.chmodSync(s.keyFile, 0o640);
    expect(s.store().load("k")).toBeUndefined();
    s.store().save("k2", record);
    expect(fs.readdirSync(s.directory).filter((n) => n.endsWith(".json"))).toHaveLength(1);
  });

  test("an answer larger than the bound is not kept; past maxFiles the oldest go", () => {
    const s = setup();
    s.store({ maxBytes: 200 }).save("big", record);
    expect(fs.existsSync(s.directory) ? fs.readdirSync(s.directory) : []).toHaveLength(0);
    for (const k of ["1", "2", "3", "4", "5"]) s.store({ maxFiles: 3 }).save(k, record);
    expect(fs.readdirSync(s.directory).filter((n) => n.endsWith(".json"))).toHaveLength(3);
    expect(fs.readdirSync(s.directory).filter((n) => n.endsWith(".tmp"))).toHaveLength(0);
    expect(s.store().load("5")).toEqual(record);
    // A crashed writer's temporary file: removed by a later write once it is old.
    const stale = path.join(s.directory, ".x.json.1-abc.tmp");
    fs.writeFileSync(stale, "half");
    s.store({ maxFiles: 3 }).save("6", record);
    expect(fs.existsSync(stale)).toBe(true);
    fs.utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    s.store({ maxFiles: 3 }).save("7", record);
    expect(fs.existsSync(stale)).toBe(false);
  });
});
