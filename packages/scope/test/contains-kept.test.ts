/**
 * Kept `containsIgnored` answers (in the scope, and in the hook's signed cache file): used only
 * while every recorded time still matches. Real trees in temp folders; after each cached
 * "nothing ignored", the disk is changed as a person or another process would, and the next
 * answer must see it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import {
  answerFileStore,
  type ContainsStore,
  createScope,
  type FileSystem,
  nodeFileSystem,
  type RecordedAnswer,
  type ScopeOptions,
} from "../src/index.js";
import { makeTree, settle, tempDir } from "./support/temp.js";

/** The real file system, counting folder listings (a listing means the tree was walked). */
function countingFs(): FileSystem & { readdirs: number } {
  const counted = {
    ...nodeFileSystem,
    readdirs: 0,
    readdir(p: string) {
      counted.readdirs += 1;
      return nodeFileSystem.readdir(p);
    },
  };
  return counted;
}

function project(entries: string[], ignore: string | undefined) {
  const base = tempDir("scope-kept-");
  const root = path.join(base, "repo");
  makeTree(base, ["home/", ...entries.map((e) => `repo/${e}`)]);
  fs.mkdirSync(root, { recursive: true });
  if (ignore !== undefined) fs.writeFileSync(path.join(root, ".claudeignore"), ignore);
  settle();
  const files = countingFs();
  const make = (extra: Partial<ScopeOptions> = {}) =>
    createScope({
      projectRoot: root,
      fs: files,
      env: { home: path.join(base, "home"), platform: "linux" },
      containsRacyMilliseconds: 20,
      ...extra,
    });
  return { base, root, files, make };
}

const deep = ["src/a/b/c/d/x.ts", "src/a/b/y.ts", "lib/m/n/z.ts", "docs/readme.md"];

