import { posix } from "node:path";
import { specialPath } from "@automode/scope";
import type { OptSpec } from "../flags.js";

/**
 * File operands of known commands (SPEC section 4, "Extract file operands"). Every argument
 * not modelled here still becomes an incidental read (only the hard limits apply to those).
 * Commands with a shape this table cannot express (cp, mv, ln, rsync, scp, tar, zip, unzip,
 * dd, find, git, curl, wget, ssh) are handled in `../operands.ts`.
 */
export type OperandRole = "read" | "write" | "delete" | "list" | "none";

export interface FileSpec {
  readonly opts?: OptSpec;
  readonly operands: OperandRole;
  /** Leading operands that are not paths: grep's pattern, chmod's mode, sed's script. */
  readonly skip?: number;
  /** …unless one of these options supplies it instead (`grep -e PAT file`). */
  readonly skipUnless?: readonly string[];
  /** Options that make reads recursive, or `true` for always recursive (rg). */
  readonly recursive?: readonly string[] | true;
  /** Operand assumed when none is given and the read is recursive (`rg foo` reads `.`). */
  readonly defaultOperand?: string;
  /** Options whose value is a file read / written. */
  readonly readOpts?: readonly string[];
  readonly writeOpts?: readonly string[];
  /** Options whose value is not a path (a message, a pattern, a number). */
  readonly plainOpts?: readonly string[];
  /** The operand at this index (0-based) is an output file (`uniq IN OUT`, `xxd IN OUT`). */
  readonly outputOperand?: number;
  /** Options that turn reads of the operands into writes (`sed -i`). */
  readonly writeIf?: readonly string[];
}

const READ: FileSpec = { operands: "read" };
const HEAD: FileSpec = {
  operands: "read",
  opts: { shortValue: "nc", longValue: ["--lines", "--bytes"] },
  plainOpts: ["-n", "-c", "--lines", "--bytes"],
};
const GREP: FileSpec = {
  operands: "read",
  opts: {
    shortValue: "efmABCdD",
    longValue: [
      "--regexp",
      "--file",
      "--max-count",
      "--context",
      "--after-context",
      "--before-context",
    ],
  },
  skip: 1,
  skipUnless: ["-e", "-f", "--regexp", "--file"],
  recursive: ["-r", "-R", "--recursive", "--dereference-recursive"],
  defaultOperand: ".",
  readOpts: ["-f", "--file"],
  plainOpts: ["-e", "--regexp", "-m", "-A", "-B", "-C", "--color", "--colour"],
};
const RG: FileSpec = {
  operands: "read",
  opts: {
    shortValue: "efgtTmABCMjrEd",
    longValue: [
      "--regexp",
      "--file",
      "--glob",
      "--iglob",
      "--type",
      "--type-not",
      "--max-count",
      "--replace",
      "--max-depth",
      "--type-add",
      "--encoding",
      "--context",
      "--after-context",
      "--before-context",
      "--max-columns",
      "--threads",
      "--sort",
      "--sortr",
      "--color",
      "--colors",
    ],
  },
  skip: 1,
  skipUnless: ["-e", "-f", "--regexp", "--file", "--files", "--type-list"],
  recursive: true,
  defaultOperand: ".",
  readOpts: ["-f", "--file", "--ignore-file"],
  plainOpts: [
    "-e",
    "--regexp",
    "-g",
    "--glob",
    "--iglob",
    "-t",
    "-T",
    "--type",
    "--type-not",
    "-r",
    "--replace",
    "-m",
    "-A",
    "-B",
    "-C",
    "-M",
    "-j",
    "-E",
    "-d",
    "--max-depth",
    "--type-add",
    "--sort",
    "--sortr",
  ],
};
const SED: FileSpec = {
  operands: "read",
  opts: { shortValue: "efl", longValue: ["--expression", "--file", "--line-length"] },
  skip: 1,
  skipUnless: ["-e", "-f", "--expression", "--file"],
  readOpts: ["-f", "--file"],
  plainOpts: ["-e", "--expression", "-l"],
  writeIf: ["-i", "--in-place"],
};
const AWK: FileSpec = {
  operands: "read",
  opts: { shortValue: "Fvf", longValue: ["--field-separator", "--assign", "--file"] },
  skip: 1,
  skipUnless: ["-f", "--file"],
  readOpts: ["-f", "--file"],
  plainOpts: ["-F", "-v", "--field-separator", "--assign"],
};
const WRITE: FileSpec = { operands: "write" };
const MODE_THEN_WRITE: FileSpec = {
  operands: "write",
  skip: 1,
  skipUnless: ["--reference"],
  readOpts: ["--reference"],
  recursive: ["-R", "--recursive"],
};
const DELETE: FileSpec = { operands: "delete" };
const LIST: FileSpec = {
  operands: "list",
  opts: {
    shortValue: "IwT",
    longValue: ["--ignore", "--hide", "--width", "--format", "--sort", "--time-style"],
  },
  plainOpts: ["-I", "--ignore", "--hide", "-w", "--width"],
};

