import { isFileUrl, uploadTargets } from "./file-urls.js";
import { hasOpt, type OptSpec, type ParsedArgs, parseArgs } from "./flags.js";
import { isUrl, scpRemote } from "./remote.js";
import { FILE_COMMANDS, type FileSpec } from "./tables/files.js";

/** What one argument is to the command that receives it. */
export type Role =
  | "read"
  | "read-recursive"
  | "write"
  | "delete"
  | "delete-recursive"
  /** `mv` sources: read, then deleted. */
  | "move"
  | "list"
  /** Not a path: a pattern, a message, a number, a remote command. */
  | "plain"
  /** A URL or host. */
  | "network";

export interface Extra {
  role: Role;
  path: string;
}

export interface Roles {
  /** Per argument index (arguments after the command name); undefined: incidental. */
  roles: (Role | undefined)[];
  /** Operations on paths that are not arguments (`rg foo` reads `.`, `tar x` writes `.`). */
  extra: Extra[];
  /** Network targets, normalised to URLs. */
  urls: string[];
  /** Reasons the command is dynamic beyond unknown words (`tar --to-command`). */
  dynamic: string[];
  /** Ranges of arguments that are a command run by this one (`find -exec … ;`). */
  execs: Exec[];
}

export interface Exec {
  /** `-exec`, `-execdir`, `-ok`, `-okdir`. */
  kind: string;
  start: number;
  end: number;
}

type Values = readonly (string | undefined)[];

function empty(n: number): Roles {
  return {
    roles: new Array<Role | undefined>(n).fill(undefined),
    extra: [],
    urls: [],
    dynamic: [],
    execs: [],
  };
}

function markOpts(
  r: Roles,
  p: ParsedArgs,
  names: readonly string[] | undefined,
  role: Role,
  values: Values,
): void {
  if (!names) return;
  for (const o of p.opts) {
    if (!names.includes(o.name) || o.value === undefined) continue;
    if (o.valueIndex !== undefined) r.roles[o.valueIndex] = role;
    else if (role !== "plain") {
      // `--output=file` / `-ofile`: the value is inside the option word.
      r.extra.push({ role, path: o.value });
      r.roles[o.index] = "plain";
    } else r.roles[o.index] = "plain";
  }
  void values;
}

function table(spec: FileSpec, v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, spec.opts);
  markOpts(r, p, spec.readOpts, "read", v);
  markOpts(r, p, spec.writeOpts, "write", v);
  markOpts(r, p, spec.plainOpts, "plain", v);
  let operands = p.operands;
  if (spec.skip && !(spec.skipUnless && hasOpt(p, ...spec.skipUnless))) {
    for (const i of operands.slice(0, spec.skip)) r.roles[i] = "plain";
    operands = operands.slice(spec.skip);
  }
  const recursive =
    spec.recursive === true || (spec.recursive !== undefined && hasOpt(p, ...spec.recursive));
  let role: Role;
  switch (spec.operands) {
    case "read":
      role =
        spec.writeIf && hasOpt(p, ...spec.writeIf)
          ? "write"
          : recursive
            ? "read-recursive"
            : "read";
      break;
    case "write":
      role = "write";
      break;
    case "delete":
      role =
        spec.recursive === true ||
        hasOpt(p, "-r", "-R") ||
        p.opts.some((o) => o.name.length >= 5 && "--recursive".startsWith(o.name))
          ? "delete-recursive"
          : "delete";
      break;
    case "list":
      role = "list";
      break;
    default:
      role = "plain";
  }
  for (const i of operands) r.roles[i] = role;
  const out = spec.outputOperand === undefined ? undefined : operands[spec.outputOperand];
  if (out !== undefined && v[out] !== "-") r.roles[out] = "write";
  if (role === "write" && spec.operands === "read") {
    // sed -i reads and writes each file.
    for (const i of operands) {
      const path = v[i];
      if (path !== undefined) r.extra.push({ role: "read", path });
    }
  }
  if (operands.length === 0 && recursive && spec.defaultOperand)
    r.extra.push({ role: "read-recursive", path: spec.defaultOperand });
  if (operands.length === 0 && spec.operands === "list") r.extra.push({ role: "list", path: "." });
  return r;
}

export const CP_SPEC: OptSpec = {
  shortValue: "tS",
  longValue: ["--target-directory", "--suffix", "--backup", "--sparse", "--reflink"],
};

/** cp, mv, ln, install: sources then a destination, or `-t dest` and sources. */
export const INSTALL_SPEC: OptSpec = {
  shortValue: "tSmogS",
  longValue: ["--target-directory", "--suffix", "--mode", "--owner", "--group"],
};

