import { posix } from "node:path";
import type { CommandClass } from "../types.js";
import { incidental, pathOp } from "./emit.js";
import type { FileSystem } from "./fs.js";
import type { Reading } from "./knowledge/index.js";
import type { Feed, Host } from "./model.js";
import { cdTarget } from "./proc-paths.js";
import { isUrl, scpRemote } from "./remote.js";
import type { Arg } from "./simple.js";

/**
 * Paths git reads that are not written as paths (issue 12, item 7): an index or revision path
 * (`:path`, `:N:path`, `rev:path`, `rev:./path`) is a read of that file as git stores it, and
 * `-C`, `--git-dir`, `--work-tree` move the repository git reads and writes.
 */

/** What an invocation of git works on. */
export interface GitScope {
  /** The top of the work tree: where `rev:path` and `:path` are relative to (looked up once, when asked). */
  readonly top: string;
  /** Folders the global options moved git to (`-C`, `--work-tree`, `--git-dir`), resolved. */
  moved: string[];
}

/** Subcommands whose operands are remotes, refspecs or settings, not revisions. */
const NOT_REVISIONS: ReadonlySet<string> = new Set([
  "push",
  "pull",
  "fetch",
  "ls-remote",
  "clone",
  "remote",
  "submodule",
  "config",
  "worktree",
  "notes",
  "bisect",
]);

/** The nearest folder at or above `cwd` holding `.git` (a folder, or a file of a linked tree). */
function workTreeTop(fs: FileSystem, cwd: string): string | undefined {
  for (let d = cwd; ; d = posix.dirname(d)) {
    if (fs.lstat(posix.join(d, ".git")) !== undefined) return d;
    if (d === "/" || d === posix.dirname(d)) return undefined;
  }
}

/** A folder named to git, normalised as `cd` would (`/dev/fd/../cwd` is the cwd). */
function folder(cwd: string, value: string): string {
  return cdTarget(cwd, value, "git", []) ?? posix.resolve(cwd, value);
}

/**
 * The scope of one git invocation. `cwd` is where it runs after its `-C` options (git applies
 * them first); `--git-dir` and `--work-tree` values are relative to that folder, as git reads
 * them. With `--git-dir` and no work tree, git takes the folder it runs in as the top.
 */
export function gitScope(
  fs: FileSystem,
  reading: Reading | undefined,
  afterSub: number,
  cwdIn: string,
  cwd: string,
): GitScope {
  let workTree: string | undefined;
  let gitDir: string | undefined;
  const moved: string[] = [];
  for (const f of reading?.found ?? []) {
    if (f.index >= afterSub || f.value === undefined || f.value === "") continue;
    if (f.name === "-C") moved.push(cwd);
    else if (f.name === "--work-tree") {
      workTree = folder(cwd, f.value);
      moved.push(workTree);
    } else if (f.name === "-c" && /^core\.worktree=./iu.test(f.value)) {
      // `git -c core.worktree=DIR` is `--work-tree=DIR` spelled as a setting.
      workTree = folder(cwd, f.value.slice(f.value.indexOf("=") + 1));
      moved.push(workTree);
    } else if (f.name === "--git-dir") {
      gitDir = folder(cwd, f.value);
      moved.push(gitDir);
    }
  }
  if (moved.length === 0 && cwd !== cwdIn) moved.push(cwd);
  let top = workTree ?? (gitDir !== undefined ? cwd : undefined);
  return {
    get top(): string {
      top ??= workTreeTop(fs, cwd) ?? cwd;
      return top;
    },
    moved: [...new Set(moved)],
  };
}

/**
 * The path an index or revision argument names, relative to the work tree's top (`./` and
 * `../` are relative to the folder git runs in), or undefined when the word is no such thing.
 * Pathspec magic (`:(top)x`, `:!x`, `:/x`) names a path too; `:/text` as a revision searches
 * commit messages, and reading it as a path is the stricter choice.
 */
export function revisionPath(word: string): string | undefined {
  if (word === "" || word.startsWith("-") || isUrl(word)) return undefined;
  if (word.startsWith(":")) {
    const stage = /^:([0-3]):(.*)$/su.exec(word);
    if (stage) return stage[2];
    const magic = /^:\(([^)]*)\)(.*)$/su.exec(word);
    if (magic) return magic[2];
    // `:!x`, `:^x` (exclude), `:/x` (from the top): short pathspec magic before the path.
    return word.slice(1).replace(/^[!^/]+/u, "");
  }
  // `rev:path`: the first colon outside `{…}` (`HEAD@{1}:x`, `main^{tree}:x`).
  let depth = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === "{") depth++;
    else if (ch === "}" && depth > 0) depth--;
    // A revision has no blank outside `{…}` (`fix: x` is a message, `@{2 days ago}` a date).
    else if (depth === 0 && /\s/u.test(ch as string)) return undefined;
    else if (ch === ":" && depth === 0) {
      if (i === 0) return undefined;
      // `git@github.com:a/b` is a remote (it names a user), not `rev:path`.
      if (scpRemote(word)?.user !== undefined) return undefined;
      return word.slice(i + 1);
    }
  }
  return undefined;
}

