import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createScope, type PathInfo, type Scope, ScopeError } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

// One real project with a sibling `repo-evil`, an outside folder, a fake home with
// credentials, and every kind of link that could smuggle a path in or out.
let base: string;
let root: string;
let home: string;
let scope: Scope;

const nfdName = "cafe\u0301.txt"; // "café.txt" decomposed, as macOS writes it

beforeAll(() => {
  base = tempDir("scope-adv-");
  root = path.join(base, "repo");
  home = path.join(base, "home");
  makeTree(base, [
    "repo/.env",
    "repo/src/a.ts",
    "repo/secrets/api.txt",
    "repo/config/server.key",
    "repo/public.key",
    "repo/.claude/policy.json",
    `repo/${nfdName}`,
    "repo-evil/x",
    "outside/file",
    "home/.ssh/id_rsa",
    "home/.netrc",
    "home/.aws/credentials",
    "home/.kube/config",
    "home/.kube/cache/x",
    "home/notes.txt",
  ]);
  fs.writeFileSync(
    path.join(root, ".claudeignore"),
    [".env", "secrets/", "*.key", "!public.key", "caf\u00e9.txt", ""].join("\n"),
  );
  const link = (target: string, at: string) => fs.symlinkSync(target, path.join(base, at));
  link(path.join(base, "outside"), "repo/link-out");
  link(".env", "repo/env-link");
  link("secrets", "repo/secrets-link");
  link(path.join(root, "secrets"), "outside/into-secrets");
  link(path.join(base, "outside/new-file"), "repo/dangling");
  link("secrets/new.txt", "repo/dangling-ignored");
  link("loop2", "repo/loop1");
  link("loop1", "repo/loop2");
  link(path.join(home, ".ssh"), "repo/ssh-link");
  link(path.join(base, "outside"), "repo/src/up");
  scope = createScope({
    projectRoot: root,
    protectedFiles: [".claude/policy.json", path.join(root, ".claude/audit.jsonl")],
    env: { home, platform: "linux" },
  });
});

type Expectation = Partial<
  Pick<PathInfo, "inside" | "ignored" | "credential" | "system" | "selfProtected" | "exists">
> & {
  real?: string;
};