function copy(v: Values, src: Role, recursiveSrc: Role, spec: OptSpec = CP_SPEC): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, spec);
  for (const o of p.opts) if (o.valueIndex !== undefined) r.roles[o.valueIndex] = "plain";
  // A move takes a folder whole, with no flag.
  const recursive = src === "move" || hasOpt(p, "-r", "-R", "-a", "--recursive", "--archive");
  const s = recursive ? recursiveSrc : src;
  const target = p.opts.find(
    (o) => (o.name === "-t" || o.name === "--target-directory") && o.value !== undefined,
  );
  if (target) {
    if (target.valueIndex !== undefined) r.roles[target.valueIndex] = "write";
    else if (target.value) r.extra.push({ role: "write", path: target.value });
    for (const i of p.operands) r.roles[i] = s;
    if (target.value) intoFolder(r, v, p.operands, target.value, recursive);
    return r;
  }
  const ops = p.operands;
  const last = ops.at(-1);
  if (last === undefined) return r;
  for (const i of ops.slice(0, -1)) r.roles[i] = s;
  r.roles[last] = ops.length === 1 ? s : "write";
  const dest = v[last];
  if (ops.length > 1 && dest !== undefined) intoFolder(r, v, ops.slice(0, -1), dest, recursive);
  return r;
}

/** The names automode keeps in charge by (`cp evil/policy.json .claude/` replaces the policy). */
const PROTECTED_BASENAMES = new Set([
  ".claudeignore",
  "policy.json",
  "settings.json",
  "settings.local.json",
]);

/** The files `.claude/` holds that keep automode in charge. */
const CLAUDE_FILES = ["policy.json", "settings.json", "settings.local.json"] as const;

/**
 * A copy, move or install into a folder writes `folder/name` (SPEC section 4). Which
 * destinations are folders is the file system's to say; for the names that keep automode in
 * charge the write at `dest/name` is added always (a file destination only adds a path under a
 * file, which never exists), so the self-protection stage sees the file that would be replaced.
 * A recursive copy of a `.claude` folder, or of anything into a `.claude` folder (`rsync -a x/
 * .claude/`), may replace the files `.claude/` holds: those writes are added too.
 */
function intoFolder(
  r: Roles,
  v: Values,
  sources: readonly number[],
  dest: string,
  recursive: boolean,
): void {
  const folder = dest.replace(/\/+$/, "") || "/";
  const under = (rel: string) => `${folder === "/" ? "" : folder}/${rel}`;
  if (recursive && folder.split("/").pop() === ".claude") {
    for (const f of CLAUDE_FILES) r.extra.push({ role: "write", path: under(f) });
  }
  for (const i of sources) {
    const src = v[i];
    if (src === undefined) continue;
    const name = src.replace(/\/+$/, "").split("/").pop();
    if (name === undefined) continue;
    if (PROTECTED_BASENAMES.has(name)) r.extra.push({ role: "write", path: under(name) });
    else if (recursive && name === ".claude") {
      for (const f of CLAUDE_FILES) r.extra.push({ role: "write", path: under(`.claude/${f}`) });
    }
  }
}

function ln(v: Values): Roles {
  const p = parseArgs(v, CP_SPEC);
  // A hard link to a file is a new name to write it through (issue 18): the source is a write.
  const symbolic =
    hasOpt(p, "-s", "--symbolic") ||
    p.opts.some((o) => o.name.length >= 4 && "--symbolic".startsWith(o.name));
  const r = copy(v, symbolic ? "read" : "write", symbolic ? "read" : "write");
  if (p.operands.length === 1 && !p.opts.some((o) => o.name === "-t")) {
    // `ln -s target`: the link is created in the cwd under the target's base name.
    const t = v[p.operands[0] as number];
    if (t !== undefined)
      r.extra.push({ role: "write", path: t.replace(/\/+$/, "").split("/").pop() || t });
  }
  if (symbolic) linkTargets(r, v, p);
  return r;
}

/**
 * A relative symbolic link target is read from the link's folder, not the cwd (`ln -s ../x
 * lib/x` names `x` in the project). `ln -r` takes it from the cwd and `-t`, several targets
 * or a trailing slash put the links in the destination folder; a single destination without
 * a slash is taken as the link's own name (an existing folder there is the overlay's to see).
 */
function linkTargets(r: Roles, v: Values, p: ParsedArgs): void {
  if (p.opts.some((o) => o.name === "-r" || o.name === "--relative")) return;
  const target = p.opts.find((o) => o.name === "-t" || o.name === "--target-directory");
  const ops = p.operands;
  let folder: string | undefined;
  let sources: readonly number[];
  if (target) {
    folder = target.value;
    sources = ops;
  } else if (ops.length < 2) return;
  else {
    sources = ops.slice(0, -1);
    const dest = v[ops.at(-1) as number];
    if (dest === undefined) return;
    folder =
      sources.length > 1 || dest.endsWith("/")
        ? dest
        : dest.includes("/")
          ? dest.slice(0, dest.lastIndexOf("/"))
          : ".";
  }
  if (folder === undefined) return;
  for (const i of sources) {
    const t = v[i];
    if (t === undefined || t.startsWith("/") || r.roles[i] !== "read") continue;
    r.roles[i] = "plain";
    const base = folder.replace(/\/+$/, "");
    r.extra.push({ role: "read", path: base === "." ? t : `${base || ""}/${t}` });
  }
}