describe("kept answers in the scope", () => {
  test("a second question lists nothing while nothing changed", () => {
    const p = project(deep, ".env\n");
    const scope = p.make();
    expect(scope.containsAnswer(p.root)).toEqual({ kind: "clean" });
    const walked = p.files.readdirs;
    expect(scope.containsAnswer(p.root)).toEqual({ kind: "clean" });
    expect(p.files.readdirs).toBe(walked);
  });

  test("an ignored file created deep inside after a clean answer is seen", () => {
    const p = project(deep, ".env\n");
    const scope = p.make();
    expect(scope.containsIgnored(p.root)).toBe(false);
    expect(scope.containsIgnored(path.join(p.root, "src/a"))).toBe(false);
    fs.writeFileSync(path.join(p.root, "src/a/b/c/d/.env"), "SECRET=1");
    expect(scope.containsIgnored(p.root)).toBe(true);
    expect(scope.containsIgnored(path.join(p.root, "src/a"))).toBe(true);
    expect(scope.containsIgnored(path.join(p.root, "lib"))).toBe(false);
  });

  test("a clean folder above answers the folders below; a change below still shows", () => {
    const p = project(deep, ".env\n");
    const scope = p.make();
    expect(scope.containsIgnored(p.root)).toBe(false);
    const walked = p.files.readdirs;
    expect(scope.containsIgnored(path.join(p.root, "src/a/b"))).toBe(false);
    expect(p.files.readdirs).toBe(walked);
    fs.writeFileSync(path.join(p.root, "src/a/b/c/.env"), "x");
    expect(scope.containsIgnored(path.join(p.root, "src/a/b"))).toBe(true);
  });

  test("a folder renamed to an ignored name is seen", () => {
    const p = project(deep, "secrets/\n");
    const scope = p.make();
    expect(scope.containsIgnored(p.root)).toBe(false);
    fs.renameSync(path.join(p.root, "src/a/b/c"), path.join(p.root, "src/a/b/secrets"));
    expect(scope.containsIgnored(p.root)).toBe(true);
  });

  test("a nested .claudeignore edited in place (the folder's times unchanged) is seen", () => {
    const p = project(deep, "/dist/\n");
    fs.writeFileSync(path.join(p.root, "src/a/.claudeignore"), "*.md\n");
    settle();
    const scope = p.make();
    expect(scope.containsIgnored(p.root)).toBe(false);
    const folder = fs.statSync(path.join(p.root, "src/a"));
    fs.writeFileSync(path.join(p.root, "src/a/.claudeignore"), "*.ts\n");
    expect(fs.statSync(path.join(p.root, "src/a")).mtimeMs).toBe(folder.mtimeMs);
    // The domain reads nested files once per scope; a fresh scope (a fresh hook) reads it anew.
    const store = memoryStore();
    const first = p.make({ containsStore: store });
    fs.writeFileSync(path.join(p.root, "src/a/.claudeignore"), "*.md\n");
    settle();
    expect(p.make({ containsStore: store }).containsIgnored(p.root)).toBe(false);
    expect(first).toBeDefined();
    fs.writeFileSync(path.join(p.root, "src/a/.claudeignore"), "*.ts\n");
    expect(p.make({ containsStore: store }).containsIgnored(p.root)).toBe(true);
  });

  test("a nested .claudeignore created above the asked folder is seen", () => {
    const p = project(deep, "/dist/\n");
    const store = memoryStore();
    expect(p.make({ containsStore: store }).containsIgnored(path.join(p.root, "src/a/b"))).toBe(
      false,
    );
    fs.writeFileSync(path.join(p.root, "src/.claudeignore"), "y.ts\n");
    expect(p.make({ containsStore: store }).containsIgnored(path.join(p.root, "src/a/b"))).toBe(
      true,
    );
  });

  test("a folder's modification time put back with touch still shows (its change time moved)", () => {
    const p = project(deep, ".env\n");
    const scope = p.make();
    expect(scope.containsIgnored(p.root)).toBe(false);
    const folder = path.join(p.root, "lib/m/n");
    const before = fs.statSync(folder);
    fs.writeFileSync(path.join(folder, ".env"), "x");
    fs.utimesSync(folder, before.atimeMs / 1000, before.mtimeMs / 1000);
    // Equal to the millisecond, the precision answers are recorded with.
    expect(Math.floor(fs.statSync(folder).mtimeMs)).toBe(Math.floor(before.mtimeMs));
    expect(scope.containsIgnored(p.root)).toBe(true);
  });

  test("a dangling link whose target appears later, inside an ignored folder, is seen", () => {
    const p = project(deep, "secrets/\n");
    fs.symlinkSync(path.join(p.root, "vault/key"), path.join(p.root, "docs/key"));
    settle();
    const scope = p.make();
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(false);
    makeTree(p.root, ["secrets/key"]);
    fs.symlinkSync(path.join(p.root, "secrets"), path.join(p.root, "vault"));
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(true);
  });

  test("a dangling link whose target appears in a folder no recorded time covers is seen", () => {
    const p = project([...deep, "a/readme.md"], "secrets/\n");
    fs.symlinkSync(path.join(p.root, "a/secrets/key"), path.join(p.root, "docs/key"));
    settle();
    const scope = p.make();
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(false);
    // Only `a` changes: neither the asked folder nor the project's top folder.
    makeTree(p.root, ["a/secrets/key"]);
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(true);
  });

  test("a folder a link leads to, outside the asked folder, gaining an ignored file is seen", () => {
    const p = project([...deep, "shared/util.ts"], ".env\n");
    fs.symlinkSync(path.join(p.root, "shared"), path.join(p.root, "docs/shared"));
    settle();
    const scope = p.make();
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(false);
    fs.writeFileSync(path.join(p.root, "shared/.env"), "x");
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(true);
  });

  test("an answer about a tree changed just before it is not kept (same clock tick)", () => {
    const p = project(deep, ".env\n");
    fs.writeFileSync(path.join(p.root, "src/new.ts"), "x");
    // The default window: two seconds.
    const scope = p.make({ containsRacyMilliseconds: 2_000 });
    expect(scope.containsIgnored(p.root)).toBe(false);
    const walked = p.files.readdirs;
    expect(scope.containsIgnored(p.root)).toBe(false);
    expect(p.files.readdirs).toBe(walked * 2);
  });

  test("the audit lock coming and going keeps the answer; anything else in its folder does not", () => {
    const p = project([...deep, ".claude/audit.jsonl"], ".env\n");
    const log = path.join(p.root, ".claude/audit.jsonl");
    const scope = p.make({ protectedFiles: [log, `${log}.lock`] });
    expect(scope.containsIgnored(p.root)).toBe(false);
    const walked = p.files.readdirs;
    // What every decision's audit append does: a temporary file, the lock, both removed.
    fs.writeFileSync(`${log}.lock.123-abc.tmp`, "{}");
    fs.linkSync(`${log}.lock.123-abc.tmp`, `${log}.lock`);
    fs.rmSync(`${log}.lock.123-abc.tmp`);
    fs.appendFileSync(log, "{}\n");
    expect(scope.containsIgnored(p.root)).toBe(false);
    fs.rmSync(`${log}.lock`);
    expect(scope.containsIgnored(p.root)).toBe(false);
    // No walk: the only listings are of the log's folder, one per check of the kept answer.
    expect(p.files.readdirs).toBe(walked + 2);
    // A link planted next to the log is another entry: walk again, and it counts.
    makeTree(p.root, ["vault/.env"]);
    fs.symlinkSync(path.join(p.root, "vault"), path.join(p.root, ".claude/v"));
    expect(scope.containsIgnored(path.join(p.root, ".claude"))).toBe(true);
  });

  test("a lock-like name that is not a regular file still counts as a change", () => {
    const p = project([...deep, ".claude/audit.jsonl"], ".env\n");
    makeTree(p.root, ["vault/.env"]);
    settle();
    const log = path.join(p.root, ".claude/audit.jsonl");
    const scope = p.make({ protectedFiles: [log, `${log}.lock`] });
    expect(scope.containsIgnored(path.join(p.root, ".claude"))).toBe(false);
    fs.symlinkSync(path.join(p.root, "vault"), `${log}.lock.x`);
    expect(scope.containsIgnored(path.join(p.root, ".claude"))).toBe(true);
  });

  test("a too-large answer (entry budget) is kept as too large, and walked again on change", () => {
    const p = project(
      Array.from({ length: 40 }, (_, i) => `pkg${i % 4}/f${i}.ts`),
      ".env\n",
    );
    const scope = p.make({ maxContainsEntries: 10 });
    expect(scope.containsAnswer(p.root).kind).toBe("too-large");
    const walked = p.files.readdirs;
    expect(scope.containsAnswer(p.root).kind).toBe("too-large");
    expect(p.files.readdirs).toBe(walked);
  });
});

