import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
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

/**
 * The project root for a session started in `cwd`: `$CLAUDE_PROJECT_DIR` (Claude Code sets it
 * for hooks) when set, else the nearest folder upwards with `.claude/policy.json`, else the
 * nearest with `.claude/`, else `cwd`. The home folder's `~/.claude` holds Claude Code's own
 * settings, not a project, so it never makes the home folder a project root.
 */
export function findProjectRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CLAUDE_PROJECT_DIR;
  if (fromEnv !== undefined && isAbsolute(fromEnv) && isDir(fromEnv)) return resolve(fromEnv);
  const home = resolve(env.HOME ?? homedir());
  let withClaude: string | undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".claude", "policy.json"))) return dir;
    if (withClaude === undefined && dir !== home && isDir(join(dir, ".claude"))) withClaude = dir;
    if (dirname(dir) === dir) break;
  }
  return withClaude ?? resolve(cwd);
}

/** The root a policy file names: the folder holding its `.claude/`, else its own folder. */
function rootOfPolicyFile(file: string): string {
  const folder = dirname(file);
  return basename(folder) === ".claude" ? dirname(folder) : folder;
}

export function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

export function loadProject(options: LoadOptions): Project {
  const env = options.env ?? process.env;
  let root: string;
  let policyFile: string | undefined;
  if (options.policyFile !== undefined) {
    policyFile = resolve(options.cwd, options.policyFile);
    root = rootOfPolicyFile(policyFile);
  } else {
    root = findProjectRoot(options.cwd, env);
    const candidate = join(root, ".claude", "policy.json");
    if (existsSync(candidate)) policyFile = candidate;
  }
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
      ? resolve(options.cwd, options.auditLog)
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