/** `host:path`, `user@host:path` (scp/rsync remote form), not `./a:b` or `/a:b`. */
export function remoteHost(a: string): string | undefined {
  return scpRemote(a)?.host;
}

/** A URL as given, or `scheme://host` for a bare host (`example.com/x` → `http://example.com/x`). */
export function toUrl(a: string, scheme: string): string | undefined {
  if (isUrl(a)) return a;
  const host =
    /^(?:[^@/\s]+@)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|localhost|\[[0-9a-fA-F:]+\])(?::\d+)?(?:[/?#].*)?$/.exec(
      a,
    );
  return host ? `${scheme}://${a.replace(/^[^@/]+@/, "")}` : undefined;
}

const SCP_SPEC: OptSpec = { shortValue: "cFiJloPSDX", longValue: [] };

function scpLike(
  v: Values,
  spec: OptSpec,
  recursiveFlags: readonly string[],
  identity: readonly string[],
): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, spec);
  markOpts(r, p, identity, "read", v);
  markOpts(
    r,
    p,
    ["-F", "--password-file", "--files-from", "--exclude-from", "--include-from"],
    "read",
    v,
  );
  markOpts(r, p, ["--log-file", "-E"], "write", v);
  markOpts(r, p, ["-e", "--rsh", "--rsync-path"], "plain", v);
  if (p.opts.some((o) => o.name === "-e" || o.name === "--rsh" || o.name === "--rsync-path")) {
    r.dynamic.push("its remote shell option runs a command automode does not analyse");
  }
  const recursive = hasOpt(p, ...recursiveFlags);
  const ops = p.operands;
  ops.forEach((i, k) => {
    const a = v[i];
    const host = a === undefined ? undefined : remoteHost(a);
    if (host) {
      r.roles[i] = "network";
      r.urls.push(`ssh://${host}`);
    } else
      r.roles[i] =
        k === ops.length - 1 && ops.length > 1 ? "write" : recursive ? "read-recursive" : "read";
  });
  const dest = ops.length > 1 ? v[ops.at(-1) as number] : undefined;
  if (dest !== undefined && remoteHost(dest) === undefined)
    intoFolder(r, v, ops.slice(0, -1), dest, recursive);
  return r;
}

export const RSYNC_SPEC: OptSpec = {
  shortValue: "eBfT",
  longValue: [
    "--rsh",
    "--exclude",
    "--include",
    "--filter",
    "--files-from",
    "--exclude-from",
    "--include-from",
    "--log-file",
    "--rsync-path",
    "--chmod",
    "--chown",
    "--backup-dir",
    "--partial-dir",
    "--temp-dir",
    "--link-dest",
    "--compare-dest",
    "--copy-dest",
    "--password-file",
    "--max-size",
    "--min-size",
    "--timeout",
    "--port",
  ],
};

export const TAR_SPEC: OptSpec = {
  shortValue: "fCTXbHKLNgVI",
  longValue: [
    "--file",
    "--directory",
    "--files-from",
    "--exclude-from",
    "--exclude",
    "--transform",
    "--use-compress-program",
    "--to-command",
    "--format",
    "--owner",
    "--group",
    "--mode",
    "--xform",
    "--strip-components",
  ],
};

function tar(v: Values): Roles {
  // `tar czf out.tgz dir`: the first word may be a bundle of options without a dash.
  const first = v[0];
  const args =
    first !== undefined && !first.startsWith("-") && /^[A-Za-z]+$/.test(first)
      ? [`-${first}`, ...v.slice(1)]
      : [...v];
  const r = empty(v.length);
  const p = parseArgs(args, TAR_SPEC);
  const modeCreate = hasOpt(
    p,
    "-c",
    "-r",
    "-u",
    "-A",
    "--create",
    "--append",
    "--update",
    "--concatenate",
  );
  const modeExtract = hasOpt(p, "-x", "--extract", "--get");
  for (const o of p.opts) {
    const at = o.valueIndex;
    const name = o.name;
    let role: Role | undefined;
    if (name === "-f" || name === "--file") role = modeCreate ? "write" : "read";
    else if (name === "-C" || name === "--directory") role = modeExtract ? "write" : "list";
    else if (name === "-T" || name === "--files-from" || name === "-X" || name === "--exclude-from")
      role = "read";
    else if (o.value !== undefined) role = "plain";
    if (
      name === "-I" ||
      name === "--use-compress-program" ||
      name === "--to-command" ||
      name.startsWith("--checkpoint-action") ||
      name === "--info-script" ||
      name === "--new-volume-script" ||
      name === "-F"
    )
      r.dynamic.push(`tar ${name} runs a command automode does not analyse`);
    if (role === undefined || o.value === undefined || o.value === "-") continue;
    if (at !== undefined) r.roles[at] = role;
    else r.extra.push({ role, path: o.value });
  }
  for (const o of p.opts) if (r.roles[o.index] === undefined) r.roles[o.index] = "plain";
  for (const i of p.operands) r.roles[i] = modeCreate ? "read-recursive" : "plain";
  if (modeExtract && !p.opts.some((o) => o.name === "-C" || o.name === "--directory"))
    r.extra.push({ role: "write", path: "." });
  return r;
}

