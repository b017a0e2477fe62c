import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import {
  createScope,
  type FileSystem,
  maxIdentityEntries,
  nodeFileSystem,
  type Scope,
} from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

/** A project with a fake home, where hard links are made before the scope is built. */
function project(extra: readonly string[] = []) {
  const base = tempDir("scope-identity-");
  const root = path.join(base, "repo");
  const home = path.join(base, "home");
  makeTree(base, [
    "repo/.env",
    "repo/src/a.ts",
    "repo/secrets/deep/token.txt",
    "repo/.claude/policy.json",
    "repo/.claude/audit.jsonl",
    "home/.ssh/id_rsa",
    "home/.pgpass",
    ...extra,
  ]);
  fs.writeFileSync(path.join(root, ".claudeignore"), ".env\nsecrets/\n");
  const make = (fsImpl?: FileSystem, bound?: number): Scope =>
    createScope({
      ...(bound === undefined ? {} : { maxIdentityEntries: bound }),
      projectRoot: root,
      protectedFiles: [".claude/policy.json", ".claude/audit.jsonl", ".claude/audit.jsonl.lock"],
      env: { home, platform: "linux", caseSensitive: true },
      ...(fsImpl === undefined ? {} : { fs: fsImpl }),
    });
  return { base, root, home, make };
}

