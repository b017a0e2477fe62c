import { posix } from "node:path";
import type { Hazard, Operation } from "../../types.js";
import type { FileSystem } from "../fs.js";

/**
 * What the line put at a path, as far as running it goes: content from the network
 * (`remote`), content the line made or changed (`dynamic`), a new name for a file that
 * already existed (`copy`: known content, but not the file the command word names), or the
 * output of a compiler or build tool from the project's own sources (`built`: running it runs
 * the project, as `go run` would; a tainted source taints the build itself).
 */
export type Taint = "remote" | "dynamic" | "copy" | "built";

/** One thing the line made at a path. A path can hold several (branches that may run). */
export type Entry =
  /** `ln -s TARGET path`: TARGET as written, resolved from the link's folder. */
  | { kind: "symlink"; target: string; by: string }
  /** `ln FILE path`, `cp -l`: another name for the file at `of` (absolute). */
  | { kind: "hardlink"; of: string; by: string }
  | { kind: "file"; taint: Taint; by: string }
  /** A folder whose contents the line made (`git clone`, `tar x`, `cp -r`). */
  | { kind: "tree"; taint: Taint; by: string }
  | { kind: "dir"; by: string };

/** What a command does to the file system, recorded as it is analysed, applied when it ends. */
export type Effect =
  | { kind: "symlink"; at: string; target: string; by: string; into: Into }
  | { kind: "hardlink"; at: string; of: string; by: string; into: Into }
  | { kind: "copy"; from: string; to: string; move: boolean; by: string; into: Into }
  | { kind: "write"; at: string; taint: Taint; by: string }
  | { kind: "tree"; at: string; taint: Taint; by: string }
  | { kind: "mkdir"; at: string; by: string };

/**
 * Whether a destination is a folder to put the source in: `yes` (`-t dir`, several sources,
 * a trailing slash), `no` (`-T`), `maybe` (the file system decides, as `cp a b` does),
 * `maybe-here` (the same without following a link there: `ln -n`).
 */
export type Into = "yes" | "no" | "maybe" | "maybe-here";

/** A path reached through what the line made: where it leads, and whether a link was taken. */
interface Reached {
  path: string;
  /** A link the line made (symbolic or hard) was followed on the way. */
  linked: boolean;
}

/** More alternatives than this and the path is unknown (fail closed). */
const MAX_ALTERNATIVES = 16;
const MAX_LINK_DEPTH = 16;

const SEVERITY: Record<Taint, number> = { built: 0, copy: 1, dynamic: 2, remote: 3 };