function zip(v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, {
    shortValue: "bnxitTP",
    longValue: ["--exclude", "--include", "--password", "--temp-path"],
  });
  markOpts(r, p, ["-x", "-i", "--exclude", "--include", "-P", "--password", "-n"], "plain", v);
  if (hasOpt(p, "-T") && p.opts.some((o) => o.name === "-TT"))
    r.dynamic.push("zip -TT runs a command");
  const recursive = hasOpt(p, "-r", "-R", "--recurse-paths");
  p.operands.forEach((i, k) => {
    r.roles[i] = k === 0 ? "write" : recursive ? "read-recursive" : "read";
  });
  return r;
}

function unzip(v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, { shortValue: "dxP" });
  markOpts(r, p, ["-d"], "write", v);
  markOpts(r, p, ["-x", "-P"], "plain", v);
  p.operands.forEach((i, k) => {
    r.roles[i] = k === 0 ? "read" : "plain";
  });
  if (!p.opts.some((o) => o.name === "-d") && !hasOpt(p, "-l", "-t", "-p", "-v"))
    r.extra.push({ role: "write", path: "." });
  return r;
}

function dd(v: Values): Roles {
  const r = empty(v.length);
  v.forEach((a, i) => {
    if (a === undefined) return;
    if (a.startsWith("if=")) {
      r.extra.push({ role: "read", path: a.slice(3) });
      r.roles[i] = "plain";
    } else if (a.startsWith("of=")) {
      r.extra.push({ role: "write", path: a.slice(3) });
      r.roles[i] = "plain";
    } else r.roles[i] = "plain";
  });
  return r;
}

/**
 * find predicates whose value is not a path. `-name`/`-path` patterns are left out on
 * purpose: `find . -name .env -exec cat {} ;` names an ignored file, and SPEC section 4 makes
 * any argument that names one a denied access.
 */
const FIND_VALUE = new Set([
  "-regex",
  "-iregex",
  "-type",
  "-xtype",
  "-maxdepth",
  "-mindepth",
  "-mtime",
  "-mmin",
  "-atime",
  "-amin",
  "-ctime",
  "-cmin",
  "-size",
  "-perm",
  "-user",
  "-group",
  "-uid",
  "-gid",
  "-links",
  "-inum",
  "-printf",
  "-regextype",
  "-fstype",
  "-used",
  "-context",
  "-D",
  "-O",
  "-newermt",
]);
const FIND_READ = new Set(["-newer", "-anewer", "-cnewer", "-samefile", "-files0-from"]);
const FIND_WRITE = new Set(["-fprint", "-fprint0", "-fls"]);
const FIND_EXEC = new Set(["-exec", "-execdir", "-ok", "-okdir"]);

function find(v: Values): Roles {
  const r = empty(v.length);
  let i = 0;
  // Leading options -H -L -P -D x -O1.
  while (
    i < v.length &&
    (v[i] === "-H" || v[i] === "-L" || v[i] === "-P" || v[i]?.startsWith("-O") || v[i] === "-D")
  ) {
    r.roles[i] = "plain";
    if (v[i] === "-D") r.roles[++i] = "plain";
    i++;
  }
  let roots = 0;
  while (i < v.length) {
    const a = v[i];
    if (a !== undefined && (a.startsWith("-") || a === "(" || a === "!" || a === ")" || a === ","))
      break;
    r.roles[i] = "list";
    roots++;
    i++;
  }
  if (roots === 0) r.extra.push({ role: "list", path: "." });
  for (; i < v.length; i++) {
    const a = v[i];
    if (a === undefined) continue;
    // Predicates and operators are not paths; a `-name .env` value stays incidental.
    if (a.startsWith("-") || a === "(" || a === ")" || a === "!" || a === ",") r.roles[i] = "plain";
    if (FIND_EXEC.has(a)) {
      let end = i + 1;
      while (end < v.length && v[end] !== ";" && v[end] !== "+") end++;
      r.execs.push({ kind: a, start: i + 1, end });
      for (let k = i + 1; k <= end && k < v.length; k++) r.roles[k] = "plain";
      i = end;
    } else if (FIND_VALUE.has(a)) {
      if (i + 1 < v.length) r.roles[++i] = "plain";
    } else if (a === "-fprintf") {
      if (i + 1 < v.length) r.roles[++i] = "write";
      if (i + 1 < v.length) r.roles[++i] = "plain";
    } else if (FIND_READ.has(a)) {
      if (i + 1 < v.length) r.roles[++i] = "read";
    } else if (FIND_WRITE.has(a)) {
      if (i + 1 < v.length) r.roles[++i] = "write";
    }
  }
  return r;
}

