import { posix } from "node:path";
import {
  hasLongAbbrev,
  hasOpt,
  hasOptPrefix,
  type OptSpec,
  type ParsedArgs,
  parseArgs,
} from "../flags.js";
import type { FileSystem } from "../fs.js";

/** What a destructive check sees of one simple command (wrappers already removed). */
export interface CommandView {
  readonly name: string;
  /** Arguments after the name; undefined where a word is not a literal. */
  readonly args: readonly (string | undefined)[];
  /** Index in `args` just after the subcommand (`git -C x reset --hard` → index of `--hard`). */
  readonly afterSub: number;
  /** The subcommand words found by the classifier (`["stash", "drop"]`). */
  readonly sub: readonly string[];
  readonly wrappers: readonly string[];
  /** Text fed on stdin when known (a heredoc, a herestring, `echo … |`). */
  readonly stdinText: string | undefined;
  readonly cwd: string;
  readonly fs: FileSystem;
}

type Check = (c: CommandView) => string | undefined;

/** Runs with arguments automode cannot see (xargs, find -exec): any use is destructive. */
function hiddenOperands(c: CommandView): boolean {
  return (
    c.wrappers.includes("xargs") ||
    c.wrappers.includes("parallel") ||
    c.wrappers.some((w) => w.startsWith("find -"))
  );
}

const RM_SPEC: OptSpec = {};

const rm: Check = (c) => {
  const p = parseArgs(c.args, RM_SPEC);
  if (hasOpt(p, "-r", "-R") || hasLongAbbrev(p, "--recursive", 3))
    return "rm -r deletes a whole folder tree irreversibly";
  if (hasOptPrefix(p, "--no-preserve-root"))
    return "rm --no-preserve-root can delete the whole file system";
  if (hiddenOperands(c))
    return `${c.wrappers.at(-1)} rm deletes files automode cannot list in advance`;
  return undefined;
};

function subArgs(c: CommandView, spec?: OptSpec): ParsedArgs {
  return parseArgs(c.args.slice(c.afterSub), spec);
}