export function worse(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

class TooMany extends Error {}

/**
 * The per-line overlay of the file system (SPEC section 4, "the line is followed as the shell
 * runs it"): links, files and folders the commands of the line make, in the order the walk
 * meets them. Entries are only ever added: a branch that may not run (`||`, `if`) still leaves
 * what it would make, so a later path resolves to every place it may lead. The real file
 * system is never changed; the overlay is read through `fs` and forgotten with the line.
 */
export class Overlay {
  readonly entries = new Map<string, Entry[]>();
  /**
   * The same entries by lower-cased path: the shell analysis is not told whether the volume
   * folds case (macOS's does: `ln -s .claude C` makes `c/policy.json` the policy), so a path
   * also meets what the line made under another case. On a case-sensitive volume that only
   * adds places a path may lead (more severe, never less).
   */
  private readonly folded = new Map<string, Entry[]>();

  /** What the line made at a path, under any case; `undefined` when nothing. */
  private at(path: string): Entry[] | undefined {
    const exact = this.entries.get(path);
    if (this.folded.size === 0) return exact;
    const folded = this.folded.get(path.toLowerCase());
    if (folded === undefined || folded === exact) return exact;
    if (exact === undefined) return folded;
    return [...exact, ...folded.filter((e) => !exact.includes(e))];
  }
  /** Effects of the command being analysed, applied when it ends (`settle`). */
  readonly pending: Effect[] = [];

  constructor(readonly fs: FileSystem) {}

  get empty(): boolean {
    return this.entries.size === 0;
  }

  /**
   * Every absolute path `path` (relative to `cwd`) may name once the overlay is applied, with
   * `..` taken after links as the kernel does. Throws `TooMany` past the limit.
   */
  private reach(abs: string, followLast: boolean, depth: number): Reached[] {
    if (depth > MAX_LINK_DEPTH) throw new TooMany();
    const parts = abs.split("/").filter((p) => p !== "" && p !== ".");
    let cur: Reached[] = [{ path: "/", linked: false }];
    parts.forEach((comp, i) => {
      const last = i === parts.length - 1;
      const next: Reached[] = [];
      for (const r of cur) {
        if (comp === "..") {
          next.push({ path: posix.dirname(r.path), linked: r.linked });
          continue;
        }
        const n = r.path === "/" ? `/${comp}` : `${r.path}/${comp}`;
        const es = this.at(n);
        let plain = es === undefined;
        for (const e of es ?? []) {
          if (e.kind === "symlink" && (!last || followLast)) {
            // Not normalised: `..` after a link is taken from where the link leads.
            const to = e.target.startsWith("/") ? e.target : `${r.path}/${e.target}`;
            for (const t of this.reach(to, true, depth + 1))
              next.push({ path: t.path, linked: true });
          } else if (e.kind === "hardlink" && last && followLast) {
            next.push({ path: e.of, linked: true });
          } else plain = true;
        }
        if (plain) next.push({ path: n, linked: r.linked });
      }
      cur = unique(next);
      if (cur.length > MAX_ALTERNATIVES) throw new TooMany();
    });
    return cur;
  }

  /** The places a path may lead through the overlay; `undefined` when there are too many. */
  resolve(path: string, cwd: string, followLast = true): Reached[] | undefined {
    const abs = path.startsWith("/") ? path : `${cwd}/${path}`;
    if (this.empty) return [{ path: posix.resolve(abs), linked: false }];
    try {
      return this.reach(abs, followLast, 0);
    } catch (e) {
      if (e instanceof TooMany) return undefined;
      throw e;
    }
  }

  /** What the line put at an absolute path or above it, taking no link. */
  private taintHere(abs: string): Taint | undefined {
    let p = abs;
    let t: Taint | undefined;
    for (;;) {
      for (const e of this.at(p) ?? []) {
        if (e.kind === "file" || e.kind === "tree") t = worse(t, e.taint);
        else if (e.kind === "hardlink") t = worse(t, this.taintHere(e.of) ?? "copy");
      }
      if (t !== undefined || p === "/") return t;
      p = posix.dirname(p);
    }
  }

  /**
   * How the file a command runs, sources or builds from came to be, if the line made it:
   * through a link the line made it is at least `dynamic` (`ln -s /bin/rm x && ./x` runs rm).
   */
  taintOf(path: string, cwd: string): Taint | "unknown" | undefined {
    if (this.empty) return undefined;
    const all = this.resolve(path, cwd);
    if (all === undefined) return "unknown";
    let t: Taint | undefined;
    for (const r of all) {
      t = worse(t, this.taintHere(r.path));
      if (r.linked) t = worse(t, "dynamic");
    }
    return t;
  }

  /** The hazard of running (`sh x`, `./x`, `source x`, `python x`) a file the line made. */
  runHazard(file: string, cwd: string, name: string): Hazard[] {
    const t = this.taintOf(file, cwd);
    if (t === undefined || t === "built") return [];
    if (t === "remote")
      return [
        {
          check: "remote-code",
          reason: `${name} runs ${file}, which the line downloaded from the network`,
        },
      ];
    return [
      {
        check: "dynamic",
        reason:
          t === "unknown"
            ? `${name} runs ${file}, which links made earlier in the line make unknown`
            : `${name} runs ${file}, which the line wrote, copied or linked, so automode has not seen what it runs`,
      },
    ];
  }

  /**
   * Code or build files the line wrote (`> Makefile`, `npm pkg set`, `curl -o lib.py`) that a
   * build tool or runner may load: the most severe taint and the path that carries it. Copies
   * of files that already existed do not count (their content is the project's).
   */
  buildTaint(): { taint: "remote" | "dynamic"; path: string } | undefined {
    let found: { taint: "remote" | "dynamic"; path: string } | undefined;
    for (const [path, es] of this.entries) {
      for (const e of es) {
        if (e.kind !== "file" && e.kind !== "tree") continue;
        if (e.taint === "copy" || e.taint === "built") continue;
        if (e.kind === "file" && !isCodeFile(posix.basename(path))) continue;
        if (found === undefined || (e.taint === "remote" && found.taint !== "remote"))
          found = { taint: e.taint, path };
      }
    }
    return found;
  }

  /**
   * A glob whose folder the line changed (`ln -s .claude c && cat c/*`, `touch a.sh; sh *.sh`):
   * bash expands it against files automode cannot list, so it is unknown.
   */
  globUnknown(pattern: string, cwd: string): boolean {
    if (this.empty) return false;
    const abs = pattern.startsWith("/") ? pattern : `${cwd}/${pattern}`;
    const segs = abs.split("/");
    const first = segs.findIndex((s) => /[*?[]/.test(s));
    const dir = segs.slice(0, first < 0 ? segs.length - 1 : first).join("/") || "/";
    const all = this.resolve(dir, "/");
    if (all === undefined || all.some((r) => r.linked)) return true;
    for (const r of all) {
      const prefix = (r.path === "/" ? "/" : `${r.path}/`).toLowerCase();
      for (const key of this.entries.keys()) if (key.toLowerCase().startsWith(prefix)) return true;
    }
    return false;
  }

  /** Whether the line may have made something at the path (so a `cd` there may succeed). */
  mayHold(abs: string): boolean {
    if (this.empty) return false;
    if (this.at(abs) !== undefined || this.unseenTree(abs) !== undefined) return true;
    const all = this.resolve(abs, "/");
    return all === undefined || all.some((r) => r.linked || this.at(r.path) !== undefined);
  }

  /** Whether the path is a folder, in the overlay or on disk. */
  isDir(abs: string): boolean {
    for (const e of this.at(abs) ?? []) if (e.kind === "dir" || e.kind === "tree") return true;
    // One `lstat` for the common case; `realpath` (which throws on a missing path) for links.
    const kind = this.fs.lstat(abs);
    if (kind !== "symlink") return kind === "directory";
    const real = this.fs.realpath(abs);
    return real !== undefined && this.fs.lstat(real) === "directory";
  }

  /**
   * Extra operations for one the walk emitted: the same access at every place the overlay
   * says its path leads (`ln -s .claude c && echo {} > c/policy.json` writes the policy).
   * The operation as written stays, judged on the real file system: both count.
   */
  through(op: Operation): Operation[] {
    if (this.empty || (op.kind !== "read" && op.kind !== "write" && op.kind !== "delete"))
      return [];
    // Deleting a link deletes the link, not what it names; but the pipeline judges a delete at
    // its real path too (`rm c` for a link to `.claude` is denied), and so does the overlay.
    const all = this.resolve(op.path, op.cwd);
    const plain = posix.resolve(op.cwd, op.path);
    if (all === undefined)
      return [
        {
          kind: "execute",
          command: {
            name: op.via ?? "",
            args: [op.path],
            cwd: op.cwd,
            text: op.path,
            wrappers: [],
          },
          class: "unknown",
          reason: `${op.path} leads through too many links made earlier in the line`,
          hazards: [
            {
              check: "dynamic",
              reason: `${op.path} leads through too many links made earlier in the line to follow`,
            },
          ],
        },
      ];
    const out: Operation[] = [];
    for (const r of all) {
      const tree = this.unseenTree(r.path);
      if (tree !== undefined) {
        // A clone or an archive from the network may hold links to anywhere.
        const reason = `${op.path} lies in ${tree}, which the line filled from content automode has not seen (it may hold links to anywhere)`;
        out.push({
          kind: "execute",
          command: {
            name: op.via ?? "",
            args: [op.path],
            cwd: op.cwd,
            text: op.path,
            wrappers: [],
          },
          class: "unknown",
          reason,
          hazards: [{ check: "dynamic", reason }],
        });
      }
      if (r.path === plain) continue;
      const via = `${op.via ?? op.kind}, through a link made earlier in the line`;
      out.push({ ...op, path: r.path, via });
      // Writing into a `.claude` folder reached through a link (`rsync -a x/ c/`, `tar -C c`)
      // may replace the files it holds, as for the folder named directly.
      if (op.kind === "write" && posix.basename(r.path) === ".claude")
        for (const f of CLAUDE_FILES) out.push({ ...op, path: `${r.path}/${f}`, via });
    }
    return out;
  }

  /** The folder above `abs` that the line filled from the network or unseen content. */
  private unseenTree(abs: string): string | undefined {
    let p = posix.dirname(abs);
    for (;;) {
      for (const e of this.at(p) ?? [])
        if (e.kind === "tree" && e.taint !== "copy" && e.taint !== "built") return p;
      if (p === "/") return undefined;
      p = posix.dirname(p);
    }
  }

  /** Applies the effects of the command that just ended, in order. */
  apply(): void {
    const list = this.pending.splice(0);
    for (const e of list) this.applyOne(e);
  }

  private add(at: string, e: Entry): void {
    const list = this.entries.get(at);
    if (list === undefined) this.entries.set(at, [e]);
    else if (!list.some((x) => sameEntry(x, e))) list.push(e);
    else return;
    const key = at.toLowerCase();
    const folded = this.folded.get(key);
    if (folded === undefined) this.folded.set(key, [e]);
    else folded.push(e);
  }

  /** Where a new name lands: its folder through the overlay, the name itself not followed. */
  private places(at: string, into: Into, name: string): string[] {
    const all = this.resolve(at, "/", false) ?? [{ path: posix.resolve(at), linked: false }];
    const out: string[] = [];
    for (const r of all) {
      // A destination that is a link to a folder, or a folder: the name goes inside.
      const folder =
        into === "yes" ||
        (into === "maybe" && this.isDirFollowing(r.path)) ||
        (into === "maybe-here" && this.isDirHere(r.path));
      out.push(folder ? posix.join(r.path, name) : r.path);
    }
    return unique2(out);
  }

  private isDirHere(abs: string): boolean {
    const es = this.at(abs) ?? [];
    if (es.some((e) => e.kind === "dir" || e.kind === "tree")) return true;
    return !es.some((e) => e.kind === "symlink") && this.fs.lstat(abs) === "directory";
  }

  private isDirFollowing(abs: string): boolean {
    const all = this.resolve(abs, "/", true) ?? [];
    return all.some((r) => this.isDir(r.path));
  }

  private applyOne(e: Effect): void {
    switch (e.kind) {
      case "symlink":
        for (const at of this.places(e.at, e.into, posix.basename(e.target)))
          this.add(at, { kind: "symlink", target: e.target, by: e.by });
        return;
      case "hardlink": {
        const of = this.resolve(e.of, "/") ?? [];
        for (const at of this.places(e.at, e.into, posix.basename(e.of)))
          for (const o of of) this.add(at, { kind: "hardlink", of: o.path, by: e.by });
        return;
      }
      case "copy": {
        const from = this.resolve(e.from, "/", !e.move) ?? [{ path: e.from, linked: true }];
        for (const at of this.places(e.to, e.into, posix.basename(e.from))) {
          for (const f of from) {
            // What the line made at or under the source moves or is copied with it.
            const prefix = `${f.path}/`;
            for (const [key, es] of [...this.entries]) {
              if (key !== f.path && !key.startsWith(prefix)) continue;
              const dest = at + key.slice(f.path.length);
              for (const x of es) if (e.move || x.kind !== "symlink") this.add(dest, x);
            }
            const t = this.taintHere(f.path) ?? (f.linked ? "dynamic" : "copy");
            const kind = this.isDirFollowing(f.path) ? "tree" : "file";
            this.add(at, { kind, taint: t, by: e.by });
          }
        }
        return;
      }
      case "write":
        for (const r of this.resolve(e.at, "/") ?? [{ path: e.at, linked: false }])
          this.add(r.path, { kind: "file", taint: e.taint, by: e.by });
        return;
      case "tree":
        for (const r of this.resolve(e.at, "/") ?? [{ path: e.at, linked: false }])
          this.add(r.path, { kind: "tree", taint: e.taint, by: e.by });
        return;
      case "mkdir":
        for (const r of this.resolve(e.at, "/") ?? [{ path: e.at, linked: false }])
          this.add(r.path, { kind: "dir", by: e.by });
        return;
    }
  }
}

function sameEntry(a: Entry, b: Entry): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "symlink":
      return a.target === (b as typeof a).target;
    case "hardlink":
      return a.of === (b as typeof a).of;
    case "file":
    case "tree":
      return a.taint === (b as typeof a).taint;
    default:
      return true;
  }
}