const CURL_SPEC: OptSpec = {
  shortValue: "odHXuAeFTbcKxrmwyYzEUQDC",
  longValue: [
    "--output",
    "--data",
    "--data-binary",
    "--data-raw",
    "--data-ascii",
    "--data-urlencode",
    "--json",
    "--header",
    "--request",
    "--user",
    "--user-agent",
    "--referer",
    "--form",
    "--form-string",
    "--upload-file",
    "--cookie",
    "--cookie-jar",
    "--config",
    "--proxy",
    "--range",
    "--max-time",
    "--write-out",
    "--cacert",
    "--cert",
    "--key",
    "--capath",
    "--dump-header",
    "--trace",
    "--trace-ascii",
    "--netrc-file",
    "--url",
    "--connect-timeout",
    "--retry",
    "--resolve",
    "--output-dir",
    "--stderr",
    "--oauth2-bearer",
    "--variable",
    "--proxy-user",
  ],
};

function curl(v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, CURL_SPEC);
  const set = (
    o: { valueIndex?: number; value?: string; index: number },
    role: Role,
    path?: string,
  ) => {
    if (o.valueIndex !== undefined && path === undefined) r.roles[o.valueIndex] = role;
    else {
      if (o.valueIndex !== undefined) r.roles[o.valueIndex] = "plain";
      else r.roles[o.index] = "plain";
      if (path !== undefined) r.extra.push({ role, path });
      else if (o.value !== undefined) r.extra.push({ role, path: o.value });
    }
  };
  for (const o of p.opts) {
    const val = o.value;
    if (val === undefined) continue;
    switch (o.name) {
      case "-o":
      case "--output":
      case "-c":
      case "--cookie-jar":
      case "-D":
      case "--dump-header":
      case "--trace":
      case "--trace-ascii":
      case "--stderr":
      case "--output-dir":
        set(o, val === "-" ? "plain" : "write");
        break;
      case "-T":
      case "--upload-file":
      case "-K":
      case "--config":
      case "--cacert":
      case "--cert":
      case "-E":
      case "--key":
      case "--netrc-file":
        set(o, "read");
        break;
      case "-d":
      case "--data":
      case "--data-binary":
      case "--data-ascii":
      case "--data-urlencode":
      case "--json":
        // `@file` sends a file's contents; `name@file` too for --data-urlencode.
        if (val.includes("@") && !val.startsWith("@-"))
          set(o, "read", val.slice(val.indexOf("@") + 1));
        else set(o, "plain");
        break;
      case "-F":
      case "--form": {
        const m = /=[@<]([^;]+)/.exec(val);
        if (m?.[1]) set(o, "read", m[1]);
        else set(o, "plain");
        break;
      }
      case "-b":
      case "--cookie":
        set(o, val.includes("=") ? "plain" : "read");
        break;
      case "--url": {
        const u = isFileUrl(val) ? val : toUrl(val, "http");
        if (u) r.urls.push(u);
        set(o, "network");
        break;
      }
      default:
        set(o, "plain");
    }
  }
  if (hasOpt(p, "-O", "--remote-name", "--remote-name-all"))
    r.extra.push({ role: "write", path: "." });
  for (const i of p.operands) {
    const a = v[i];
    if (a === undefined) continue;
    // curl also takes `file:/p` (one slash) as a file URL.
    const u = isFileUrl(a) ? a : toUrl(a, "http");
    if (u) {
      r.urls.push(u);
      r.roles[i] = "network";
    }
  }
  if (hasOpt(p, "-T", "--upload-file")) {
    // An upload to a `file://` URL writes that file.
    for (const u of r.urls.filter(isFileUrl)) {
      const targets = uploadTargets(u);
      if (targets) r.extra.push(...targets);
      else r.dynamic.push(`curl -T uploads to ${u}, a file automode cannot name`);
    }
  }
  return r;
}