/** Where a revision path is: from the top, or from the folder git runs in for `./x`. */
function resolveRevisionPath(path: string, scope: GitScope, cwd: string): string {
  const fromCwd = path === "." || path === ".." || path.startsWith("./") || path.startsWith("../");
  const base = fromCwd ? cwd : scope.top;
  return path === "" ? base : posix.resolve(base, path);
}

export interface GitInvocation {
  reading: Reading | undefined;
  args: readonly Arg[];
  sub: readonly string[];
  afterSub: number;
  /** Where git starts, and where it runs after `-C`. */
  cwdIn: string;
  cwd: string;
  class: CommandClass;
  /** What the line feeds on its standard input, when it feeds anything. */
  feed: Feed | undefined;
}

/**
 * The reads and writes git's own addressing implies. Revision paths among the operands (and
 * the file of `-L range:file`) are reads, judged as any read is; elsewhere (a refspec, an
 * option's value) a word that looks like one is an incidental argument, held to the hard
 * limits. A git that changes anything (any class but read-only) in a folder its global options
 * moved it to writes that repository and work tree.
 */
export function gitPaths(host: Host, g: GitInvocation): void {
  const scope = gitScope(host.fs, g.reading, g.afterSub, g.cwdIn, g.cwd);
  const operands = new Set(
    g.reading?.miss === undefined && !NOT_REVISIONS.has(g.sub[0] ?? "")
      ? (g.reading?.operands ?? []).filter((i) => i >= g.afterSub)
      : [],
  );
  g.args.forEach((a, i) => {
    const v = a.value;
    if (v === undefined) return;
    const path = revisionPath(v);
    if (path === undefined) return;
    const at = resolveRevisionPath(path, scope, g.cwd);
    if (operands.has(i)) pathOp(host, "read", { value: at, text: v }, g.cwd, `git ${v}`);
    else incidental(host, at, g.cwd, "git");
  });
  for (const f of g.reading?.found ?? []) {
    if (f.value === undefined) continue;
    if (f.name === "-L") {
      // `-L 10,20:file`, `-L :func:file`: the history of that file's lines.
      const file = f.value.slice(f.value.lastIndexOf(":") + 1);
      if (file !== "" && f.value.includes(":"))
        pathOp(host, "read", { value: file, text: f.value }, g.cwd, "git log -L");
      continue;
    }
    // `--source=HEAD:secrets`: a tree-ish glued to its option (a separate word is an argument
    // above).
    const path = f.valueIndex === undefined ? revisionPath(f.value) : undefined;
    if (path !== undefined) incidental(host, resolveRevisionPath(path, scope, g.cwd), g.cwd, "git");
  }
  if (g.sub[0] === "cat-file") catFileBatch(host, g, scope);
  if (g.class === "read-only" || scope.moved.length === 0) return;
  for (const where of new Set([scope.top, ...scope.moved]))
    host.ops.push({ kind: "write", path: where, cwd: g.cwd, via: `git ${g.sub.join(" ")}` });
}

/**
 * `git cat-file --batch` prints the objects named on its standard input (`HEAD:.env`): each
 * name fed in the line is read as above; names automode cannot see are dynamic, and
 * `--batch-all-objects` prints every object, a recursive read of the whole work tree.
 * `--batch-check` prints only types and sizes.
 */
function catFileBatch(host: Host, g: GitInvocation, scope: GitScope): void {
  const found = g.reading?.found ?? [];
  const contents = found.some((f) => f.name === "--batch" || f.name === "--batch-command");
  if (!contents) return;
  if (found.some((f) => f.name === "--batch-all-objects")) {
    pathOp(host, "read-recursive", { value: scope.top, text: scope.top }, g.cwd, "git cat-file");
    return;
  }
  const text = g.feed?.text;
  if (text === undefined) {
    host.ops.push({
      kind: "execute",
      command: {
        name: "git",
        args: ["cat-file"],
        cwd: g.cwd,
        text: "git cat-file --batch",
        wrappers: [],
      },
      class: "unknown",
      reason: "git cat-file --batch prints objects named on its input",
      hazards: [
        {
          check: "dynamic",
          reason: `git cat-file --batch prints the objects named on ${g.feed ? g.feed.via : "its standard input"}, which automode cannot see`,
        },
      ],
    });
    return;
  }
  for (const word of text.split(/\s+/u)) {
    const path = revisionPath(word);
    if (path !== undefined)
      pathOp(
        host,
        "read",
        { value: resolveRevisionPath(path, scope, g.cwd), text: word },
        g.cwd,
        `git cat-file ${word}`,
      );
  }
}
