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
 * cannot be listed. Breadth first, so the shallow ones are found before the budget ends; `.git`
 * and `node_modules` are looked into one level only (what is protected there is named at
 * the top), and links are not followed (a copy copies the link). `context` is the name the
 * entries land under (`.claude` for `rsync -a x/ .claude/`), so `policy.json` there counts.
 */
export function protectedBelow(
  fs: FileSystem,
  real: string,
  context: string,
): string[] | undefined {
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
        if (++seen > MAX_ENTRIES) return found;
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
  return found;
}

/**
 * Writes for a contents copy (SPEC section 4): `dest/<name>` for every protected name the
 * source folder holds, so `rsync -a evil/ .` replaces `.claudeignore` as `cp evil/.claudeignore
 * .` does. A source the line made or the file system cannot list, and an archive, are unknown
 * contents: they may replace every protected file the destination holds, directly or below.
 */
export function contentsWrites(host: Host, c: ContentsCopy, cwd: string, name: string): void {
  const to = c.to.replace(/\/+$/, "") || "/";
  const at = (rel: string) => (to === "/" ? `/${rel}` : `${to}/${rel}`);
  if (c.from !== undefined) {
    const abs = posix.resolve(cwd, c.from);
    const context = posix.basename(posix.resolve(cwd, to));
    const listed = host.overlay.mayHold(abs) ? undefined : listFolder(host.fs, abs, context);
    if (listed !== undefined) {
      const via = `${name}, copying ${c.what}`;
      for (const rel of listed) pathOp(host, "write", { value: at(rel), text: at(rel) }, cwd, via);
      return;
    }
  }
  const reason = `${name}: ${c.what} are unknown to automode and could replace automode's files`;
  for (const place of host.overlay.resolve(to, cwd) ?? []) {
    const real = host.fs.realpath(place.path);
    if (real === undefined) continue;
    for (const rel of protectedBelow(host.fs, real, posix.basename(place.path)) ?? []) {
      const p = posix.join(place.path, rel);
      pathOp(host, "write", { value: p, text: p }, cwd, reason);
    }
  }
}

/** The protected names a source folder holds, or undefined when it is no folder to list. */
function listFolder(fs: FileSystem, abs: string, context: string): string[] | undefined {
  const real = fs.realpath(abs);
  if (real === undefined || fs.lstat(real) !== "directory") return undefined;
  return protectedBelow(fs, real, context);
}
