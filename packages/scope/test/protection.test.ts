import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import {
  checkAdditionalDirectories,
  createScope,
  isProtectedName,
  ScopeError,
  type ScopeOptions,
} from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

function project(entries: readonly string[] = [], ignore: string | null = ".env\n") {
  const base = tempDir("scope-protect-");
  const root = path.join(base, "repo");
  const home = path.join(base, "home");
  makeTree(base, ["repo/src/a.ts", "home/notes.txt", ...entries]);
  if (ignore !== null) fs.writeFileSync(path.join(root, ".claudeignore"), ignore);
  const make = (more: Partial<ScopeOptions> = {}) =>
    createScope({
      projectRoot: root,
      protectedFiles: [".claude/policy.json", ".claude/audit.jsonl", ".claude/audit.jsonl.lock"],
      env: { home, platform: "linux", caseSensitive: true },
      ...more,
    });
  return { base, root, home, make };
}

describe("self-protection: what keeps automode in charge, by name at any depth", () => {
  test.each([
    ".claude/policy.json",
    ".claude/settings.json",
    ".claude/settings.local.json",
    ".claudeignore",
    "sub/.claude/policy.json",
    "a/b/c/.claude/settings.local.json",
    "sub/.claudeignore",
    "node_modules/automode",
    "node_modules/automode/dist/cli.js",
    "node_modules/@automode/engine/package.json",
    "node_modules/@automode",
    "node_modules/.bin/automode",
    "node_modules/.bin/automode-lint",
    "packages/x/node_modules/automode/package.json",
    ".git/hooks/pre-commit",
    ".git/hooks",
    ".git/config",
    "vendor/lib/.git/config",
    ".claude/audit.jsonl",
    ".claude/audit.jsonl.lock",
  ])("%s is self-protected (existing or new)", (name) => {
    const p = project();
    const info = p.make().classify(name, p.root);
    expect(info.selfProtected).toBe(true);
  });

  test.each([
    ".claude/commands/x.md",
    ".claude/policy.json.bak",
    "src/settings.json",
    "node_modules/automodel/index.js",
    "node_modules/.bin/tsc",
    "node_modules/@automodex/a",
    ".git/config.bak",
    ".git/refs/config",
    "hooks/pre-commit",
    "docs/claudeignore.md",
  ])("%s is not self-protected", (name) => {
    const p = project();
    expect(p.make().classify(name, p.root).selfProtected).toBe(false);
  });

  test("names are compared case-folded where the file system folds case", () => {
    expect(isProtectedName(".Claude/Settings.JSON", false)).toBe(true);
    expect(isProtectedName(".Claude/Settings.JSON", true)).toBe(false);
  });

  test("~/.claude/settings.json is self-protected; reading it is still possible", () => {
    const p = project(["home/.claude/settings.json"]);
    const info = p.make().classify("~/.claude/settings.json", p.root);
    expect(info.selfProtected).toBe(true);
    expect(info.ignored || info.credential).toBe(false);
  });

  test("a configured core.hooksPath folder is self-protected, and only with everything in it", () => {
    const p = project(["repo/.git/HEAD", "repo/tools/hooks/pre-push"]);
    fs.writeFileSync(
      path.join(p.root, ".git/config"),
      '[core]\n\tbare = false\n[core "x"]\n\thooksPath = nope\n[core]\n\thooksPath = "tools/hooks" # here\n',
    );
    const scope = p.make();
    expect(scope.classify("tools/hooks/pre-push", p.root).selfProtected).toBe(true);
    expect(scope.classify("tools/hooks/new", p.root).selfProtected).toBe(true);
    expect(scope.classify("tools/other", p.root).selfProtected).toBe(false);
    expect(scope.classify("nope/x", p.root).selfProtected).toBe(false);
  });

  test("in a linked work tree, the main repository's hooks and its hooksPath are protected", () => {
    const p = project(["main/.git/hooks/pre-commit", "main/.git/worktrees/repo/HEAD"]);
    const common = path.join(p.base, "main/.git");
    fs.writeFileSync(path.join(p.root, ".git"), `gitdir: ${common}/worktrees/repo\n`);
    fs.writeFileSync(path.join(common, "worktrees/repo/commondir"), "../..\n");
    fs.writeFileSync(path.join(common, "config"), "[core]\n\thooksPath = .githooks\n");
    const scope = p.make();
    expect(scope.classify(`${common}/hooks/pre-commit`, p.root).selfProtected).toBe(true);
    expect(scope.classify(".githooks/pre-commit", p.root).selfProtected).toBe(true);
    // The main repository's config names the hooks of every work tree (core.hooksPath).
    expect(scope.classify(`${common}/config`, p.root).selfProtected).toBe(true);
    expect(scope.classify(`${common}/description`, p.root).selfProtected).toBe(false);
  });

  test("an absolute hooksPath outside the project is protected too", () => {
    const p = project(["repo/.git/HEAD"]);
    const outside = path.join(p.base, "global-hooks");
    fs.writeFileSync(path.join(p.root, ".git/config"), `[core]\n  hooksPath = ${outside}\n`);
    expect(p.make().classify(`${outside}/pre-commit`, p.root).selfProtected).toBe(true);
  });
});

