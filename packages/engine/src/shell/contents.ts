import { hasOpt, parseArgs } from "./flags.js";
import { CP_SPEC, INSTALL_SPEC, RSYNC_SPEC, remoteHost, TAR_SPEC } from "./operands.js";

/**
 * A copy of what a folder holds, not of the folder (`rsync -a evil/ .`, `cp -r evil/. .`,
 * `cp -rT evil .`), or an extraction of an archive whose contents automode cannot see
 * (`tar xf a.tar`, `unzip a.zip -d x`): `from` is the source folder, as written, or undefined
 * when the contents are unknown. The walk lists `from` (or, unknown, looks for automode's
 * files in `to`) through the file system; this file only reads the words.
 */
export interface ContentsCopy {
  from?: string;
  to: string;
  /** For reasons: "the archive's contents", "the contents of x/". */
  what: string;
  /**
   * The folder itself is copied (`cp -r x/.git .`): its entries land in `to/<its name>` when
   * `to` is a folder (always, for rsync), else in `to`. A source that cannot be listed is then
   * a file or new, which the copy's own operands already judge.
   */
  whole?: "maybe" | "yes";
}

type Values = readonly (string | undefined)[];

/** `x/.` and `x/./` name the folder's contents as the source's last step. */
function dotSource(s: string): boolean {
  return /(^|\/)\.\/*$/.test(s);
}

const unknown = (to: string): ContentsCopy => ({ to, what: "the archive's contents" });

export function contentsCopies(name: string, v: Values): ContentsCopy[] {
  switch (name) {
    case "cp":
    case "mv":
    case "install":
      return copy(name, v);
    case "rsync":
      return rsync(v);
    case "ditto":
      return ditto(v);
    case "tar":
    case "bsdtar":
    case "gtar":
      return tar(v);
    case "unzip":
      return unzip(v);
    case "7z":
    case "7za":
    case "7zz":
      return sevenZip(v);
    case "cpio":
      return cpio(v);
    case "jar":
      // `jar xf a.jar`, `jar -xf`, `jar --extract`: into the cwd.
      return /^-?[a-z0-9]*x[a-z0-9]*$/i.test(v[0] ?? "") ||
        v.some((a) => a === "--extract" || (a !== undefined && /^-[a-z0-9]*x[a-z0-9]*$/i.test(a)))
        ? [unknown(".")]
        : [];
    case "zipfile":
    case "tarfile": {
      // `python3 -m zipfile -e a.zip dest`, `python3 -m tarfile -e a.tar [dest]`.
      const e = v.findIndex((a) => a === "-e" || a === "--extract");
      if (e < 0) return [];
      const dest = v[e + 2];
      return [unknown(dest ?? ".")];
    }
    default:
      return [];
  }
}

function copy(name: string, v: Values): ContentsCopy[] {
  const p = parseArgs(v, name === "install" ? INSTALL_SPEC : CP_SPEC);
  const recursive = name === "mv" || hasOpt(p, "-r", "-R", "-a", "--recursive", "--archive");
  if (!recursive) return [];
  const target = p.opts.find(
    (o) => (o.name === "-t" || o.name === "--target-directory") && o.value !== undefined,
  )?.value;
  const ops = p.operands;
  const dest = target ?? (ops.length > 1 ? v[ops.at(-1) as number] : undefined);
  if (dest === undefined) return [];
  const sources = target !== undefined ? ops : ops.slice(0, -1);
  const noTarget = hasOpt(p, "-T") || p.opts.some((o) => long(o.name, "--no-target-directory", 6));
  const out: ContentsCopy[] = [];
  for (const i of sources) {
    const s = v[i];
    if (s === undefined) continue;
    // `-T` puts the source at the destination itself: a folder's entries land in `dest`.
    if (dotSource(s) || (noTarget && target === undefined && sources.length === 1))
      out.push({ from: s, to: dest, what: `the contents of ${s}` });
    else
      out.push({
        from: s,
        to: dest,
        what: s,
        whole: target !== undefined || sources.length > 1 || dest.endsWith("/") ? "yes" : "maybe",
      });
  }
  return out;
}

/** A GNU long option or an unambiguous prefix of it (`--no-t` for `--no-target-directory`). */
function long(given: string, full: string, min: number): boolean {
  return given.length >= min && full.startsWith(given);
}

/** `ditto src dst`: the source folder's contents land in the destination. */
function ditto(v: Values): ContentsCopy[] {
  const ops = parseArgs(v, { shortValue: "", longValue: ["--arch", "--bom"] }).operands;
  const dest = ops.length > 1 ? v[ops.at(-1) as number] : undefined;
  if (dest === undefined) return [];
  return ops
    .slice(0, -1)
    .map((i) => v[i])
    .filter((s): s is string => s !== undefined)
    .map((s) => ({ from: s, to: dest, what: `the contents of ${s}` }));
}

function rsync(v: Values): ContentsCopy[] {
  const p = parseArgs(v, RSYNC_SPEC);
  // `-d` copies the folder's own entries, without going down.
  if (!hasOpt(p, "-r", "-a", "-d", "--recursive", "--archive", "--dirs")) return [];
  const ops = p.operands;
  if (ops.length < 2) return [];
  const dest = v[ops.at(-1) as number];
  if (dest === undefined || remoteHost(dest) !== undefined) return [];
  const out: ContentsCopy[] = [];
  for (const i of ops.slice(0, -1)) {
    const s = v[i];
    if (s === undefined) continue;
    // A remote source's contents are unknown; a trailing slash copies what the folder holds.
    if (remoteHost(s) !== undefined) out.push({ to: dest, what: `the contents of ${s}` });
    else if (s.endsWith("/") || dotSource(s))
      out.push({ from: s, to: dest, what: `the contents of ${s}` });
    else out.push({ from: s, to: dest, what: s, whole: "yes" });
  }
  return out;
}

function tar(v: Values): ContentsCopy[] {
  const first = v[0];
  const args =
    first !== undefined && !first.startsWith("-") && /^[A-Za-z]+$/.test(first)
      ? [`-${first}`, ...v.slice(1)]
      : [...v];
  const p = parseArgs(args, TAR_SPEC);
  if (!hasOpt(p, "-x", "--extract", "--get")) return [];
  // Output to stdout or to a command writes no files here.
  if (hasOpt(p, "-O", "--to-stdout") || p.opts.some((o) => o.name === "--to-command")) return [];
  const dirs = p.opts
    .filter((o) => (o.name === "-C" || o.name === "--directory") && o.value !== undefined)
    .map((o) => o.value as string);
  return (dirs.length > 0 ? dirs : ["."]).map(unknown);
}

function unzip(v: Values): ContentsCopy[] {
  const p = parseArgs(v, { shortValue: "dxP" });
  if (hasOpt(p, "-l", "-t", "-p", "-v", "-c", "-z", "-Z")) return [];
  const d = p.opts.find((o) => o.name === "-d" && o.value !== undefined)?.value;
  return [unknown(d ?? ".")];
}

function sevenZip(v: Values): ContentsCopy[] {
  const sub = v.find((a) => a !== undefined && !a.startsWith("-"));
  if (sub !== "x" && sub !== "e") return [];
  if (v.includes("-so")) return [];
  const o = v.find((a) => a?.startsWith("-o") && a.length > 2);
  return [unknown(o === undefined ? "." : o.slice(2))];
}

function cpio(v: Values): ContentsCopy[] {
  const p = parseArgs(v, {
    shortValue: "DEFHIMORCs",
    longValue: ["--directory", "--file", "--format", "--pattern-file"],
  });
  const dir = p.opts.find((o) => (o.name === "-D" || o.name === "--directory") && o.value)?.value;
  if (hasOpt(p, "-i", "--extract")) return [unknown(dir ?? ".")];
  // `cpio -p dest`: the files named on its input, which automode cannot see, land in dest.
  if (hasOpt(p, "-p", "--pass-through")) {
    const d = v[p.operands[0] ?? -1];
    return d === undefined ? [] : [{ to: d, what: "the files cpio reads from its input" }];
  }
  return [];
}