function git(c: CommandView): string | undefined {
  const sub = c.sub[0];
  switch (sub) {
    case "reset": {
      const p = subArgs(c);
      if (hasOpt(p, "--hard")) return "git reset --hard discards uncommitted changes";
      return undefined;
    }
    case "clean": {
      const p = subArgs(c, { shortValue: "e", longValue: ["--exclude"] });
      const dry = hasOpt(p, "-n", "--dry-run");
      if (!dry && (hasOpt(p, "-f") || hasLongAbbrev(p, "--force", 3)))
        return "git clean -f deletes untracked files irreversibly";
      return undefined;
    }
    case "checkout": {
      const raw = c.args.slice(c.afterSub);
      const p = subArgs(c, {
        shortValue: "bB",
        longValue: ["--orphan", "--conflict", "--pathspec-from-file"],
      });
      if (hasOpt(p, "-f") || hasLongAbbrev(p, "--force", 4))
        return "git checkout --force discards uncommitted changes";
      const dash = raw.indexOf("--");
      if (dash >= 0 && dash < raw.length - 1)
        return "git checkout -- <path> discards uncommitted changes to those files";
      if (hasOpt(p, "--pathspec-from-file"))
        return "git checkout --pathspec-from-file discards uncommitted changes";
      if (hasOpt(p, "-b", "-B", "--orphan")) return undefined;
      for (const i of p.operands) {
        const a = raw[i];
        if (a === "." || a === "*" || a === ":/")
          return `git checkout ${a} discards all uncommitted changes`;
        if (a !== undefined && i > (p.operands[0] ?? 0) && a !== "") {
          // `git checkout <rev> <path>`: the second operand is always a path.
          return "git checkout <rev> <path> overwrites uncommitted changes to that path";
        }
        if (
          a !== undefined &&
          c.fs.lstat(posix.resolve(c.cwd, a)) !== undefined &&
          !a.startsWith("-")
        )
          return `git checkout ${a} discards uncommitted changes to an existing path`;
      }
      return undefined;
    }
    case "restore": {
      const p = subArgs(c, { shortValue: "s", longValue: ["--source", "--pathspec-from-file"] });
      const staged = hasOpt(p, "-S", "--staged");
      const worktree = hasOpt(p, "-W", "--worktree");
      if ((!staged || worktree) && (p.operands.length > 0 || hasOpt(p, "--pathspec-from-file")))
        return "git restore discards uncommitted changes in the working tree";
      return undefined;
    }
    case "stash": {
      const op = c.sub[1] ?? operands(c)[0];
      if (op === "drop" || op === "clear")
        return `git stash ${op} deletes stashed changes irreversibly`;
      return undefined;
    }
    case "branch": {
      const p = subArgs(c);
      if (hasOpt(p, "-D")) return "git branch -D deletes a branch even if it is not merged";
      if (hasOpt(p, "-d", "--delete") && (hasOpt(p, "-f") || hasLongAbbrev(p, "--force", 4)))
        return "git branch --delete --force deletes a branch even if it is not merged";
      return undefined;
    }
    case "push": {
      const p = subArgs(c, {
        shortValue: "o",
        longValue: ["--repo", "--receive-pack", "--exec", "--push-option"],
      });
      if (hasOpt(p, "-f") || hasLongAbbrev(p, "--force", 7) || hasOptPrefix(p, "--force"))
        return "git push --force overwrites the remote history";
      if (hasOpt(p, "--mirror")) return "git push --mirror overwrites every remote ref";
      if (hasOpt(p, "-d", "--delete") || hasOpt(p, "--prune"))
        return "git push --delete deletes remote branches";
      const raw = c.args.slice(c.afterSub);
      for (const i of p.operands.slice(1)) {
        const r = raw[i];
        if (r?.startsWith("+")) return `git push ${r} force-pushes, overwriting the remote history`;
        if (r?.startsWith(":")) return `git push ${r} deletes a remote branch`;
      }
      return undefined;
    }
    case "reflog": {
      if (c.sub[1] === "expire" || c.sub[1] === "delete")
        return "git reflog expire removes the safety net for lost commits";
      return undefined;
    }
    case "filter-branch":
    case "filter-repo":
      return `git ${sub} rewrites the whole history`;
    default:
      return undefined;
  }
}

/** The literal operands after the subcommand (options skipped). */
function operands(c: CommandView): string[] {
  return c.args.slice(c.afterSub).filter((a): a is string => a !== undefined && !a.startsWith("-"));
}

/** Words naming what runs: `docker system prune` even where the table stops at `system`. */
function verb(c: CommandView): string {
  return [...c.sub, ...operands(c)].join(" ");
}

function subIs(c: CommandView, words: string, reason: string): string | undefined {
  const v = verb(c);
  return v === words || v.startsWith(`${words} `) ? reason : undefined;
}

/**
 * SPEC section 5's irreversible operations, one check per command name. Each returns the
 * reason a person reads in the decision, or undefined.
 */
