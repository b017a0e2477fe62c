import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Project {
  /** The temp folder: holds `home/`, `repo/`, `outside/`, `shared/`, `repo-evil/`. */
  tmp: string;
  root: string;
  home: string;
  cleanup(): void;
}

const ignoreFile = [".env", ".env.*", "secrets/", "*.pem", "config/server.key", ""].join("\n");

/**
 * A real project on disk, built once per test file: real files, a `.claudeignore`, symlinks
 * out of the project, into ignored places and into credential stores.
 */
export function createProject(): Project {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-engine-")));
  const root = join(tmp, "repo");
  const home = join(tmp, "home");
  const files: Record<string, string> = {
    "home/.ssh/id_rsa": "KEY",
    "home/.ssh/config": "Host x",
    "home/.aws/credentials": "[default]",
    "home/.gnupg/secring.gpg": "x",
    "home/.config/gcloud/credentials.db": "x",
    "home/.azure/accessTokens.json": "{}",
    "home/.kube/config": "x",
    "home/.docker/config.json": "{}",
    "home/.netrc": "machine x",
    "home/.npmrc": "//registry/:_authToken=x",
    "home/.pypirc": "x",
    "home/.git-credentials": "https://x:y@host",
    "home/.bashrc": "# rc",
    "home/notes.txt": "notes",
    "outside/data.txt": "data",
    "shared/notes.md": "shared",
    "repo-evil/file.txt": "evil",
    "repo/.claude/policy.json": '{ "version": 1 }\n',
    "repo/.claude/audit.jsonl": "",
    "repo/.claudeignore": ignoreFile,
    "repo/.env": "SECRET=1",
    "repo/.env.local": "SECRET=2",
    "repo/secrets/api.txt": "token",
    "repo/key.pem": "pem",
    "repo/config/server.key": "key",
    "repo/config/app.json": "{}",
    // A folder whose contents would replace automode's files (contents copies, issue 12).
    "repo/evil/.claudeignore": "",
    "repo/evil/.claude/policy.json": "{}",
    "repo/evil/payload.txt": "x",
    "repo/pkg/.claudeignore": "",
    "repo/pkg/index.js": "",
    "repo/src/index.ts": "export {};",
    "repo/src/app.ts": "export {};",
    "repo/src/util/strings.ts": "export {};",
    "repo/dist/bundle.js": "",
    "repo/docs/guide.md": "# guide",
    "repo/db/migrations/001.sql": "create table t();",
    "repo/scripts/build.js": "",
    "repo/README.md": "# repo",
    "repo/package.json": '{ "name": "repo" }',
    "repo/pnpm-lock.yaml": "",
    "repo/node_modules/automode/package.json": '{ "name": "automode" }',
    "repo/node_modules/.bin/automode": "#!/bin/sh",
    "repo/node_modules/left-pad/index.js": "",
  };
  for (const [file, text] of Object.entries(files)) {
    const path = join(tmp, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  symlinkSync(join(tmp, "outside"), join(root, "link-out"));
  symlinkSync(join(root, ".env"), join(root, "link-env"));
  symlinkSync(join(root, "secrets"), join(root, "link-secrets"));
  symlinkSync(join(home, ".ssh"), join(root, "link-ssh"));
  symlinkSync("/etc", join(root, "link-etc"));
  mkdirSync(join(root, "lib"));
  symlinkSync("..", join(root, "lib", "link-up"));
  // Second names made before the session (hard links, in `linked/`): each is the file it names.
  mkdirSync(join(root, "linked"));
  linkSync(join(root, ".env"), join(root, "linked", "env.txt"));
  linkSync(join(root, ".claude", "policy.json"), join(root, "linked", "notes.json"));
  linkSync(join(root, ".claudeignore"), join(root, "linked", "ignore.txt"));
  linkSync(join(root, ".claude", "audit.jsonl"), join(root, "linked", "log.jsonl"));
  linkSync(join(home, ".netrc"), join(root, "linked", "netrc.txt"));
  return { tmp, root, home, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Replaces `@ROOT@`, `@TMP@` and `@HOME@` in every string of an action. */
export function placeholders<T>(value: T, p: Project): T {
  const swap = (s: string) =>
    s.replaceAll("@ROOT@", p.root).replaceAll("@TMP@", p.tmp).replaceAll("@HOME@", p.home);
  if (typeof value === "string") return swap(value) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? swap(v) : v]),
  ) as T;
}