const WGET_SPEC: OptSpec = {
  shortValue: "OoaPiUeTtwQBl",
  longValue: [
    "--output-document",
    "--output-file",
    "--append-output",
    "--directory-prefix",
    "--input-file",
    "--post-file",
    "--body-file",
    "--load-cookies",
    "--save-cookies",
    "--user-agent",
    "--header",
    "--post-data",
    "--body-data",
    "--method",
    "--user",
    "--password",
    "--timeout",
    "--tries",
    "--ca-certificate",
    "--certificate",
    "--private-key",
  ],
};

const WGET_WRITE = [
  "-O",
  "--output-document",
  "-o",
  "--output-file",
  "-a",
  "--append-output",
  "-P",
  "--directory-prefix",
  "--save-cookies",
];
const WGET_READ = [
  "-i",
  "--input-file",
  "--post-file",
  "--body-file",
  "--load-cookies",
  "--ca-certificate",
  "--certificate",
  "--private-key",
];

function wget(v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, WGET_SPEC);
  for (const o of p.opts) {
    if (o.value === undefined) continue;
    const role: Role =
      o.value === "-"
        ? "plain"
        : WGET_WRITE.includes(o.name)
          ? "write"
          : WGET_READ.includes(o.name)
            ? "read"
            : "plain";
    if (o.valueIndex !== undefined) r.roles[o.valueIndex] = role;
    else {
      r.roles[o.index] = "plain";
      if (role !== "plain") r.extra.push({ role, path: o.value });
    }
  }
  if (
    !p.opts.some(
      (o) =>
        WGET_WRITE.slice(0, 2).includes(o.name) ||
        o.name === "-P" ||
        o.name === "--directory-prefix",
    )
  )
    r.extra.push({ role: "write", path: "." });
  for (const i of p.operands) {
    const a = v[i];
    const u = a === undefined ? undefined : toUrl(a, "http");
    if (u) {
      r.urls.push(u);
      r.roles[i] = "network";
    }
  }
  return r;
}

const SSH_SPEC: OptSpec = { shortValue: "BbcDEeFIiJLlmOoPpQRSWw" };

function ssh(v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, { ...SSH_SPEC, stopAtOperand: true });
  markOpts(r, p, ["-i", "-F", "-S"], "read", v);
  markOpts(r, p, ["-E"], "write", v);
  for (const o of p.opts)
    if (o.valueIndex !== undefined && r.roles[o.valueIndex] === undefined)
      r.roles[o.valueIndex] = "plain";
  const hostAt = p.rest;
  const host = v[hostAt];
  if (host !== undefined) {
    r.roles[hostAt] = "network";
    const h = host.startsWith("ssh://") ? host : `ssh://${host.replace(/^[^@]+@/, "")}`;
    r.urls.push(h);
  }
  // The rest is a command for the remote machine: not a local path.
  for (let i = hostAt + 1; i < v.length; i++) r.roles[i] = "plain";
  return r;
}

function hostOperand(scheme: string): (v: Values) => Roles {
  return (v) => {
    const r = empty(v.length);
    const p = parseArgs(v, { shortValue: "pPiolwsqeW" });
    const first = p.operands[0];
    const a = first === undefined ? undefined : v[first];
    if (first !== undefined && a !== undefined) {
      r.roles[first] = "network";
      r.urls.push(toUrl(a, scheme) ?? `${scheme}://${a.replace(/^[^@]+@/, "")}`);
    }
    for (const i of p.operands.slice(1)) r.roles[i] = "plain";
    return r;
  };
}

function httpie(v: Values): Roles {
  const r = empty(v.length);
  const p = parseArgs(v, { shortValue: "aAo", longValue: ["--auth", "--output", "--session"] });
  markOpts(r, p, ["-o", "--output"], "write", v);
  let sawUrl = false;
  for (const i of p.operands) {
    const a = v[i];
    if (a === undefined) continue;
    if (!sawUrl && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(a)) {
      r.roles[i] = "plain";
      continue;
    }
    if (!sawUrl) {
      sawUrl = true;
      r.roles[i] = "network";
      r.urls.push(toUrl(a, "http") ?? `http://${a}`);
      continue;
    }
    // `field=@file`, `field:=@file`, `@file` upload a file.
    const at = a.indexOf("@");
    if (at >= 0 && /^[^=@]*(:?=)?@/.test(a)) r.extra.push({ role: "read", path: a.slice(at + 1) });
    r.roles[i] = "plain";
  }
  return r;
}

/** Subcommand words are not paths; global option values before them stay incidental. */
function markSub(r: Roles, v: Values, afterSub: number, sub: readonly string[]): void {
  for (let i = 0; i < afterSub; i++)
    if (v[i] !== undefined && sub.includes(v[i] as string)) r.roles[i] = "plain";
}

