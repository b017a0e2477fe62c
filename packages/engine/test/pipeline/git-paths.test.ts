import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Tier } from "../../src/types.js";

/**
 * git's own addressing (issue 12, item 7) against a real repository: each attack line is run
 * with real git first, to show it prints the protected file, then decided in every tier.
 */
const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
let tmp = "";
let root = "";
let elsewhere = "";

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-git-paths-")));
  root = join(tmp, "repo");
  elsewhere = join(tmp, "elsewhere");
  // Anchored patterns: `/.env` is only the top one, so a path read from the wrong folder
  // (a subfolder instead of the work tree's top) would be missed.
  write(join(root, ".claudeignore"), "/.env\nconfig/server.key\n");
  write(join(root, ".claude/policy.json"), '{ "version": 1 }\n');
  write(join(root, ".env"), "SECRET=top\n");
  write(join(root, "config/server.key"), "KEY\n");
  write(join(root, "config/app.json"), "{}\n");
  write(join(root, "src/a.ts"), "export {};\n");
  write(join(elsewhere, "notes.txt"), "notes\n");
  git(["init", "-q", "-b", "main"], root);
  git(["add", "-A"], root);
  git(["commit", "-qm", "one"], root);
  git(["commit", "-q", "--allow-empty", "-m", "two"], root);
  git(["init", "-q", "-b", "main"], elsewhere);
  git(["add", "-A"], elsewhere);
  git(["commit", "-qm", "one"], elsewhere);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function decide(tier: Tier, command: string, cwd = root) {
  const engine = createEngineSync({ projectRoot: root, tier });
  return engine.decide({ kind: "execute", command, cwd });
}

describe("git index and revision paths are reads of that path", () => {
  const attacks: Array<[string, string[], string]> = [
    ["git show :.env", ["show", ":.env"], ""],
    ["git cat-file blob :.env", ["cat-file", "blob", ":.env"], ""],
    ["git cat-file -p :0:.env", ["cat-file", "-p", ":0:.env"], ""],
    ["git show HEAD:.env", ["show", "HEAD:.env"], ""],
    ["git show HEAD~1:.env", ["show", "HEAD~1:.env"], ""],
    ["git show 'HEAD@{0}:.env'", ["show", "HEAD@{0}:.env"], ""],
    ["git show 'main^{tree}:config/server.key'", ["show", "main^{tree}:config/server.key"], ""],
    ["git diff :.env HEAD:src/a.ts", ["diff", ":.env", "HEAD:src/a.ts"], ""],
    ["git log -p -- ':(top).env'", ["log", "-p", "--", ":(top).env"], ""],
    // From a subfolder, `rev:path` and `:path` are relative to the top of the work tree.
    ["git show HEAD:.env", ["show", "HEAD:.env"], "src"],
    ["git show :config/server.key", ["show", ":config/server.key"], "src"],
    ["git show HEAD:./../.env", ["show", "HEAD:./../.env"], "src"],
    ["git -C src show :.env", ["-C", "src", "show", ":.env"], ""],
  ];
  for (const [line, argv, folder] of attacks) {
    it(`${line}${folder ? ` (in ${folder}/)` : ""}: denied in every tier`, () => {
      const cwd = folder === "" ? root : join(root, folder);
      const out = git(argv, cwd);
      expect(out).toMatch(/SECRET|KEY/);
      for (const tier of tiers) {
        const d = decide(tier, line, cwd);
        expect(d, `${tier}: ${d.reason}`).toMatchObject({ verdict: "deny", check: "ignored-path" });
      }
    });
  }

  it("revisions that name no protected path keep their verdicts", () => {
    expect(git(["show", "HEAD~1:config/"], root)).toContain("app.json");
    for (const line of [
      "git show HEAD~1:config/",
      "git show HEAD:src/a.ts",
      "git diff HEAD~1 HEAD -- src",
      "git log --oneline -3",
      'git commit --allow-empty -m "fix: a:b"',
    ]) {
      const d = decide("balanced", line);
      expect(d.verdict, `${line}: ${d.reason}`).toBe("approve");
      // The decision speaks of the command, not of an argument it reads.
      expect(d.reason, line).toContain("git ");
    }
  });

  it("the read is reported at the path git reads, from the top of the work tree", () => {
    const d = decide("balanced", "git show HEAD:config/app.json", join(root, "src"));
    expect(d.verdict).toBe("approve");
    expect(d.operations).toContainEqual(
      expect.objectContaining({ kind: "read", target: `${root}/config/app.json` }),
    );
  });
});

describe("git -C, --git-dir and --work-tree move the scope", () => {
  it("a change in another repository is a write outside the project: escalated in every tier", () => {
    for (const line of [
      `git -C ${elsewhere} commit --allow-empty -m x`,
      `git --work-tree=${elsewhere} checkout main`,
      `git --git-dir=${elsewhere}/.git --work-tree=${elsewhere} reset HEAD`,
      `git -C ${elsewhere} pull`,
      `git -C ${elsewhere} frobnicate`,
    ]) {
      for (const tier of tiers) {
        const d = decide(tier, line);
        expect(d.verdict, `${tier} ${line}: ${d.reason}`).toBe("escalate");
        expect(d.operations, line).toContainEqual(
          expect.objectContaining({ kind: "write", target: elsewhere }),
        );
      }
    }
  });

  it("really writes there", () => {
    git(["-C", elsewhere, "commit", "-q", "--allow-empty", "-m", "moved"], root);
    expect(git(["log", "--oneline", "-1"], elsewhere)).toContain("moved");
  });

  it("reads in another repository are reads outside the project", () => {
    const d = decide("balanced", `git -C ${elsewhere} show HEAD:notes.txt`);
    expect(d.verdict).toBe("escalate");
    expect(d.operations).toContainEqual(
      expect.objectContaining({ kind: "read", target: `${elsewhere}/notes.txt` }),
    );
    expect(decide("permissive", `git -C ${elsewhere} log`).verdict).toBe("approve");
  });

  it("inside the project it keeps its verdicts", () => {
    for (const [line, verdict] of [
      ["git -C src status", "approve"],
      ["git -C src log --oneline", "approve"],
      ["git -C src commit --allow-empty -m x", "approve"],
      ["git --git-dir=.git status", "approve"],
    ] as const) {
      expect(decide("balanced", line).verdict, line).toBe(verdict);
    }
    expect(decide("restrictive", "git -C src commit -m x").verdict).toBe("escalate");
  });
});
