import { posix } from "node:path";
import type { CommandClass, Operation } from "../../types.js";
import type { Host } from "../model.js";
import type { Arg } from "../simple.js";
import { type Effect, type Into, type Taint, worse } from "./overlay.js";

/** One simple command as it ends, for the overlay: what it is and what it emitted. */
export interface Finished {
  name: string;
  args: readonly Arg[];
  /** Subcommand words (`["pkg", "set"]`). */
  sub: readonly string[];
  cwd: string;
  klass: CommandClass;
  /** Its standard input carries network output (`curl … | tee x.sh`). */
  feedNetwork: boolean;
  /** The index in `host.ops` of its first operation. */
  opsStart: number;
  urls: readonly string[];
}

/** Commands whose writes change a file's metadata, not what it holds. */
const METADATA = new Set(["chmod", "chown", "chgrp", "chattr", "setfacl", "utimes"]);

/**
 * Compilers and build tools: what they write is built from the project's sources (`go build
 * -o bin/app && ./bin/app` runs the project). Sources the line wrote taint the build itself.
 */
export const BUILDERS = new Set([
  "go",
  "cargo",
  "rustc",
  "gcc",
  "g++",
  "cc",
  "c++",
  "clang",
  "clang++",
  "javac",
  "kotlinc",
  "scalac",
  "tsc",
  "esbuild",
  "swc",
  "babel",
  "webpack",
  "rollup",
  "vite",
  "parcel",
  "make",
  "cmake",
  "ninja",
  "mvn",
  "gradle",
  "dotnet",
  "zig",
  "ghc",
  "swiftc",
  "ld",
]);

/** Commands that write what an archive holds into a folder. */
const EXTRACTORS = new Set([
  "tar",
  "gtar",
  "bsdtar",
  "unzip",
  "7z",
  "7za",
  "7zz",
  "unrar",
  "cpio",
  "ar",
  "rsync",
  "git",
  "cp",
]);

const COPIERS = new Set(["cp", "mv", "install", "ln", "link", "ginstall", "gcp", "gmv", "gln"]);

/** Names that download into a folder under the URL's own name (`wget URL`, `curl -O URL`). */
const NAMED_DOWNLOADERS = new Set(["wget", "curl", "wget2", "aria2c"]);

/**
 * Records what a command does to the file system in the overlay (applied when it ends): links,
 * copies and moves, files and folders written, downloads. Everything it cannot tell precisely
 * is recorded the safe way (a folder whose contents are unknown).
 */