export const DESTRUCTIVE: Readonly<Record<string, Check>> = {
  rm,
  git,
  find: (c) =>
    c.args.includes("-delete") ? "find -delete deletes every file it matches" : undefined,
  rimraf: () => "rimraf deletes whole folder trees irreversibly",
  unlink: (c) =>
    hiddenOperands(c)
      ? `${c.wrappers.at(-1)} unlink deletes files automode cannot list in advance`
      : undefined,
  rmdir: (c) =>
    hiddenOperands(c)
      ? `${c.wrappers.at(-1)} rmdir deletes folders automode cannot list in advance`
      : undefined,
  dd: (c) =>
    c.args.some((a) => a?.startsWith("of="))
      ? "dd of= overwrites its target byte by byte"
      : undefined,
  shred: () => "shred destroys file contents irreversibly",
  wipefs: () => "wipefs erases file-system signatures",
  truncate: () => "truncate cuts files, destroying their contents",
  // psql, mysql, mariadb, sqlite3, duckdb, clickhouse-client and redis-cli: their programs are
  // parsed in ../languages/ (DROP, TRUNCATE, DELETE/UPDATE without WHERE, FLUSHALL).
  terraform: (c) =>
    c.sub[0] === "destroy" || (c.sub[0] === "apply" && c.args.includes("-destroy"))
      ? "terraform destroy tears down real infrastructure"
      : undefined,
  tofu: (c) => (c.sub[0] === "destroy" ? "tofu destroy tears down real infrastructure" : undefined),
  pulumi: (c) =>
    c.args.includes("destroy") || c.args.includes("down")
      ? "pulumi destroy tears down real infrastructure"
      : undefined,
  mvn: (c) =>
    c.args.some((a) => a === "deploy" || a?.startsWith("deploy:") || a === "release:perform")
      ? "mvn deploy publishes artifacts to a remote repository"
      : undefined,
  mvnw: (c) =>
    c.args.some((a) => a === "deploy" || a?.startsWith("deploy:"))
      ? "mvn deploy publishes artifacts to a remote repository"
      : undefined,
  gradle: (c) => gradlePublish(c),
  gradlew: (c) => gradlePublish(c),
  mysqladmin: (c) =>
    c.args.some((a) => a?.toLowerCase() === "drop")
      ? "mysqladmin drop deletes a whole database"
      : undefined,
  kubectl: (c) =>
    c.args.includes("delete") ? "kubectl delete removes cluster resources" : undefined,
  helm: (c) =>
    c.args.some((a) => a === "uninstall" || a === "delete" || a === "del" || a === "un")
      ? "helm uninstall removes a release from the cluster"
      : undefined,
  docker: (c) => {
    const s = verb(c);
    if (/^(system|volume|image|container|network|builder|buildx) prune/.test(s))
      return `docker ${s} deletes data irreversibly`;
    return undefined;
  },
  npm: (c) =>
    subIs(c, "publish", "npm publish releases a package to the public registry") ??
    subIs(c, "unpublish", "npm unpublish removes a released package"),
  pnpm: (c) => subIs(c, "publish", "pnpm publish releases a package to the public registry"),
  yarn: (c) =>
    c.args.includes("publish")
      ? "yarn publish releases a package to the public registry"
      : undefined,
  bun: (c) => subIs(c, "publish", "bun publish releases a package to the public registry"),
  cargo: (c) => subIs(c, "publish", "cargo publish releases a crate to crates.io, permanently"),
  changeset: (c) =>
    subIs(c, "publish", "changeset publish releases every changed package to the registry"),
  twine: (c) => subIs(c, "upload", "twine upload releases a package to PyPI"),
  poetry: (c) => subIs(c, "publish", "poetry publish releases a package to PyPI"),
  uv: (c) => subIs(c, "publish", "uv publish releases a package to PyPI"),
  gh: (c) => {
    const a = c.args.filter((x): x is string => x !== undefined && !x.startsWith("-"));
    if (a[0] === "release" && a[1] === "create") return "gh release create publishes a release";
    if (a[1] === "delete" && (a[0] === "repo" || a[0] === "release"))
      return `gh ${a[0]} delete deletes it on GitHub`;
    return undefined;
  },
};

/** `gradle publish`, `:lib:publishToMavenCentral`: any task whose name starts with publish. */
function gradlePublish(c: CommandView): string | undefined {
  return c.args.some((a) => a !== undefined && /^(?::?[\w.-]+:)*publish\w*$/i.test(a))
    ? "gradle publish releases artifacts to a remote repository"
    : undefined;
}

/** `mkfs`, `mkfs.ext4`, `mkfs.vfat`, …: any name starting with mkfs formats a disk. */
export function destructiveByName(name: string): string | undefined {
  if (name.startsWith("mkfs") || name === "mke2fs" || name === "newfs")
    return `${name} formats a disk, erasing it`;
  if (name === "dropdb") return "dropdb deletes a whole database";
  return undefined;
}
