import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { defaultPolicyText, type Policy, parsePolicy, type Tier } from "@automode/policy";

/** A policy that cannot be read or does not validate: every decision under it is a deny. */
export class PolicyError extends Error {
  override name = "PolicyError";
}

export interface Project {
  /** The folder that holds `.claude/` (SPEC section 2). */
  root: string;
  /** The policy file read, absent when the built-in default applies. */
  policyFile?: string;
  policy: Policy;
  /** `--permission-tier` when given, else the policy's tier. */
  tier: Tier;
  /** `sha256:` of the policy file's bytes (of the empty string for the default policy). */
  policyHash: string;
  /** Absolute path of the audit log. */
  auditPath: string;
}

/** Unset and `undefined` mean the same (a flag not given), so callers pass their flags as they are. */
export interface LoadOptions {
  cwd: string;
  policyFile?: string | undefined;
  tier?: Tier | undefined;
  auditLog?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const realOr = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** `parent` is `child` or a folder above it (lexical, on resolved absolute paths). */
const holds = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/**
 * A root that would put the whole machine, or every user's home, inside the project: `/`, or a
 * folder above the home folder. Judged on the path as given and as resolved (a link to `/`).
 */
function tooWideRoot(root: string, home: string): string | undefined {
  for (const [dir, homeDir] of [
    [root, home],
    [realOr(root), realOr(home)],
  ] as const) {
    if (dirname(dir) === dir) return `it is the file system root ${dir}`;
    if (dir !== homeDir && holds(dir, homeDir)) return "it holds the home folder";
  }
  return undefined;
}

function checkedRoot(root: string, home: string, how: string): string {
  const problem = tooWideRoot(root, home);
  if (problem === undefined) return root;
  throw new PolicyError(
    `automode will not use ${root} as the project root (${how}): ${problem}; start the session in the project or set CLAUDE_PROJECT_DIR`,
  );
}

/**
 * The project root for a session started in `cwd`.
 *
 * - `$CLAUDE_PROJECT_DIR` (Claude Code sets it for hooks), when set, is the root whatever the
 *   call's `cwd`: a `.claude/` folder below it never moves the root. Set but not an absolute
 *   path to a folder: a PolicyError (automode cannot tell where the project is; it denies).
 * - Otherwise the nearest folder upwards with `.claude/policy.json`, else the nearest with
 *   `.claude/`, else `cwd`; the search never goes above the home folder (the home folder's
 *   `~/.claude` holds Claude Code's own settings, not a project, so it never makes the home
 *   folder a root).
 * - Whatever the source, a root that is `/` or holds the home folder is refused with a
 *   PolicyError: every decision is then a deny that says why (fail closed).
 */
export function findProjectRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const home = resolve(env.HOME ?? homedir());
  const named = env.CLAUDE_PROJECT_DIR;
  if (named !== undefined && named !== "") {
    if (!isAbsolute(named) || !isDir(named)) {
      throw new PolicyError(
        `CLAUDE_PROJECT_DIR ${JSON.stringify(named)} is not an absolute path to a folder, so automode cannot tell where the project is`,
      );
    }
    return checkedRoot(resolve(named), home, "CLAUDE_PROJECT_DIR names it");
  }
  const start = resolve(cwd);
  // Below the home folder the search stops there; elsewhere it stops before `/`.
  const stop = holds(home, start) ? home : undefined;
  let withClaude: string | undefined;
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, ".claude", "policy.json")))
      return checkedRoot(dir, home, "it holds .claude/policy.json");
    if (withClaude === undefined && dir !== home && isDir(join(dir, ".claude"))) withClaude = dir;
    if (dir === stop) break;
  }
  return checkedRoot(withClaude ?? start, home, "the session's folder");
}

/** The root a policy file names: the folder holding its `.claude/`, else its own folder. */
function rootOfPolicyFile(file: string): string {
  const folder = dirname(file);
  return basename(folder) === ".claude" ? dirname(folder) : folder;
}

export function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** Where a project is: its root and the policy file that applies (absent: the built-in default). */
export interface ProjectLocation {
  root: string;
  policyFile?: string;
}

/**
 * The root and policy file for `options`, found as `loadProject` finds them, without reading
 * the policy: `automode serve` calls it on every request to tell whether the project it loaded
 * before is still the one that applies.
 */
export function locateProject(options: LoadOptions): ProjectLocation {
  const env = options.env ?? process.env;
  let root: string;
  let policyFile: string | undefined;
  const named = env.CLAUDE_PROJECT_DIR !== undefined && env.CLAUDE_PROJECT_DIR !== "";
  if (options.policyFile !== undefined && (named || !isAbsolute(options.policyFile))) {
    // A named project is the root; a relative --policy is relative to the root, never to the
    // session's folder (SPEC section 2).
    root = findProjectRoot(options.cwd, env);
    policyFile = resolve(root, options.policyFile);
  } else if (options.policyFile !== undefined) {
    policyFile = resolve(options.policyFile);
    const home = resolve(env.HOME ?? homedir());
    root = checkedRoot(rootOfPolicyFile(policyFile), home, "--policy names it");
  } else {
    root = findProjectRoot(options.cwd, env);
    const candidate = join(root, ".claude", "policy.json");
    if (existsSync(candidate)) policyFile = candidate;
  }
  return policyFile === undefined ? { root } : { root, policyFile };
}

export function loadProject(
  options: LoadOptions,
  location: ProjectLocation = locateProject(options),
): Project {
  const { root, policyFile } = location;
  let text = "";
  if (policyFile !== undefined) {
    try {
      text = readFileSync(policyFile, "utf8");
    } catch (error) {
      throw new PolicyError(`cannot read the policy ${policyFile}: ${(error as Error).message}`);
    }
  }
  const parsed = parsePolicy(policyFile === undefined ? defaultPolicyText : text, {
    file: policyFile ?? "<default>",
  });
  if (!parsed.ok) {
    const first = parsed.diagnostics[0];
    const where = first === undefined ? "" : `:${first.line}:${first.column}`;
    throw new PolicyError(
      `the policy ${policyFile}${where} is invalid: ${first?.message ?? "unknown error"}`,
    );
  }
  const policy = parsed.policy;
  const auditPath =
    options.auditLog !== undefined
      ? resolve(root, options.auditLog)
      : resolve(root, policy.audit.path);
  const project: Project = {
    root,
    policy,
    tier: options.tier ?? policy.tier,
    policyHash: sha256(text),
    auditPath,
  };
  if (policyFile !== undefined) project.policyFile = policyFile;
  return project;
}
