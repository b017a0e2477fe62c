import { posix } from "node:path";
import { isProtectedName } from "@automode/scope";
import type { ContentsCopy } from "./contents.js";
import { pathOp } from "./emit.js";
import type { FileSystem } from "./fs.js";
import type { Host } from "./model.js";

/** Entries one listing may look at; past it the rest of the tree goes unseen (README). */
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 24;

/**
 * The names below a real folder that keep automode in charge (scope's `isProtectedName`:
 * `.claudeignore` at any depth, `.claude/policy.json` and the settings, `.git/hooks`,
 * `.git/config`, automode's installed files), relative to it; undefined when the folder
 * cannot be listed, `complete: false` when the entry or depth budget ran out. Breadth first, so the shallow ones are found before the budget ends; `.git`
 * and `node_modules` are looked into one level only (what is protected there is named at
 * the top), and links are not followed (a copy copies the link). `context` is the name the
 * entries land under (`.claude` for `rsync -a x/ .claude/`), so `policy.json` there counts.
 */
export function protectedBelow(
  fs: FileSystem,
  real: string,
  context: string,
): { names: string[]; complete: boolean } | undefined {
  const top = fs.readdir(real);
  if (top === undefined) return undefined;
  const found: string[] = [];
  const prot = (rel: string) => isProtectedName(context === "" ? rel : `${context}/${rel}`, false);
  let queue: { rel: string; names: string[] }[] = [{ rel: "", names: top }];
  let seen = 0;
  for (let depth = 0; depth < MAX_DEPTH && queue.length > 0; depth++) {
    const next: typeof queue = [];
    for (const { rel, names } of queue) {
      for (const n of names) {
        if (++seen > MAX_ENTRIES) return { names: found, complete: false };
        const r = rel === "" ? n : `${rel}/${n}`;
        // Case-folded: a name that is protected only where case folds is left to the pipeline.
        if (prot(r)) {
          found.push(r);
          continue;
        }
        const abs = `${real === "/" ? "" : real}/${r}`;
        if (fs.lstat(abs) !== "directory") continue;
        const lower = n.toLowerCase();
        const shallow = lower === ".git" || lower === "node_modules";
        const inner = fs.readdir(abs);
        if (inner === undefined) continue;
        if (shallow || (rel.split("/").pop() ?? "").toLowerCase() === "node_modules") {
          // `.git/hooks`, `.git/config`, `node_modules/automode`, `node_modules/.bin/automode*`.
          for (const m of inner) {
            const rm = `${r}/${m}`;
            if (prot(rm)) found.push(rm);
            else if (lower === "node_modules" && m === ".bin")
              for (const b of fs.readdir(`${abs}/${m}`) ?? [])
                if (prot(`${rm}/${b}`)) found.push(`${rm}/${b}`);
          }
          continue;
        }
        next.push({ rel: r, names: inner });
      }
    }
    queue = next;
  }
  return { names: found, complete: queue.length === 0 };
}

/** The last two steps of a path: enough for `isProtectedName` to see `.claude/x`, `.git/hooks`. */
function contextOf(abs: string): string {
  return abs.split("/").slice(-2).join("/");
}

/**
 * Writes for a contents copy (SPEC section 4): `dest/<name>` for every protected name the
 * source folder holds, so `rsync -a evil/ .` replaces `.claudeignore` as `cp evil/.claudeignore
 * .` does (and a whole folder, `cp -r x/.git .`, lands in `dest/.git`). A source the line made
 * or the file system cannot list, and an archive, are unknown contents: they may replace every
 * protected file the destination holds, directly or below.
 */
export function contentsWrites(host: Host, c: ContentsCopy, cwd: string, name: string): void {
  const to = c.to.replace(/\/+$/, "") || "/";
  const join = (a: string, rel: string) => (a === "/" ? `/${rel}` : `${a}/${rel}`);
  if (c.from !== undefined) {
    const abs = posix.resolve(cwd, c.from);
    let landing = to;
    if (c.whole !== undefined) {
      const base = posix.basename(abs);
      if (c.whole === "yes" || host.overlay.isDir(posix.resolve(cwd, to))) landing = join(to, base);
    }
    const context = contextOf(posix.resolve(cwd, landing));
    const made = host.overlay.mayHold(abs);
    const listed = made ? "unknown" : listFolder(host.fs, abs, context);
    if (Array.isArray(listed)) {
      const via = `${name}, copying ${c.what}`;
      for (const rel of listed) {
        const p = join(landing, rel);
        pathOp(host, "write", { value: p, text: p }, cwd, via);
      }
      return;
    }
    // A whole source that is no folder (a file, or missing) was judged by its name already.
    if (c.whole !== undefined && listed === "no-folder") return;
    const what = c.whole === undefined ? `${c.what} are` : `what ${c.what} holds is`;
    unknownInto(
      host,
      landing,
      cwd,
      `${name}: ${what} unknown to automode and could replace automode's files`,
    );
    return;
  }
  unknownInto(
    host,
    to,
    cwd,
    `${name}: ${c.what} are unknown to automode and could replace automode's files`,
  );
}

/** Unknown contents landing in `to`: a write of every protected file it holds, directly or below. */
function unknownInto(host: Host, to: string, cwd: string, reason: string): void {
  for (const place of host.overlay.resolve(to, cwd) ?? []) {
    const real = host.fs.realpath(place.path);
    if (real === undefined) continue;
    const found = protectedBelow(host.fs, real, contextOf(place.path));
    for (const rel of found?.names ?? []) {
      const p = posix.join(place.path, rel);
      pathOp(host, "write", { value: p, text: p }, cwd, reason);
    }
  }
}

/**
 * The protected names a source folder holds; `no-folder` when it is no folder to list,
 * `unknown` when it holds more than the budget (then its contents are unknown: fail closed).
 */
function listFolder(
  fs: FileSystem,
  abs: string,
  context: string,
): string[] | "no-folder" | "unknown" {
  const real = fs.realpath(abs);
  if (real === undefined || fs.lstat(real) !== "directory") return "no-folder";
  const found = protectedBelow(fs, real, context);
  if (found === undefined) return "no-folder";
  return found.complete ? found.names : "unknown";
}
