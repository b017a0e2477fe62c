import { existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { createScope, type Scope } from "@automode/scope";
import type { FileEvent, TraceEvent } from "./events.js";
import type { Fixture } from "./fixture.js";
import type { Prediction, PredictionSet } from "./predict.js";

export type EffectKind = "read" | "write" | "delete" | "execute" | "network";

/** One observed effect, as the report prints it (`target` relative to the project, `~/…`). */
export interface Effect {
  kind: EffectKind;
  target: string;
  /** The program that did it. */
  by: string;
  /** Why it matters: `ignored`, `credential`, `protected`, `system`, `outside`; else absent. */
  sensitive?: string;
  /** The call failed with this error (read-only sandbox); on a real machine it may succeed. */
  attempted?: string;
}

export interface Miss extends Effect {
  /** `unpredicted`: no operation covers it; `approved`: covered only by approved operations. */
  why: "unpredicted" | "approved";
}

export interface Comparison {
  observed: Effect[];
  misses: Miss[];
  /**
   * Effects no operation covers in a command the engine did not approve because it said it
   * cannot see inside (an `unknown` command, a `dynamic` or `unparseable` hazard): the engine
   * claimed no knowledge, so they are listed but are not misses.
   */
  blind: Effect[];
}

/**
 * Programs that run helpers by design; the helper is part of what the program does. A shell
 * among them is only a conduit: what that shell runs is still checked.
 */
const helpers: Record<string, readonly string[]> = {
  // GNU tar starts its compressor through `sh -c`.
  tar: ["sh", "gzip", "bzip2", "xz", "zstd", "lzip", "lzma", "lzop", "compress", "gunzip"],
  // git runs itself, its `git-*` programs (receive-pack, upload-pack, remote-http) through a
  // shell for local transports, and ssh for ssh remotes.
  git: ["git", "sh", "ssh"],
  scp: ["ssh"],
  sftp: ["ssh"],
  rsync: ["ssh"],
  // Debian's yq is a wrapper that runs jq.
  yq: ["jq"],
  // Scripts whose `#!/usr/bin/env node` line runs node; package scripts run through `sh -c`.
  npm: ["node", "sh"],
  npx: ["node", "sh"],
  pnpm: ["node", "sh"],
  yarn: ["node", "sh"],
  corepack: ["node"],
};

function helps(program: string, helper: string): boolean {
  if (program === "git" && helper.startsWith("git-")) return true;
  return helpers[program]?.includes(helper) === true;
}

const harmlessDevices = new Set([
  "/dev/null",
  "/dev/zero",
  "/dev/full",
  "/dev/random",
  "/dev/urandom",
  "/dev/tty",
  "/dev/stdin",
  "/dev/stdout",
  "/dev/stderr",
]);

/** glibc's name-service cache socket: every program that looks up a user tries it. */
const ignoredSockets = new Set(["unix:/var/run/nscd/socket", "unix:/run/nscd/socket"]);

export interface CompareContext {
  fixture: Fixture;
  /** The template the run's fixture was copied from: what existed before the run. */
  template: Fixture;
  scope: Scope;
  /** `dev:ino` of the fixture's sensitive files before the run: a hard link is the same file. */
  inodes: Map<string, string>;
}

/** The fixture's ignored, protected and credential files, by inode (taken before the run). */
export function sensitiveInodes(fixture: Fixture): Map<string, string> {
  const files: [string, string][] = [
    [join(fixture.project, ".env"), "ignored"],
    [join(fixture.project, "secrets/api.txt"), "ignored"],
    [join(fixture.project, "server.pem"), "ignored"],
    [join(fixture.project, ".claudeignore"), "protected"],
    [join(fixture.project, ".claude/policy.json"), "protected"],
    [join(fixture.home, ".ssh/id_rsa"), "credential"],
    [join(fixture.home, ".aws/credentials"), "credential"],
    [join(fixture.home, ".netrc"), "credential"],
  ];
  const map = new Map<string, string>();
  for (const [file, kind] of files) {
    const id = inodeOf(file);
    if (id !== undefined) map.set(id, kind);
  }
  return map;
}

function inodeOf(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

export function scopeFor(fixture: Fixture): Scope {
  return createScope({
    projectRoot: fixture.project,
    protectedFiles: [
      join(fixture.project, ".claude/policy.json"),
      join(fixture.project, ".claude/audit.jsonl"),
    ],
    env: { home: fixture.home, platform: "linux", caseSensitive: true },
  });
}

/** Shows a path the way the corpus writes it: project-relative, `~/` for the fake home. */
export function display(path: string, fixture: Fixture): string {
  // A process's own /proc folder has a different number every run.
  if (/^\/proc\/\d+(\/|$)/.test(path)) return path.replace(/^\/proc\/\d+/, "/proc/<pid>");
  const inProject = relative(fixture.project, path);
  if (inProject === "") return ".";
  if (!inProject.startsWith("..") && !inProject.startsWith(sep)) return inProject;
  const inHome = relative(fixture.home, path);
  if (inHome === "") return "~";
  if (!inHome.startsWith("..") && !inHome.startsWith(sep)) return `~/${inHome}`;
  // Next to the project in the run's own folder (`../x`): relative, so it reads the same in
  // every run (the run folder's name changes).
  if (under(path, fixture.dir)) return inProject;
  return path;
}

function under(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

export function compare(
  events: TraceEvent[],
  predictions: PredictionSet,
  ctx: CompareContext,
): Comparison {
  const { fixture } = ctx;
  const files = events.filter((e): e is FileEvent => e.kind !== "execute" && e.kind !== "network");
  const scratch = scratchFiles(files, ctx);
  const observed = new Map<string, { effect: Effect; event: TraceEvent }>();
  const add = (effect: Effect, event: TraceEvent) => {
    const key = `${effect.kind}\u0000${effect.target}`;
    const seen = observed.get(key);
    // Keep a successful effect over a denied attempt of the same thing.
    if (
      seen === undefined ||
      (seen.effect.attempted !== undefined && effect.attempted === undefined)
    ) {
      observed.set(key, { effect, event });
    }
  };
  for (const event of events) {
    if (event.kind === "execute") {
      if (/^ld-linux|^ld\.so/.test(event.name)) continue;
      add({ kind: "execute", target: event.name, by: event.program }, event);
      continue;
    }
    if (event.kind === "network") {
      if (ignoredSockets.has(event.target)) continue;
      add({ kind: "network", target: event.target, by: event.program }, event);
      continue;
    }
    if (!relevantFile(event, ctx, scratch)) continue;
    const effect: Effect = {
      kind: event.kind,
      target: display(event.path, fixture),
      by: event.program,
    };
    const sensitive = sensitivity(event, ctx);
    if (sensitive !== undefined) effect.sensitive = sensitive;
    if (event.attempted !== undefined) effect.attempted = event.attempted;
    add(effect, event);
  }

  const misses: Miss[] = [];
  const blind: Effect[] = [];
  const blindCommand =
    predictions.verdict !== "approve" &&
    predictions.operations.some(
      (p) =>
        p.kind === "execute" &&
        (p.class === "unknown" ||
          p.hazards.some((h) => h === "dynamic" || h === "unparseable" || h === "remote-code")),
    );
  for (const { effect, event } of observed.values()) {
    const covering = covers(event, predictions.operations);
    if (covering.length === 0) {
      if (!needsCover(effect)) continue;
      if (blindCommand) blind.push(effect);
      else misses.push({ ...effect, why: "unpredicted" });
      continue;
    }
    // A sensitive file must be covered by an operation the engine did not approve (in a line
    // the engine denies, nothing runs: one approved operation in it changes nothing).
    if (
      predictions.verdict !== "deny" &&
      effect.sensitive !== undefined &&
      (effect.kind !== "read" ||
        effect.sensitive === "ignored" ||
        effect.sensitive === "credential") &&
      covering.every((p) => p.verdict === "approve")
    ) {
      misses.push({ ...effect, why: "approved" });
    }
  }
  return { observed: [...observed.values()].map((o) => o.effect), misses, blind };
}

/** Reads need a cover only when they reach an ignored path or a credential store. */
function needsCover(effect: Effect): boolean {
  if (effect.kind !== "read") return true;
  return effect.sensitive === "ignored" || effect.sensitive === "credential";
}

function relevantFile(event: FileEvent, ctx: CompareContext, scratch: Set<string>): boolean {
  const { path } = event;
  if (!path.startsWith("/")) return false;
  if (harmlessDevices.has(path) || path.startsWith("/dev/pts/") || path.startsWith("/dev/fd/")) {
    return false;
  }
  if (scratch.has(path) || toolState(event, ctx.fixture)) return false;
  if (event.kind === "read") {
    // System files every program reads (libraries, locales, /etc) are not the question; the
    // fixture and the credential stores are.
    return under(path, ctx.fixture.dir) || (path.startsWith("/proc/") && /\/environ$/.test(path));
  }
  return true;
}

/**
 * A tool's own state: git's files under `.git/` (objects, refs, the index, logs, locks, and the
 * config it rewrites itself, `git branch -D`) change with every local git command and are not
 * what automode judges; hooks are (they run code). npm keeps its cache and logs in `~/.npm/`.
 * The same files written by another program are effects.
 */
function toolState(event: FileEvent, fixture: Fixture): boolean {
  if (event.program === "node" && under(event.path, join(fixture.home, ".npm"))) return true;
  if (event.program !== "git" && !event.program.startsWith("git-")) return false;
  const gitDir = join(fixture.project, ".git");
  if (!under(event.path, gitDir) || event.path === gitDir) return false;
  if (event.kind === "read") return true;
  return !under(event.path, join(gitDir, "hooks"));
}

/**
 * Temporary files: made during the run where nothing was before, and gone (deleted or renamed
 * away) by its end, and not sensitive (`sed -i`'s temporary, bash's here-document file).
 */
function scratchFiles(files: FileEvent[], ctx: CompareContext): Set<string> {
  const last = new Map<string, FileEvent>();
  for (const e of files) if (e.kind !== "read" && e.attempted === undefined) last.set(e.path, e);
  const scratch = new Set<string>();
  for (const [path, event] of last) {
    if (event.kind !== "delete" || existedBefore(path, ctx)) continue;
    if (sensitivity(event, ctx) !== undefined && under(path, ctx.fixture.dir)) continue;
    scratch.add(path);
  }
  return scratch;
}

function existedBefore(path: string, ctx: CompareContext): boolean {
  if (!under(path, ctx.fixture.dir)) return false;
  return existsSync(join(ctx.template.dir, relative(ctx.fixture.dir, path)));
}

function sensitivity(event: FileEvent, ctx: CompareContext): string | undefined {
  const { path } = event;
  if (path.startsWith("/proc/") && path.endsWith("/environ")) return "credential";
  if (event.link === true && event.kind === "write") {
    // A new symbolic link is judged by its own name (classify would follow it to what it
    // points to); what is written through it later is judged at that write.
    if (protectedName(path, ctx.fixture)) return "protected";
    return under(path, ctx.fixture.project) ? undefined : "outside";
  }
  const id = inodeOf(path);
  const linked = id === undefined ? undefined : ctx.inodes.get(id);
  let info: ReturnType<Scope["classify"]>;
  try {
    info = ctx.scope.classify(path, ctx.fixture.project);
  } catch {
    return "unclassifiable";
  }
  if (info.credential || linked === "credential") return "credential";
  if (info.ignored || linked === "ignored") return "ignored";
  if (event.kind === "read") return undefined;
  if (linked === "protected") return "protected";
  if (info.selfProtected || protectedName(path, ctx.fixture)) return "protected";
  if (info.system) return "system";
  if (!info.inside) return "outside";
  return undefined;
}

/** The predictions that cover an observed event. */
function covers(event: TraceEvent, predictions: Prediction[]): Prediction[] {
  if (event.kind === "execute") {
    return predictions.filter(
      (p) =>
        p.kind === "execute" &&
        (p.name === event.name || p.wrappers.includes(event.name) || helps(p.name, event.name)),
    );
  }
  if (event.kind === "network") {
    return predictions.filter(
      (p) => p.kind === "network" || (p.kind === "execute" && p.class === "network"),
    );
  }
  return predictions.filter((p) => {
    if (p.kind === "execute" || p.kind === "network") return false;
    // Only a predicted write or delete covers a write or delete (`git log --output=x` also
    // gives an incidental read of `x`, which says nothing about writing it).
    if (event.kind !== "read" && p.kind === "read") return false;
    const path = event.path;
    for (const target of [p.path, p.real]) {
      if (path === target) return true;
      // `/proc/self/x` is the running process's `/proc/<pid>/x`.
      if (
        target.startsWith("/proc/self/") &&
        path.replace(/^\/proc\/\d+\//, "/proc/self/") === target
      )
        return true;
      // Reaching a path lists the folders on the way (a glob: `cat secrets/*` lists secrets).
      if (event.kind === "read" && event.listing === true && under(target, path)) return true;
      // A recursive operation covers everything under its folder; a write or delete of a
      // folder covers what is made or removed in it (`cp -r`, `tar -x -C`, `rm -r`).
      if (under(path, target) && (p.recursive || p.kind !== "read")) return true;
      // `mkdir -p a/b/c` makes `a` and `a/b` on the way.
      if (event.kind === "write" && p.kind === "write" && under(target, path)) return true;
    }
    return false;
  });
}

/** automode's files and what runs code in git, by name (SPEC section 5, self-protection). */
function protectedName(path: string, fixture: Fixture): boolean {
  const project = fixture.project;
  return (
    path === join(project, ".claudeignore") ||
    under(path, join(project, ".claude")) ||
    under(path, join(project, ".git", "hooks"))
  );
}
