import { posix } from "node:path";
import { specialPath } from "@automode/scope";
import { hasOpt, optValue, parseArgs } from "./flags.js";
import type { FileSystem } from "./fs.js";
import { descriptorOf } from "./proc-paths.js";

/**
 * The files a unified, context or git diff writes (`+++ b/src/a.ts`, `*** a.ts`, `Index: a.ts`,
 * `diff --git a/x b/x`, `rename to x`), each name after stripping `strip` leading components as
 * `patch -pN` / `git apply -pN` do; with `strip` undefined (GNU `patch` without `-p`), both the
 * whole name and its last component, which is what GNU patch then uses. Over-approximates
 * (every name a header line gives, also the old name of a rename), never under.
 */
export function patchTargets(text: string, strip: number | undefined): string[] {
  const out = new Set<string>();
  const add = (raw: string) => {
    const name = unquote(raw.trim());
    if (name === "" || name === "/dev/null") return;
    if (strip === undefined) {
      out.add(name);
      out.add(
        name
          .split("/")
          .filter((s) => s !== "")
          .pop() ?? name,
      );
    } else out.add(stripPath(name, strip));
  };
  for (const line of text.split("\n")) {
    let m = /^(?:\+\+\+|---) ([^\t\n]+)/.exec(line);
    // `--- 1,3 ----` is a hunk of a context diff, not a name.
    if (m?.[1] && !/^\d+(,\d+)? ----\s*$/.test(m[1])) {
      add(m[1]);
      continue;
    }
    m = /^\*\*\* ([^\t\n]+)/.exec(line);
    if (m?.[1] && !/^\d+(,\d+)? \*\*\*\*\s*$/.test(m[1])) {
      add(m[1]);
      continue;
    }
    m = /^Index: (.+)$/.exec(line);
    if (m?.[1]) {
      add(m[1]);
      continue;
    }
    m = /^diff --git (.+)$/.exec(line);
    if (m?.[1]) {
      // `a/x b/x`; with spaces in names the split is ambiguous: every split is a candidate.
      const both = m[1];
      for (let at = both.indexOf(" "); at !== -1; at = both.indexOf(" ", at + 1)) {
        add(both.slice(0, at));
        add(both.slice(at + 1));
      }
      continue;
    }
    // git's extended headers name files without a prefix to strip.
    m = /^(?:rename|copy) (?:from|to) (.+)$/.exec(line);
    if (m?.[1]) {
      const name = unquote(m[1].trim());
      if (name !== "") out.add(name);
    }
  }
  return [...out].filter((p) => p !== "");
}

/** git quotes names with special characters (`"a\tb"`): the text between the quotes. */
function unquote(name: string): string {
  return name.length >= 2 && name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1) : name;
}

function stripPath(p: string, strip: number): string {
  const parts = p.split("/");
  return parts.slice(Math.min(strip, parts.length - 1)).join("/");
}

export interface PatchWrites {
  /** Paths written (relative to `cwd`), when the patch text was read. */
  paths: string[];
  /** Why automode cannot tell which files it writes, when it cannot. */
  unseen: string | undefined;
}

/** `git apply [opts] FILE…` / `git am FILE…`: the files the patches write. */
export function gitApplyWrites(
  sub: string,
  args: readonly (string | undefined)[],
  cwd: string,
  fs: FileSystem,
  stdin?: string,
): PatchWrites | undefined {
  const p = parseArgs(args, {
    shortValue: "pC",
    longValue: ["--exclude", "--include", "--directory", "--whitespace", "--build-fake-ancestor"],
  });
  if (
    sub === "apply" &&
    hasOpt(p, "--check", "--stat", "--numstat", "--summary") &&
    !hasOpt(p, "--apply")
  )
    return undefined;
  if (sub === "apply" && hasOpt(p, "--cached")) return undefined;
  if (sub === "am" && hasOpt(p, "--abort", "--skip", "--quit", "--show-current-patch"))
    return undefined;
  const strip = Number(optValue(p, "-p") ?? "1");
  const dir = optValue(p, "--directory");
  return readPatches(
    p.operands.map((i) => args[i]),
    Number.isFinite(strip) ? strip : 1,
    cwd,
    fs,
    `git ${sub}`,
    dir,
    stdin,
  );
}