export function recordEffects(host: Host, f: Finished): void {
  const fx = host.overlay.pending;
  const by = f.name;
  const base = posix.basename(f.name);
  const copier = COPIERS.has(base);
  if (copier) {
    const made = copies(base, f);
    fx.push(...made);
    for (const e of made) if (e.kind === "symlink") linkInFolder(host, f, e);
  }
  if (base === "mkdir") {
    for (const op of writesOf(host, f.opsStart))
      fx.push({ kind: "mkdir", at: abs(op.cwd, op.path), by });
    return;
  }
  if (base === "install" && f.args.some((a) => a.value === "-d" || a.value === "--directory")) {
    for (const op of writesOf(host, f.opsStart))
      fx.push({ kind: "mkdir", at: abs(op.cwd, op.path), by });
    return;
  }
  const pkg = packageJsonEdit(base, f);
  if (pkg) fx.push({ kind: "write", at: abs(f.cwd, "package.json"), taint: "dynamic", by: pkg });
  if (copier || METADATA.has(base)) return;
  const network = f.klass === "network" || f.feedNetwork;
  // What the command read, for the taint of what it writes (`tar xf a.tgz` from a download).
  let readTaint: Taint | undefined;
  for (let i = f.opsStart; i < host.ops.length; i++) {
    const op = host.ops[i];
    // Incidental arguments too: `gcc -o app m.c` names its source as one.
    if (op?.kind !== "read") continue;
    const t = host.overlay.taintOf(op.path, op.cwd);
    readTaint = worse(readTaint, t === "unknown" ? "dynamic" : t);
  }
  const taint: Taint = network
    ? "remote"
    : (worse(readTaint, BUILDERS.has(base) ? "built" : "dynamic") as Taint);
  let wrote = false;
  // Only a download or an extraction writes into a folder it names (`tar x -C d`, `wget -P d`).
  const fills = network || EXTRACTORS.has(base);
  for (const op of writesOf(host, f.opsStart)) {
    wrote = true;
    const at = abs(op.cwd, op.path);
    if (fills && host.overlay.isDir(posix.resolve(at))) {
      if (network && NAMED_DOWNLOADERS.has(base) && f.urls.length > 0) {
        for (const u of f.urls)
          fx.push({ kind: "write", at: `${at}/${urlName(u)}`, taint: "remote", by });
      } else fx.push({ kind: "tree", at, taint: network ? "remote" : (readTaint ?? "copy"), by });
    } else if (network && base === "git") fx.push({ kind: "tree", at, taint: "remote", by });
    else fx.push({ kind: "write", at, taint, by });
  }
  if (!wrote && base === "git" && f.sub[0] === "clone") {
    // `git clone URL`: the folder is named for the repository.
    for (const u of f.urls) {
      const name = urlName(u).replace(/\.git$/, "");
      if (name !== "" && name !== "index.html")
        fx.push({ kind: "tree", at: abs(f.cwd, name), taint: "remote", by });
    }
  }
}

/**
 * `ln -s ../x lib` with `lib` an existing folder makes `lib/x`, whose target is read from
 * `lib`: the read the operand table emitted from the destination's parent moves there.
 */
function linkInFolder(host: Host, f: Finished, e: Extract<Effect, { kind: "symlink" }>): void {
  if (e.into !== "maybe" || e.target.startsWith("/")) return;
  const dest = e.at.slice(f.cwd.length + 1);
  if (!e.at.startsWith(`${f.cwd}/`) || !host.overlay.isDir(posix.resolve(e.at))) return;
  const slash = dest.lastIndexOf("/");
  const was = slash < 0 ? e.target : `${dest.slice(0, slash)}/${e.target}`;
  for (let i = f.opsStart; i < host.ops.length; i++) {
    const op = host.ops[i];
    if (op?.kind === "read" && op.via === f.name && op.cwd === f.cwd && op.path === was) {
      op.path = `${dest}/${e.target}`;
      return;
    }
  }
}

function writesOf(host: Host, from: number): Array<Extract<Operation, { kind: "write" }>> {
  const out: Array<Extract<Operation, { kind: "write" }>> = [];
  for (let i = from; i < host.ops.length; i++) {
    const op = host.ops[i];
    if (op?.kind === "write") out.push(op);
  }
  return out;
}

/** Absolute, not normalised: `..` after a link is the overlay's to take. */
function abs(cwd: string, path: string): string {
  return path.startsWith("/") ? path : `${cwd}/${path}`;
}