function unique(list: Reached[]): Reached[] {
  if (list.length < 2) return list;
  const seen = new Map<string, Reached>();
  for (const r of list) {
    const had = seen.get(r.path);
    if (had === undefined) seen.set(r.path, r);
    else if (r.linked && !had.linked) seen.set(r.path, r);
  }
  return [...seen.values()];
}

function unique2(list: string[]): string[] {
  return list.length < 2 ? list : [...new Set(list)];
}

/** The files a `.claude` folder holds that keep automode in charge. */
const CLAUDE_FILES = ["policy.json", "settings.json", "settings.local.json"] as const;

/** Names a build tool, test runner or interpreter may load when it runs in a project. */
const CODE_NAMES = new Set([
  "makefile",
  "gnumakefile",
  "package.json",
  "configure",
  "cmakelists.txt",
  "setup.py",
  "setup.cfg",
  "pyproject.toml",
  "conftest.py",
  "tox.ini",
  "pytest.ini",
  "noxfile.py",
  "cargo.toml",
  "build.rs",
  "go.mod",
  "gemfile",
  "rakefile",
  "justfile",
  "taskfile.yml",
  "taskfile.yaml",
  "tsconfig.json",
  "jsconfig.json",
  ".babelrc",
  ".npmrc",
  ".yarnrc",
  ".yarnrc.yml",
  "pom.xml",
  "build.gradle",
  "settings.gradle",
  "composer.json",
  "deno.json",
  "bunfig.toml",
  // What an install resolves and fetches: a written lockfile or requirement list points anywhere.
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "pnpm-workspace.yaml",
  "bun.lockb",
  "bun.lock",
  "pipfile",
  "pipfile.lock",
  "poetry.lock",
  "uv.lock",
  "cargo.lock",
  "go.sum",
  "gemfile.lock",
  "composer.lock",
]);

const CODE_EXT =
  /\.(?:[cm]?[jt]sx?|py|pyw|pth|rb|pl|pm|php|sh|bash|zsh|ksh|go|rs|java|kt|kts|scala|c|cc|cpp|cxx|h|hpp|lua|ex|exs|mk|cmake|gradle|swift|r|jl|node|so|dylib|wasm|jar)$/i;

export function isCodeFile(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    CODE_NAMES.has(lower) ||
    CODE_EXT.test(name) ||
    /^(?:requirements|constraints).*\.(?:txt|in)$/.test(lower)
  );
}
