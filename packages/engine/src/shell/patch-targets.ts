import { posix } from "node:path";
import { hasOpt, optValue, parseArgs } from "./flags.js";
import type { FileSystem } from "./fs.js";

/**
 * The files a unified or git diff writes (`+++ b/src/a.ts`, `rename to x`), after stripping
 * `strip` leading components as `patch -pN` / `git apply -pN` do. Undefined when the text
 * names no target automode can read.
 */
export function patchTargets(text: string, strip: number): string[] {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    let m = /^\+\+\+ ([^\t\n]+)/.exec(line);
    if (m?.[1] && m[1] !== "/dev/null") {
      out.add(stripPath(m[1].trim(), strip));
      continue;
    }
    // The old name is deleted or replaced too (`--- a/x` with `+++ /dev/null`).
    m = /^--- ([^\t\n]+)/.exec(line);
    if (m?.[1] && m[1] !== "/dev/null") out.add(stripPath(m[1].trim(), strip));
    m = /^(?:rename|copy) (?:from|to) (.+)$/.exec(line);
    if (m?.[1]) out.add(m[1].trim());
  }
  return [...out].filter((p) => p !== "");
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
  );
}

/** `patch [opts] [FILE [PATCHFILE]]`, `patch -i PATCHFILE`. */
export function patchWrites(
  args: readonly (string | undefined)[],
  cwd: string,
  fs: FileSystem,
): PatchWrites | undefined {
  const p = parseArgs(args, {
    shortValue: "ipdoDFrBzYVgx",
    longValue: ["--input", "--directory", "--strip", "--output"],
  });
  if (hasOpt(p, "--dry-run")) return undefined;
  const input =
    optValue(p, "-i", "--input") ?? (p.operands[1] !== undefined ? args[p.operands[1]] : undefined);
  if (p.operands[0] !== undefined && input === undefined) return undefined; // `patch FILE < x`: writes FILE (an operand).
  const strip = Number(optValue(p, "-p", "--strip") ?? "0");
  return readPatches(
    [input],
    Number.isFinite(strip) ? strip : 0,
    cwd,
    fs,
    "patch",
    optValue(p, "-d", "--directory"),
  );
}

function readPatches(
  files: readonly (string | undefined)[],
  strip: number,
  cwd: string,
  fs: FileSystem,
  what: string,
  dir: string | undefined,
): PatchWrites {
  if (files.length === 0 || files.some((f) => f === undefined || f === "-"))
    return {
      paths: [],
      unseen: `${what} reads its patch from input automode cannot see, so the files it writes are unknown`,
    };
  const paths: string[] = [];
  for (const f of files as string[]) {
    const text = fs.readFile(posix.resolve(cwd, f));
    if (text === undefined)
      return {
        paths: [],
        unseen: `${what} applies ${f}, which automode cannot read, so the files it writes are unknown`,
      };
    for (const t of patchTargets(text, strip)) paths.push(dir ? posix.join(dir, t) : t);
  }
  return { paths, unseen: undefined };
}