/** The file name `wget URL` and `curl -O URL` save under. */
function urlName(u: string): string {
  let path = u;
  try {
    path = new URL(u).pathname;
  } catch {
    path = u.replace(/[?#].*$/, "");
  }
  const name = decodeSafe(path.replace(/\/+$/, "").split("/").pop() ?? "");
  return name === "" || path.endsWith("/") ? "index.html" : name;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `npm pkg set scripts.test=…`, `npm set-script`: the line rewrites package.json. */
function packageJsonEdit(base: string, f: Finished): string | undefined {
  if (base !== "npm" && base !== "pnpm" && base !== "yarn" && base !== "bun") return undefined;
  const words = f.args.map((a) => a.value).filter((v) => v !== undefined && !v.startsWith("-"));
  const [a, b] = words;
  if (a === "pkg" && (b === "set" || b === "delete" || b === "fix")) return `${base} pkg ${b}`;
  if (a === "set-script" || a === "init" || a === "create") return `${base} ${a}`;
  return undefined;
}

const LONG_VALUES = ["--suffix", "--mode", "--owner", "--group", "--strip-program", "--context"];

/**
 * cp, mv, install, ln and link: the links, copies and moves they make, parsed as GNU
 * coreutils reads them (`-t DIR`, `-T`, `-s`, `-l`, `ln -r`).
 */
function copies(base: string, f: Finished): Effect[] {
  const values = f.args.map((a) => a.value);
  const isLn = base === "ln" || base === "gln" || base === "link";
  const shortValues = base === "install" || base === "ginstall" ? "tSmog" : "tS";
  let target: string | undefined;
  let targetUnknown = false;
  let noTarget = false;
  let symbolic = false;
  let hard = base === "link";
  let relative = false;
  let noDeref = false;
  let ended = false;
  const operands: Array<string | undefined> = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (ended || v === undefined || v === "-" || !v.startsWith("-")) {
      operands.push(v);
      continue;
    }
    if (v === "--") {
      ended = true;
      continue;
    }
    if (v.startsWith("--")) {
      const eq = v.indexOf("=");
      const key = eq < 0 ? v : v.slice(0, eq);
      const long = (full: string) => key.length >= 4 && full.startsWith(key);
      if (long("--target-directory")) {
        target = eq < 0 ? values[++i] : v.slice(eq + 1);
        if (target === undefined) targetUnknown = true;
      } else if (long("--symbolic")) symbolic = true;
      else if (long("--link") && !isLn) hard = true;
      else if (long("--relative") && isLn) relative = true;
      else if (long("--no-target-directory")) noTarget = true;
      else if (long("--no-dereference") && isLn) noDeref = true;
      else if (eq < 0 && LONG_VALUES.some((l) => long(l))) i++;
      continue;
    }
    for (let j = 1; j < v.length; j++) {
      const c = v[j] as string;
      if (shortValues.includes(c)) {
        const rest = v.slice(j + 1);
        const value = rest !== "" ? rest : values[++i];
        if (c === "t") {
          target = value;
          if (value === undefined) targetUnknown = true;
        }
        break;
      }
      if (c === "s") symbolic = true;
      else if (c === "l" && !isLn) hard = true;
      else if (c === "r" && isLn) relative = true;
      else if (c === "T") noTarget = true;
      else if (c === "n" && isLn) noDeref = true;
    }
  }
  if (targetUnknown) return [];
  let sources: Array<string | undefined>;
  let dest: string | undefined;
  let into: Into;
  if (target !== undefined) {
    sources = operands;
    dest = target;
    into = "yes";
  } else if (operands.length === 1 && isLn) {
    sources = operands;
    dest = ".";
    into = "yes";
  } else {
    if (operands.length < 2) return [];
    sources = operands.slice(0, -1);
    dest = operands.at(-1);
    into =
      sources.length > 1 || dest?.endsWith("/") === true
        ? "yes"
        : noTarget
          ? "no"
          : noDeref
            ? "maybe-here"
            : "maybe";
  }
  if (dest === undefined) return [];
  const at = abs(f.cwd, dest);
  const out: Effect[] = [];
  const by = f.name;
  for (const s of sources) {
    if (s === undefined) {
      // A source automode cannot see: whatever lands at the destination is unknown.
      out.push({ kind: "tree", at, taint: "dynamic", by });
      continue;
    }
    const from = abs(f.cwd, s);
    if (symbolic) {
      // `ln -r` (and `cp -s`, which needs an absolute source anyway) names the target from the
      // cwd; plain `ln -s` stores the text, read later from the link's own folder.
      const t = relative || !isLn ? posix.resolve(f.cwd, s) : s;
      out.push({ kind: "symlink", at, target: t, by, into });
    } else if (hard || isLn) out.push({ kind: "hardlink", at, of: from, by, into });
    else out.push({ kind: "copy", from, to: at, move: base === "mv" || base === "gmv", by, into });
  }
  return out;
}