describe("credential stores (SPEC section 5)", () => {
  test.each([
    "~/.pgpass",
    "~/.cargo/credentials",
    "~/.cargo/credentials.toml",
    "~/.config/gh/hosts.yml",
    "~/.claude/.credentials.json",
    "~/.config/automode/audit-key.pem",
    "~/.config/automode",
    "~/.local/state/automode",
    "~/.local/state/automode/contains/0a1b.json",
    "/proc/self/environ",
    "/proc/thread-self/environ",
    "/proc/1/environ",
    "/proc/1/task/1/environ",
  ])("%s is a credential store", (name) => {
    const p = project();
    expect(p.make().classify(name, p.root).credential).toBe(true);
  });

  test.each([
    "~/.cargo/config.toml",
    "~/.config/gh/config.yml",
    "/proc/self/status",
    "/proc/environ",
  ])("%s is not", (name) => {
    const p = project();
    expect(p.make().classify(name, p.root).credential).toBe(false);
  });

  test("automode's folder under $XDG_CONFIG_HOME is a credential store as well", () => {
    const p = project();
    const xdg = path.join(p.base, "xdg");
    const scope = createScope({
      projectRoot: p.root,
      env: { home: p.home, platform: "linux", caseSensitive: true, configHome: xdg },
    });
    expect(scope.classify(`${xdg}/automode/token`, p.root).credential).toBe(true);
    expect(scope.classify("~/.config/automode/token", p.root).credential).toBe(true);
    expect(scope.classify(`${xdg}/other/x`, p.root).credential).toBe(false);
  });

  test("automode's folder under $XDG_STATE_HOME (the hook's kept answers) is one too", () => {
    const p = project();
    const state = path.join(p.base, "state");
    const scope = createScope({
      projectRoot: p.root,
      env: { home: p.home, platform: "linux", caseSensitive: true, stateHome: state },
    });
    expect(scope.classify(`${state}/automode/contains/x.json`, p.root).credential).toBe(true);
    expect(scope.classify("~/.local/state/automode/contains", p.root).credential).toBe(true);
    expect(scope.classify(`${state}/other/x`, p.root).credential).toBe(false);
    expect(scope.classify("~/.local/state/other", p.root).credential).toBe(false);
  });
});

describe("the built-in baseline when the project has no .claudeignore", () => {
  test.each([
    ".env",
    ".env.local",
    "config/server.pem",
    "deep/tls.key",
    "id_rsa",
    "keys/id_rsa.pub",
    "credentials/db.json",
    "a/secrets/x",
  ])("%s is ignored, and says the baseline did it", (name) => {
    const p = project([], null);
    const scope = p.make();
    expect(scope.ignoreFileFound).toBe(false);
    const info = scope.classify(name, p.root);
    expect(info.ignored).toBe(true);
    expect(info.note).toBe("built-in baseline: the project has no .claudeignore");
  });

  test("ordinary files are not; a project's own .claudeignore replaces the baseline", () => {
    const p = project([], null);
    expect(p.make().classify("src/a.ts", p.root).ignored).toBe(false);
    const q = project([], "*.log\n");
    const own = q.make();
    expect(own.classify("key.pem", q.root).ignored).toBe(false);
    const log = own.classify("x.log", q.root);
    expect(log.ignored).toBe(true);
    expect(log.note).toBeUndefined();
  });

  test("containsIgnored sees the baseline too", () => {
    const p = project(["repo/cfg/.env.production"], null);
    expect(p.make().containsIgnored(path.join(p.root, "cfg"))).toBe(true);
    expect(p.make().containsIgnored(path.join(p.root, "src"))).toBe(false);
  });
});