export const FILE_COMMANDS: Readonly<Record<string, FileSpec>> = {
  cat: READ,
  tac: READ,
  nl: READ,
  less: READ,
  more: READ,
  head: HEAD,
  tail: {
    ...HEAD,
    opts: { shortValue: "ncs", longValue: ["--lines", "--bytes", "--pid", "--sleep-interval"] },
  },
  grep: GREP,
  egrep: GREP,
  fgrep: GREP,
  rg: RG,
  ag: {
    operands: "read",
    opts: { shortValue: "GgAB C", longValue: ["--file-search-regex", "--ignore", "--context"] },
    skip: 1,
    recursive: true,
    defaultOperand: ".",
  },
  ack: { operands: "read", skip: 1, recursive: true, defaultOperand: "." },
  sed: SED,
  awk: AWK,
  gawk: AWK,
  source: READ,
  ".": READ,
  base64: {
    operands: "read",
    opts: { shortValue: "w", longValue: ["--wrap"] },
    plainOpts: ["-w", "--wrap"],
  },
  xxd: { operands: "read", opts: { shortValue: "cglosnR", longValue: [] }, outputOperand: 1 },
  od: { operands: "read", opts: { shortValue: "AjNtw", longValue: [] } },
  hexdump: { operands: "read", opts: { shortValue: "ens", longValue: [] } },
  strings: { operands: "read", opts: { shortValue: "nt", longValue: [] } },
  wc: READ,
  sort: {
    operands: "read",
    opts: {
      shortValue: "ktoST",
      longValue: ["--key", "--field-separator", "--output", "--buffer-size"],
    },
    writeOpts: ["-o", "--output"],
    plainOpts: ["-k", "-t", "--key", "--field-separator", "-S"],
  },
  uniq: {
    operands: "read",
    opts: { shortValue: "fsw", longValue: ["--skip-fields", "--skip-chars", "--check-chars"] },
    plainOpts: ["-f", "-s", "-w", "--skip-fields", "--skip-chars", "--check-chars"],
    outputOperand: 1,
  },
  cut: {
    operands: "read",
    opts: { shortValue: "bcdf", longValue: ["--delimiter", "--fields", "--bytes", "--characters"] },
    plainOpts: ["-b", "-c", "-d", "-f", "--delimiter", "--fields"],
  },
  paste: READ,
  join: READ,
  comm: READ,
  diff: { operands: "read", recursive: ["-r", "--recursive"] },
  cmp: READ,
  column: READ,
  fold: READ,
  fmt: READ,
  rev: READ,
  md5sum: READ,
  md5: READ,
  sha1sum: READ,
  sha256sum: READ,
  sha512sum: READ,
  shasum: READ,
  cksum: READ,
  file: READ,
  stat: READ,
  jq: {
    operands: "read",
    opts: {
      shortValue: "",
      longValue: ["--arg", "--argjson", "--slurpfile", "--rawfile", "--indent"],
    },
    skip: 1,
    skipUnless: ["--from-file", "-f"],
    readOpts: ["--slurpfile", "--rawfile", "--from-file", "-f"],
  },
  yq: { operands: "read", skip: 1 },
  zcat: READ,
  bzcat: READ,
  xzcat: READ,
  ls: LIST,
  tree: LIST,
  du: { operands: "list" },
  touch: {
    operands: "write",
    opts: { shortValue: "rdt", longValue: ["--reference", "--date"] },
    readOpts: ["-r", "--reference"],
  },
  // `python -m venv DIR…`: each operand is a folder it creates.
  venv: { operands: "write", opts: { longValue: ["--prompt"] }, plainOpts: ["--prompt"] },
  mkdir: {
    operands: "write",
    opts: { shortValue: "m", longValue: ["--mode"] },
    plainOpts: ["-m", "--mode"],
  },
  chmod: MODE_THEN_WRITE,
  chown: MODE_THEN_WRITE,
  chgrp: MODE_THEN_WRITE,
  tee: WRITE,
  truncate: {
    operands: "write",
    opts: { shortValue: "sr", longValue: ["--size", "--reference"] },
    plainOpts: ["-s", "--size"],
    readOpts: ["-r", "--reference"],
  },
  shred: {
    operands: "write",
    opts: { shortValue: "ns", longValue: ["--iterations", "--size", "--random-source"] },
  },
  rm: DELETE,
  unlink: DELETE,
  rmdir: DELETE,
  rimraf: { operands: "delete", recursive: true },
  gzip: WRITE,
  gunzip: WRITE,
  bzip2: WRITE,
  xz: WRITE,
  patch: {
    operands: "write",
    opts: { shortValue: "ipdoDFrBzYVg", longValue: ["--input", "--directory"] },
    readOpts: ["-i", "--input"],
  },
};

/** Device paths that are not files: reading or writing them touches nothing. */
export const HARMLESS_PATHS: ReadonlySet<string> = new Set([
  "/dev/null",
  "/dev/stdout",
  "/dev/stderr",
  "/dev/stdin",
  "/dev/tty",
  "/dev/zero",
  "/dev/random",
  "/dev/urandom",
]);

/** `/dev/fd/N` and `/proc/self/fd/N` alone: a descriptor (process substitution), not a path. */
const descriptorOnly = /^\/(?:dev|proc\/self)\/fd\/[0-9]+$/u;

/**
 * Whether a path names no file, judged on the path normalised for the command (SPEC section
 * 4, issue 12 item 4): `/dev/fd/../cwd/.env` is `<cwd>/.env`, a file, never skipped; a
 * standard stream in any spelling (`/proc/self/fd/1`, `/dev/fd/../fd/2`) is harmless, and so
 * is a bare descriptor (`/dev/fd/63`, what `<(…)` passes). A relative path is joined to `cwd`
 * first (`../../dev/null` from two folders down).
 */
export function isHarmlessPath(p: string, cwd = "/"): boolean {
  if (HARMLESS_PATHS.has(p) || descriptorOnly.test(p)) return true;
  if (!p.includes("dev") && !p.includes("proc")) return false;
  const joined = p.startsWith("/") ? p : `${cwd === "/" ? "" : cwd}/${p}`;
  const special = specialPath(joined, cwd);
  if (special === undefined) return HARMLESS_PATHS.has(posix.resolve(joined));
  return (
    special.kind === "stream" ||
    (special.kind === "plain" && HARMLESS_PATHS.has(posix.resolve(special.path)))
  );
}