// [what it tries, target, cwd relative to base ("repo" when omitted), expected]
const table: Array<[string, string, string | undefined, Expectation]> = [
  ["a plain project file", "src/a.ts", undefined, { inside: true, ignored: false, exists: true }],
  ["`..` out to a sibling", "../repo-evil/x", undefined, { inside: false, ignored: false }],
  ["`/repo-evil` shares the prefix of `/repo`", "@/repo-evil/x", undefined, { inside: false }],
  ["`..` through a subfolder", "src/../../outside/file", undefined, { inside: false }],
  ["`..` back into an ignored file", "src/../.env", undefined, { inside: true, ignored: true }],
  ["`./` spelling", "./.env", undefined, { ignored: true }],
  ["cwd below the file", "../.env", "repo/src", { ignored: true }],
  ["a link to `.env` is `.env`", "env-link", undefined, { ignored: true, real: "@/repo/.env" }],
  ["a link to an ignored folder", "secrets-link/api.txt", undefined, { ignored: true }],
  [
    "outside link into an ignored folder",
    "@/outside/into-secrets/api.txt",
    "outside",
    { ignored: true, inside: true },
  ],
  [
    "project link pointing out",
    "link-out/file",
    undefined,
    { inside: false, ignored: false, exists: true },
  ],
  [
    "an ignored name under a link pointing out (as written)",
    "link-out/.env",
    undefined,
    { ignored: true, inside: false },
  ],
  [
    "`..` after a link is the link target's parent",
    "src/up/../outside/file",
    undefined,
    { inside: false, real: "@/outside/file" },
  ],
  [
    "dangling link: its target",
    "dangling",
    undefined,
    { inside: false, exists: false, real: "@/outside/new-file" },
  ],
  [
    "dangling link into an ignored folder",
    "dangling-ignored",
    undefined,
    { ignored: true, exists: false },
  ],
  [
    "a new file in an ignored folder",
    "secrets/new.txt",
    undefined,
    { ignored: true, exists: false },
  ],
  [
    "a new folder named like a dir-only pattern",
    "sub/secrets",
    undefined,
    { ignored: true, exists: false },
  ],
  ["negation re-includes", "public.key", undefined, { ignored: false }],
  ["pattern with extension", "config/server.key", undefined, { ignored: true }],
  ["NFD name against an NFC pattern", nfdName, undefined, { ignored: true, exists: true }],
  ["NFC spelling of an NFD file", "caf\u00e9.txt", undefined, { ignored: true }],
  ["`~` is the current home", "~/.ssh/id_rsa", undefined, { credential: true, inside: false }],
  ["`$HOME`", "$HOME/.netrc", undefined, { credential: true }],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's braced spelling, literally
  ["braced HOME", "${HOME}/.aws/credentials", undefined, { credential: true }],
  ["`~/.kube/config` exactly", "~/.kube/config", undefined, { credential: true }],
  ["but not the rest of `~/.kube`", "~/.kube/cache/x", undefined, { credential: false }],
  ["`~/.netrc-old` is not `~/.netrc`", "~/.netrc-old", undefined, { credential: false }],
  ["`~/.sshx` is not `~/.ssh`", "~/.sshx/k", undefined, { credential: false }],
  ["a link into `~/.ssh`", "ssh-link/id_rsa", undefined, { credential: true, inside: false }],
  [
    "`~other` stays a relative name",
    "~root/.ssh/id_rsa",
    undefined,
    { credential: false, inside: true },
  ],
  ["`~` mid-path is literal", "src/~/.ssh", undefined, { credential: false, inside: true }],
  ["`/etc`", "/etc/passwd", undefined, { system: true, inside: false }],
  ["`/lib64`", "/lib64/ld.so", undefined, { system: true }],
  ["`/libx32`", "/libx32/x", undefined, { system: true }],
  ["`/usr/local`", "/usr/local/bin/x", undefined, { system: true }],
  ["`/etcetera` is not `/etc`", "/etcetera/x", undefined, { system: false }],
  ["`..` into `/etc`", "/tmp/../etc/hosts", undefined, { system: true }],
  ["the ignore file protects itself", ".claudeignore", undefined, { selfProtected: true }],
  ["the policy file", "./.claude/../.claude/policy.json", undefined, { selfProtected: true }],
  [
    "the audit log (not created yet)",
    ".claude/audit.jsonl",
    undefined,
    { selfProtected: true, exists: false },
  ],
  ["a neighbour of the policy", ".claude/other.json", undefined, { selfProtected: false }],
];

const at = (p: string) => p.replace(/^@/, base);

describe("adversarial table", () => {
  test.each(table)("%s: %s", (_what, target, cwd, expected) => {
    const info = scope.classify(at(target), path.join(base, cwd ?? "repo"));
    const { real, ...flags } = expected;
    expect(info).toMatchObject(flags);
    if (real !== undefined) expect(info.real).toBe(at(real));
  });
});

describe("bad input fails closed with a ScopeError", () => {
  test.each([
    ["a NUL byte", "a\0b", "/"],
    ["a NUL in the cwd", "a", "/tmp\0x"],
    ["a relative cwd", "a", "tmp"],
    ["an empty path", "", "/"],
  ])("%s", (_what, target, cwd) => {
    expect(() => scope.classify(target, cwd)).toThrow(ScopeError);
  });

  test("a symlink loop", () => {
    expect(() => scope.classify("loop1/x", root)).toThrow(/too many levels of symbolic links/);
  });

  test("a relative project root", () => {
    expect(() => createScope({ projectRoot: "repo" })).toThrow(ScopeError);
  });

  test("a non-string path", () => {
    expect(() => scope.resolve(42 as unknown as string, "/")).toThrow(ScopeError);
  });
});