const GIT_READ = new Set([
  "add",
  "stage",
  "diff",
  "log",
  "show",
  "blame",
  "annotate",
  "ls-files",
  "grep",
]);

/** Short options of git subcommands that take a value (`git commit -m MSG`). */
const GIT_SHORT_VALUE: Readonly<Record<string, string>> = {
  commit: "mFcCt",
  tag: "mFcCt",
  grep: "efABCmO",
  archive: "o",
};
const GIT_LONG_VALUE = [
  "--message",
  "--author",
  "--date",
  "--format",
  "--pretty",
  "--grep",
  "--output",
  "--prefix",
  "--remote",
  "--exec",
  "--max-depth",
  "--max-count",
  "--context",
  "--after-context",
  "--before-context",
];

/** Sets the role of the argument `k` after the subcommand. */
function setRole(r: Roles, afterSub: number, k: number, role: Role): void {
  r.roles[afterSub + k] = role;
}

function git(v: Values, afterSub: number, sub: readonly string[]): Roles {
  const r = empty(v.length);
  markSub(r, v, afterSub, sub);
  const rest = v.slice(afterSub);
  const cmd = sub[0];
  const p = parseArgs(rest, {
    shortValue: GIT_SHORT_VALUE[cmd ?? ""] ?? "m",
    longValue: GIT_LONG_VALUE,
  });
  for (const o of p.opts) {
    if (o.valueIndex === undefined) continue;
    if (o.name === "-F" || o.name === "--file" || (cmd === "grep" && o.name === "-f"))
      setRole(r, afterSub, o.valueIndex, "read");
    else if (cmd === "archive" && (o.name === "-o" || o.name === "--output"))
      setRole(r, afterSub, o.valueIndex, "write");
    else setRole(r, afterSub, o.valueIndex, "plain");
  }
  const dash = rest.indexOf("--");
  const ops = p.operands;
  switch (cmd) {
    case "add":
    case "stage":
      for (const k of ops) setRole(r, afterSub, k, "read");
      break;
    case "rm": {
      const rec = hasOpt(p, "-r");
      const cached = hasOpt(p, "--cached");
      // `--cached` only unstages: the paths stay incidental (an ignored one is still named).
      if (!cached)
        for (const k of ops) setRole(r, afterSub, k, rec ? "delete-recursive" : "delete");
      break;
    }
    case "mv":
      ops.forEach((k, n) => {
        setRole(r, afterSub, k, n === ops.length - 1 ? "write" : "move");
      });
      break;
    case "checkout":
      for (const k of ops) if (dash >= 0 && k > dash) setRole(r, afterSub, k, "write");
      break;
    case "restore":
      if (!hasOpt(p, "-S", "--staged") || hasOpt(p, "-W", "--worktree"))
        for (const k of ops) setRole(r, afterSub, k, "write");
      break;
    case "clone": {
      const url = ops[0];
      const a = url === undefined ? undefined : rest[url];
      if (url !== undefined && a !== undefined) {
        setRole(r, afterSub, url, "network");
        const u = toUrl(a, "https");
        const host = remoteHost(a);
        if (u) r.urls.push(u);
        else if (host) r.urls.push(`ssh://${host}`);
      }
      const dir = ops[1];
      if (dir !== undefined) setRole(r, afterSub, dir, "write");
      break;
    }
    case "push":
    case "pull":
    case "fetch":
    case "ls-remote": {
      const remote = ops[0];
      const a = remote === undefined ? undefined : rest[remote];
      if (remote !== undefined && a !== undefined) {
        const u = isUrl(a) ? a : undefined;
        const host = remoteHost(a);
        if (u) r.urls.push(u);
        else if (host) r.urls.push(`ssh://${host}`);
        setRole(r, afterSub, remote, u || host ? "network" : "plain");
      }
      for (const k of ops.slice(1)) setRole(r, afterSub, k, "plain");
      break;
    }
    case "grep": {
      // Searches the contents of every tracked file under the pathspecs (or the cwd): a
      // recursive reader, like `grep -r`. The pattern (unless `-e`/`-f` gives it) and any
      // tree-ish are not paths; what is not a tree-ish is a pathspec.
      const hasPattern = hasOpt(p, "-e", "-f");
      const paths = ops.filter((k, n) => (dash >= 0 ? k > dash : hasPattern || n > 0));
      for (const k of ops) setRole(r, afterSub, k, paths.includes(k) ? "read-recursive" : "plain");
      if (dash < 0 || paths.length === 0) r.extra.push({ role: "read-recursive", path: "." });
      break;
    }
    case "worktree": {
      // `git worktree add PATH [BRANCH]` creates a checkout at PATH; `move A B` writes A and B.
      const first = ops[0];
      if (sub[1] === "add" && first !== undefined) setRole(r, afterSub, first, "write");
      if (sub[1] === "move") for (const k of ops) setRole(r, afterSub, k, "write");
      break;
    }
    case "archive":
      // Packs a whole tree: a recursive read of the project, written where `-o` says.
      for (const k of ops)
        setRole(r, afterSub, k, dash >= 0 && k > dash ? "read-recursive" : "plain");
      r.extra.push({ role: "read-recursive", path: "." });
      break;
    case "commit":
    case "switch":
    case "branch":
    case "tag":
    case "merge":
    case "rebase":
    case "reset":
    case "stash":
    case "cherry-pick":
    case "revert":
    case "remote":
    case "config":
      for (const k of ops) setRole(r, afterSub, k, "plain");
      break;
    default:
      if (cmd !== undefined && GIT_READ.has(cmd)) break;
  }
  return r;
}