describe("every name of a protected file is that file (device and inode)", () => {
  test("a hard link to .env is ignored, with a note naming the file", () => {
    const p = project();
    fs.linkSync(path.join(p.root, ".env"), path.join(p.root, "src", "notes.txt"));
    const info = p.make().classify("src/notes.txt", p.root);
    expect(info.ignored).toBe(true);
    expect(info.note).toContain(path.join(p.root, ".env"));
    expect(info.note).toContain("hard link");
  });

  test("a hard link to a file inside an ignored folder is ignored", () => {
    const p = project();
    fs.linkSync(path.join(p.root, "secrets/deep/token.txt"), path.join(p.root, "t.txt"));
    expect(p.make().classify("t.txt", p.root).ignored).toBe(true);
  });

  test("hard links to the policy, the ignore file and the audit log are self-protected", () => {
    const p = project();
    fs.linkSync(path.join(p.root, ".claude/policy.json"), path.join(p.root, "notes.json"));
    fs.linkSync(path.join(p.root, ".claudeignore"), path.join(p.root, "ignore.txt"));
    fs.linkSync(path.join(p.root, ".claude/audit.jsonl"), path.join(p.root, "log.jsonl"));
    const scope = p.make();
    for (const name of ["notes.json", "ignore.txt", "log.jsonl"]) {
      const info = scope.classify(name, p.root);
      expect(info.selfProtected, name).toBe(true);
      expect(info.ignored, name).toBe(false);
    }
  });

  test("a hard link to the audit log's lock file is self-protected", () => {
    const p = project([".claude/audit.jsonl.lock"].map((f) => `repo/${f}`));
    fs.linkSync(path.join(p.root, ".claude/audit.jsonl.lock"), path.join(p.root, "lock"));
    expect(p.make().classify("lock", p.root).selfProtected).toBe(true);
  });

  test("a hard link to a credential store file (~/.ssh/id_rsa, ~/.pgpass) is a credential", () => {
    const p = project();
    fs.linkSync(path.join(p.home, ".ssh/id_rsa"), path.join(p.root, "key.txt"));
    fs.linkSync(path.join(p.home, ".pgpass"), path.join(p.root, "pg.txt"));
    const scope = p.make();
    expect(scope.classify("key.txt", p.root).credential).toBe(true);
    expect(scope.classify("pg.txt", p.root).credential).toBe(true);
  });

  test("a hard link to a nested .claudeignore, a git hook, the settings or automode itself is self-protected", () => {
    const p = project([
      "repo/sub/.claudeignore",
      "repo/.git/hooks/pre-commit",
      "repo/.claude/settings.local.json",
      "repo/node_modules/.bin/automode",
      "repo/node_modules/automode/dist/cli.js",
      "home/.claude/settings.json",
    ]);
    const links: Array<[string, string]> = [
      [path.join(p.root, "sub/.claudeignore"), "n.txt"],
      [path.join(p.root, ".git/hooks/pre-commit"), "h.txt"],
      [path.join(p.root, ".claude/settings.local.json"), "s.json"],
      [path.join(p.root, "node_modules/.bin/automode"), "bin.txt"],
      [path.join(p.root, "node_modules/automode/dist/cli.js"), "cli.js"],
      [path.join(p.home, ".claude/settings.json"), "user.json"],
    ];
    for (const [from, to] of links) fs.linkSync(from, path.join(p.root, to));
    const scope = p.make();
    for (const [from, to] of links) {
      const info = scope.classify(to, p.root);
      expect(info.selfProtected, to).toBe(true);
      expect(info.note, to).toContain(from);
    }
  });

  test("a hard link reached through a symlink is still the file", () => {
    const p = project();
    fs.linkSync(path.join(p.root, ".env"), path.join(p.base, "outside-env"));
    fs.symlinkSync(path.join(p.base, "outside-env"), path.join(p.root, "src/env-link"));
    expect(p.make().classify("src/env-link", p.root).ignored).toBe(true);
  });

  test("two names of an ordinary file are ordinary; a one-link file is never stat-compared", () => {
    const p = project();
    fs.linkSync(path.join(p.root, "src/a.ts"), path.join(p.root, "src/b.ts"));
    const scope = p.make();
    const info = scope.classify("src/b.ts", p.root);
    expect(info.ignored || info.selfProtected || info.credential).toBe(false);
    expect(info.note).toBeUndefined();
    // Only protected files with more than one name are indexed: here none has one.
    expect(scope.identityIndex()).toEqual({ indexed: 0, complete: true });
  });

  test("the index is built only when a file with several names is met", () => {
    const p = project();
    let stats = 0;
    const counting: FileSystem = {
      ...nodeFileSystem,
      stat: (file) => {
        stats += 1;
        return nodeFileSystem.stat?.(file);
      },
    };
    const scope = p.make(counting);
    scope.classify("src/a.ts", p.root);
    scope.classify(".env", p.root);
    // One stat per existing file classified, no walk.
    expect(stats).toBe(2);
    fs.linkSync(path.join(p.root, ".env"), path.join(p.root, "copy"));
    expect(scope.classify("copy", p.root).ignored).toBe(true);
    expect(stats).toBeGreaterThan(10);
  });

  test("past the index bound, an unknown file with several names is ignored (fail closed)", () => {
    const p = project();
    // A tree wider than a small bound (the default, 50,000, works the same way).
    const wide = path.join(p.root, "wide");
    fs.mkdirSync(wide);
    for (let i = 0; i < 40; i++) fs.mkdirSync(path.join(wide, `d${i}`));
    fs.writeFileSync(path.join(p.base, "elsewhere"), "x");
    fs.linkSync(path.join(p.base, "elsewhere"), path.join(p.root, "src/linked.txt"));
    const scope = p.make(undefined, 30);
    const info = scope.classify("src/linked.txt", p.root);
    expect(info.ignored).toBe(true);
    expect(info.note).toContain("more than 30 entries");
    expect(scope.identityIndex().complete).toBe(false);
    // A file with one name is not affected by the bound.
    expect(scope.classify("src/a.ts", p.root).ignored).toBe(false);
    // Within the default bound the same tree is indexed completely, and the file is ordinary.
    expect(maxIdentityEntries).toBe(50_000);
    const roomy = p.make();
    expect(roomy.classify("src/linked.txt", p.root).ignored).toBe(false);
    expect(roomy.identityIndex().complete).toBe(true);
  });

  test("an in-memory file system without stat keeps working (no identity, no crash)", () => {
    const p = project();
    const { stat: _stat, ...withoutStat } = nodeFileSystem;
    fs.linkSync(path.join(p.root, ".env"), path.join(p.root, "copy"));
    const scope = p.make(withoutStat);
    expect(scope.classify(".env", p.root).ignored).toBe(true);
    expect(scope.classify("copy", p.root).ignored).toBe(false);
  });
});

describe("recursive readers see through hard links", () => {
  test("a folder holding a hard link to .env or to ~/.pgpass holds an ignored path", () => {
    const p = project(["repo/docs/guide.md", "repo/more/readme.md"]);
    fs.linkSync(path.join(p.root, ".env"), path.join(p.root, "docs", "copy.txt"));
    fs.linkSync(path.join(p.home, ".pgpass"), path.join(p.root, "more", "pg.txt"));
    const scope = p.make();
    expect(scope.containsIgnored(path.join(p.root, "docs"))).toBe(true);
    expect(scope.containsIgnored(path.join(p.root, "more"))).toBe(true);
    expect(scope.containsIgnored(path.join(p.root, "src"))).toBe(false);
  });
});