describe("a file system without times (a host that checks freshness itself)", () => {
  test("answers are kept for the scope's life, unchecked, and never go to or come from a store", () => {
    const p = project(deep, ".env\n");
    const { times: _dropped, ...withoutTimes } = p.files;
    const files = withoutTimes as FileSystem & { readdirs: number };
    const store = memoryStore();
    let loads = 0;
    const scope = createScope({
      projectRoot: p.root,
      fs: files,
      env: { home: path.join(p.base, "home"), platform: "linux" },
      containsStore: {
        load: (k) => {
          loads += 1;
          return store.load(k);
        },
        save: store.save,
      },
    });
    expect(scope.containsIgnored(p.root)).toBe(false);
    const walked = p.files.readdirs;
    fs.writeFileSync(path.join(p.root, "src/a/.env"), "x");
    // As before answers were checked: automode serve rebuilds the engine when anything changed.
    expect(scope.containsIgnored(p.root)).toBe(false);
    expect(p.files.readdirs).toBe(walked);
    expect(loads).toBe(0);
    expect(store.saved).toBe(0);
  });
});

/** A store in memory, as a second process would see the first one's answers. */
function memoryStore(): ContainsStore & { saved: number; keys(): Iterable<string> } {
  const map = new Map<string, string>();
  const store = {
    saved: 0,
    keys: () => map.keys(),
    load: (k: string) => {
      const text = map.get(k);
      return text === undefined ? undefined : JSON.parse(text);
    },
    save: (k: string, v: unknown) => {
      store.saved += 1;
      map.set(k, JSON.stringify(v));
    },
  };
  return store;
}

describe("kept answers across processes (the hook's cache file)", () => {
  function fileStore(base: string) {
    return answerFileStore({
      directory: path.join(base, "state/automode/contains"),
      keyFile: path.join(base, "config/automode/contains-cache.key"),
    });
  }

  test("a fresh scope takes the answer from the file, and sees a deep ignored file added", () => {
    const p = project(deep, ".env\n");
    const store = fileStore(p.base);
    expect(p.make({ containsStore: store }).containsIgnored(p.root)).toBe(false);
    const walked = p.files.readdirs;
    expect(p.make({ containsStore: fileStore(p.base) }).containsIgnored(p.root)).toBe(false);
    expect(p.files.readdirs).toBe(walked);
    fs.writeFileSync(path.join(p.root, "src/a/b/c/d/.env"), "SECRET=1");
    expect(p.make({ containsStore: fileStore(p.base) }).containsIgnored(p.root)).toBe(true);
  });

  test("another ignore file (another pattern set) never reuses the answer", () => {
    const p = project([...deep, "docs/x.key"], ".env\n");
    const store = fileStore(p.base);
    expect(p.make({ containsStore: store }).containsIgnored(p.root)).toBe(false);
    fs.writeFileSync(path.join(p.root, ".claudeignore"), ".env\n*.key\n");
    expect(p.make({ containsStore: fileStore(p.base) }).containsIgnored(p.root)).toBe(true);
  });

  test("a planted 'clean' answer with matching times, signed with another key, is not believed", () => {
    const p = project([...deep, "docs/.env"], ".env\n");
    fs.writeFileSync(path.join(p.root, "other-ignore"), "*.nothing\n");
    settle();
    // The key the real scope asks its store for.
    const asked: string[] = [];
    const real = fileStore(p.base);
    const spy: ContainsStore = {
      load: (k) => {
        asked.push(k);
        return real.load(k);
      },
      save: real.save,
    };
    expect(p.make({ containsStore: spy }).containsIgnored(p.root)).toBe(true);
    const key = asked[0] as string;
    // A "clean" answer whose times all match the disk: a walk under rules that ignore nothing.
    const clean = memoryStore();
    expect(
      p.make({ ignoreFile: "other-ignore", containsStore: clean }).containsIgnored(p.root),
    ).toBe(false);
    const record = clean.load([...clean.keys()][0] as string) as RecordedAnswer;
    expect(record.answer).toEqual({ kind: "clean" });
    const directory = path.join(p.base, "state/automode/contains");
    // Signed with the attacker's key: not believed, the folder is walked, `.env` is found.
    answerFileStore({ directory, keyFile: path.join(p.base, "attacker.key") }).save(key, record);
    expect(p.make({ containsStore: fileStore(p.base) }).containsIgnored(p.root)).toBe(true);
    // The control: the same record signed with the real key would have been taken.
    fileStore(p.base).save(key, record);
    expect(p.make({ containsStore: fileStore(p.base) }).containsIgnored(p.root)).toBe(false);
  });
});