/**
 * Programs that read more arguments from `@file` (a response file): compilers and linkers of
 * gcc and binutils, LLVM, the JDK and Kotlin/Scala, .NET, TypeScript, Rust and Swift.
 */
const RESPONSE_FILES: ReadonlySet<string> = new Set([
  "gcc",
  "g++",
  "cc",
  "c++",
  "cpp",
  "clang",
  "clang++",
  "clang-cl",
  "ld",
  "ld.lld",
  "ld.gold",
  "lld",
  "lld-link",
  "as",
  "ar",
  "nm",
  "objdump",
  "objcopy",
  "strip",
  "readelf",
  "javac",
  "java",
  "javadoc",
  "jar",
  "jlink",
  "jpackage",
  "kotlinc",
  "scalac",
  "dotnet",
  "msbuild",
  "csc",
  "tsc",
  "rustc",
  "swiftc",
]);

/**
 * `gcc @args.txt` reads the file, and the options it holds are ones the closed world never
 * sees (`-wrapper`, `-fplugin`): a read of the file, and dynamic, like an argument that is not
 * a literal.
 */
function responseFiles(r: Roles, v: Values): void {
  v.forEach((a, i) => {
    if (a === undefined || a.length < 2 || !a.startsWith("@")) return;
    r.roles[i] = "plain";
    r.extra.push({ role: "read", path: a.slice(1) });
    r.dynamic.push(`${a} reads more arguments from ${a.slice(1)}, which automode does not see`);
  });
}

/**
 * Roles of the arguments of one command: the modelled operands of known commands. The rest
 * (undefined) become incidental reads in `command.ts`.
 */
export function assignRoles(
  name: string,
  v: Values,
  afterSub: number,
  sub: readonly string[],
): Roles {
  switch (name) {
    case "cp": {
      const p = parseArgs(v, CP_SPEC);
      // `cp -l` makes hard links: each source gains a name it can be written through.
      if (hasOpt(p, "-l") || p.opts.some((o) => o.name.length >= 4 && "--link".startsWith(o.name)))
        return copy(v, "write", "write");
      return copy(v, "read", "read-recursive");
    }
    case "link": {
      const r = empty(v.length);
      v.forEach((_, i) => {
        r.roles[i] = "write";
      });
      return r;
    }
    case "install":
      return copy(v, "read", "read-recursive", INSTALL_SPEC);
    case "mv":
      return copy(v, "move", "move");
    case "ln":
      return ln(v);
    case "rsync":
      return scpLike(v, RSYNC_SPEC, ["-r", "-a", "--recursive", "--archive"], []);
    case "scp":
      return scpLike(v, SCP_SPEC, ["-r"], ["-i"]);
    case "tar":
    case "bsdtar":
    case "gtar":
      return tar(v);
    case "zip":
      return zip(v);
    case "unzip":
      return unzip(v);
    case "dd":
      return dd(v);
    case "find":
      return find(v);
    case "curl":
      return curl(v);
    case "wget":
      return wget(v);
    case "ssh":
      return ssh(v);
    case "sftp":
      return hostOperand("sftp")(v);
    case "ftp":
      return hostOperand("ftp")(v);
    case "telnet":
    case "nc":
    case "ncat":
    case "netcat":
      return hostOperand("tcp")(v);
    case "ping":
    case "dig":
    case "nslookup":
    case "host":
    case "traceroute":
    case "whois":
      return hostOperand("dns")(v);
    case "http":
    case "https":
    case "xh":
      return httpie(v);
    case "git":
      return git(v, afterSub, sub);
    default: {
      const spec = Object.hasOwn(FILE_COMMANDS, name) ? FILE_COMMANDS[name] : undefined;
      if (spec) return table(spec, v);
      const r = empty(v.length);
      markSub(r, v, afterSub, sub);
      if (RESPONSE_FILES.has(name)) responseFiles(r, v);
      return r;
    }
  }
}