/** `patch [opts] [FILE [PATCHFILE]]`, `patch -i PATCHFILE`. */
export function patchWrites(
  args: readonly (string | undefined)[],
  cwd: string,
  fs: FileSystem,
  stdin?: string,
): PatchWrites | undefined {
  const p = parseArgs(args, {
    shortValue: "ipdoDFrBzYVgx",
    longValue: ["--input", "--directory", "--strip", "--output"],
  });
  if (hasOpt(p, "--dry-run")) return undefined;
  const input =
    optValue(p, "-i", "--input") ?? (p.operands[1] !== undefined ? args[p.operands[1]] : undefined);
  if (p.operands[0] !== undefined && input === undefined) return undefined; // `patch FILE < x`: writes FILE (an operand).
  const given = optValue(p, "-p", "--strip");
  const strip = given === undefined ? undefined : Number(given);
  return readPatches(
    [input],
    strip === undefined || Number.isFinite(strip) ? strip : 0,
    cwd,
    fs,
    "patch",
    optValue(p, "-d", "--directory"),
    stdin,
  );
}

function readPatches(
  files: readonly (string | undefined)[],
  strip: number | undefined,
  cwd: string,
  fs: FileSystem,
  what: string,
  dir: string | undefined,
  stdin: string | undefined,
): PatchWrites {
  // `git apply /dev/stdin`, `patch -i /proc/self/fd/0`: standard input under another name.
  const fromInput = files.every(
    (f) => f === undefined || f === "-" || descriptorOf(f, cwd) === "standard input",
  );
  if (fromInput && stdin !== undefined) {
    // A heredoc or herestring: the patch is in the line. An unquoted heredoc expands `$…` and
    // backquotes before git or patch sees the names, so a name holding one is not known.
    const named = patchTargets(stdin, strip);
    const expanded = named.find((t) => /[$`\\]/.test(t));
    if (expanded !== undefined)
      return {
        paths: [],
        unseen: `${what} applies a patch naming ${expanded}, which the shell may expand, so the files it writes are unknown`,
      };
    return { paths: named.map((t) => (dir ? posix.join(dir, t) : t)), unseen: undefined };
  }
  if (files.length === 0 || files.some((f) => f === undefined || f === "-"))
    return {
      paths: [],
      unseen: `${what} reads its patch from input automode cannot see, so the files it writes are unknown`,
    };
  const paths: string[] = [];
  for (const f of files as string[]) {
    const text = regularFileText(fs, f, cwd);
    if (text === undefined)
      return {
        paths: [],
        unseen: `${what} applies ${f}, which automode cannot read, so the files it writes are unknown`,
      };
    for (const t of patchTargets(text, strip)) paths.push(dir ? posix.join(dir, t) : t);
  }
  return { paths, unseen: undefined };
}

/**
 * The text of a patch file, when it is a regular file: never a device (`/dev/zero` would never
 * end, `/dev/stdin` is automode's own input), a descriptor or a path through `/proc/self`,
 * which would name automode's process, not the command's (those are normalised first).
 */
function regularFileText(fs: FileSystem, f: string, cwd: string): string | undefined {
  const joined = f.startsWith("/") ? f : `${cwd === "/" ? "" : cwd}/${f}`;
  const special = specialPath(joined, cwd);
  if (special !== undefined && special.kind !== "plain") return undefined;
  const real = fs.realpath(posix.resolve(special?.path ?? joined));
  if (real === undefined || fs.lstat(real) !== "file") return undefined;
  return fs.readFile(real);
}
