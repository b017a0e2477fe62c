import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findProjectRoot, loadProject } from "../src/project/load.js";

// A fake home with a project in it, a nested `.claude/` below the project, and a project
// outside the home folder.
const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-root-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const home = join(tmp, "home");
const repo = join(home, "repo");
const sub = join(repo, "sub");
for (const dir of [
  join(repo, ".claude"),
  join(sub, ".claude"),
  join(sub, "deep"),
  join(tmp, "srv/app/src"),
]) {
  mkdirSync(dir, { recursive: true });
}
writeFileSync(join(repo, ".claude/policy.json"), '{ "version": 1 }');
writeFileSync(join(sub, ".claude/policy.json"), '{ "version": 1, "tier": "permissive" }');
mkdirSync(join(tmp, "links"));
symlinkSync("/", join(tmp, "links", "to-root"));

const env = (extra: Record<string, string> = {}) => ({ HOME: home, ...extra });

describe("the project root (SPEC section 2)", () => {
  it("CLAUDE_PROJECT_DIR is the root whatever the call's cwd, and a .claude/ below never moves it", () => {
    const named = env({ CLAUDE_PROJECT_DIR: repo });
    expect(findProjectRoot(join(sub, "deep"), named)).toBe(repo);
    expect(findProjectRoot("/", named)).toBe(repo);
    const project = loadProject({ cwd: join(sub, "deep"), env: named });
    expect(project.root).toBe(repo);
    expect(project.policyFile).toBe(join(repo, ".claude/policy.json"));
    expect(project.tier).toBe("balanced");
  });

  it("relative --policy and --audit-log resolve against the root, not the session's folder", () => {
    const project = loadProject({
      cwd: sub,
      env: env({ CLAUDE_PROJECT_DIR: repo }),
      policyFile: ".claude/policy.json",
      auditLog: "logs/audit.jsonl",
    });
    expect(project.policyFile).toBe(join(repo, ".claude/policy.json"));
    expect(project.auditPath).toBe(join(repo, "logs/audit.jsonl"));
    const found = loadProject({ cwd: join(tmp, "srv/app/src"), env: env(), auditLog: "a.jsonl" });
    expect(found.auditPath).toBe(join(found.root, "a.jsonl"));
  });

  it("a CLAUDE_PROJECT_DIR that is not an absolute folder is an error, not a guess", () => {
    for (const bad of ["repo", join(tmp, "missing")]) {
      expect(() => findProjectRoot(repo, env({ CLAUDE_PROJECT_DIR: bad }))).toThrow(
        /CLAUDE_PROJECT_DIR .* is not an absolute path to a folder/,
      );
    }
  });

  it("without a named project: found upwards as before", () => {
    expect(findProjectRoot(join(repo, "src"), env())).toBe(repo);
    expect(findProjectRoot(join(sub, "deep"), env())).toBe(sub);
    expect(findProjectRoot(join(tmp, "srv/app/src"), env())).toBe(join(tmp, "srv/app/src"));
  });

  it("never / and never above the home folder: refused with a reason (the hook denies)", () => {
    expect(() => findProjectRoot("/", env())).toThrow(/will not use \/ as the project root/);
    expect(() => findProjectRoot(tmp, env())).toThrow(/holds the home folder/);
    expect(() => findProjectRoot(join(tmp, "links", "to-root"), env())).toThrow(/file system root/);
    expect(() => findProjectRoot(repo, env({ CLAUDE_PROJECT_DIR: "/" }))).toThrow(
      /file system root/,
    );
    expect(() => loadProject({ cwd: "/", env: env() })).toThrow(/CLAUDE_PROJECT_DIR/);
    // The home folder itself may be a project when it is where the session runs.
    expect(findProjectRoot(home, env())).toBe(home);
  });
});