describe("additionalDirectories (SPEC section 2)", () => {
  const refused: Array<[string, string]> = [
    ["/", "root folder"],
    ["~", "home folder"],
    ["$HOME", "home folder"],
    [["$", "{HOME}"].join(""), "home folder"],
    ["~/", "home folder"],
    ["..", "holds the project"],
    ["/var/tmp", "shared by the whole machine"],
    ["/home", "shared by the whole machine"],
    ["/etc", "system folder"],
    ["/usr/local/share", "system folder"],
    ["/proc/self", "pseudo"],
  ];
  test.each(refused)("%s makes the policy invalid (%s)", (entry, why) => {
    const p = project();
    let error: unknown;
    try {
      p.make({ additionalDirectories: [entry] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScopeError);
    expect((error as ScopeError).code).toBe("invalid-directory");
    expect((error as Error).message).toContain(JSON.stringify(entry));
    const problems = checkAdditionalDirectories({
      projectRoot: p.root,
      additionalDirectories: [entry],
      env: { home: p.home, platform: "linux", caseSensitive: true },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem).toContain(why);
  });

  test("a link to / or to the home folder is refused as what it leads to", () => {
    const p = project();
    fs.symlinkSync("/", path.join(p.base, "to-root"));
    fs.symlinkSync(p.home, path.join(p.base, "to-home"));
    for (const entry of ["../to-root", "../to-home"]) {
      expect(() => p.make({ additionalDirectories: [entry] })).toThrow(ScopeError);
    }
  });

  test("a sibling folder is accepted, and its own .claudeignore and the baseline apply", () => {
    const p = project([
      "shared/.env",
      "shared/notes.md",
      "shared/private.txt",
      "other/.env",
      "other/data.pem",
      "other/readme.md",
    ]);
    fs.writeFileSync(path.join(p.base, "shared/.claudeignore"), "private.txt\n");
    const scope = p.make({ additionalDirectories: ["../shared", "../other"] });
    // shared has its own file: it applies, the baseline does not.
    expect(scope.classify("../shared/private.txt", p.root).ignored).toBe(true);
    expect(scope.classify("../shared/notes.md", p.root).ignored).toBe(false);
    expect(scope.classify("../shared/notes.md", p.root).inside).toBe(true);
    // other has none: the baseline applies, and says so.
    const env = scope.classify("../other/.env", p.root);
    expect(env.ignored).toBe(true);
    expect(env.note).toBe("built-in baseline: ../other has no .claudeignore");
    expect(scope.classify("../other/data.pem", p.root).ignored).toBe(true);
    expect(scope.classify("../other/readme.md", p.root).ignored).toBe(false);
    expect(scope.containsIgnored(path.join(p.base, "other"))).toBe(true);
    // An additional folder's .claudeignore is self-protected like the project's.
    expect(scope.classify("../shared/.claudeignore", p.root).selfProtected).toBe(true);
  });

  test("shared/.env is ignored under the shared folder's own rules even with its own file", () => {
    const p = project(["shared/.env"]);
    fs.writeFileSync(path.join(p.base, "shared/.claudeignore"), ".env\n");
    const scope = p.make({ additionalDirectories: ["../shared"] });
    const info = scope.classify("../shared/.env", p.root);
    expect(info.ignored).toBe(true);
    expect(info.note).toBeUndefined();
  });
});

describe("nested .claudeignore files", () => {
  test("a subfolder's file ignores below it, relative to itself, and may re-include", () => {
    const p = project(["repo/pkg/local.txt", "repo/pkg/.env", "repo/other/local.txt"]);
    fs.writeFileSync(path.join(p.root, "pkg/.claudeignore"), "/local.txt\n!.env\n");
    const scope = p.make();
    expect(scope.classify("pkg/local.txt", p.root).ignored).toBe(true);
    expect(scope.classify("other/local.txt", p.root).ignored).toBe(false);
    // The deeper file wins, as in git: pkg/.env is re-included by pkg/.claudeignore.
    expect(scope.classify("pkg/.env", p.root).ignored).toBe(false);
    expect(scope.classify(".env", p.root).ignored).toBe(true);
    expect(scope.containsIgnored(path.join(p.root, "pkg"))).toBe(true);
    expect(scope.containsIgnored(path.join(p.root, "other"))).toBe(false);
  });
});
