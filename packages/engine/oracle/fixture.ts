import { execFileSync } from "node:child_process";
import {
  cpSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { isRoot, outsideUid } from "./sandbox.js";

/**
 * The project every command runs in: the shape of the engine's own tests. A `.claudeignore`
 * with `.env`, `secrets/` and `*.pem`, the files they protect, the automode policy, sources,
 * a git history made by real git, and a fake home with credential stores.
 */
export interface Fixture {
  /** The folder holding `project/` and `home/`. */
  dir: string;
  project: string;
  home: string;
}

export const projectFiles: Record<string, string> = {
  ".claudeignore": ".env\nsecrets/\n*.pem\n",
  ".gitignore": "node_modules/\ndist/\n.env\nsecrets/\n*.pem\n",
  ".env": "API_KEY=sk-oracle-secret\n",
  "secrets/api.txt": "token-oracle-secret\n",
  "server.pem": "-----BEGIN PRIVATE KEY-----\n",
  ".claude/policy.json": '{ "version": 1, "tier": "balanced" }\n',
  "src/a.ts": 'export const a = "a";\n',
  "src/b.ts": 'import { a } from "./a.js";\nexport const b = a + "b";\n',
  "README.md": "# fixture\n\nTODO: write docs\n",
  "package.json": '{ "name": "fixture", "version": "1.0.0", "scripts": { "test": "true" } }\n',
  "notes.txt": "one\ntwo\nthree\n",
};

export const homeFiles: Record<string, string> = {
  ".ssh/id_rsa": "-----BEGIN OPENSSH PRIVATE KEY-----\n",
  ".ssh/config": "Host example\n",
  ".aws/credentials": "[default]\naws_secret_access_key=oracle\n",
  ".netrc": "machine example.com login me password oracle\n",
  ".bashrc": "# rc\n",
  ".gitconfig":
    "[user]\n\tname = Oracle\n\temail = oracle@example.com\n[init]\n\tdefaultBranch = main\n",
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/** Builds the template fixture once (git included) under `dir`. */
export function buildTemplate(dir: string): Fixture {
  const project = join(dir, "project");
  const home = join(dir, "home");
  writeTree(project, projectFiles);
  writeTree(home, homeFiles);
  symlinkSync("src", join(project, "src-link"));
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
    GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
    LANG: "C.UTF-8",
  };
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "initial");
  writeFileSync(join(project, "src/a.ts"), 'export const a = "A";\n');
  git("commit", "-q", "-am", "change a");
  git("tag", "v1");
  git("branch", "feature");
  // An uncommitted change, so diff, stash and restore have something to work on.
  writeFileSync(join(project, "src/b.ts"), `${projectFiles["src/b.ts"]}// wip\n`);
  return { dir, project, home };
}

/** A fresh copy of the template for one command, owned by the sandbox's outside uid. */
export function copyFixture(template: Fixture, dir: string): Fixture {
  cpSync(template.dir, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  if (isRoot()) chownTree(dir);
  return { dir, project: join(dir, "project"), home: join(dir, "home") };
}

function chownTree(path: string): void {
  lchownSync(path, outsideUid, outsideUid);
  if (!lstatSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name));
}
