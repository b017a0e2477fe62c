import { accessSync, constants, existsSync, lstatSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { IgnoreRules } from "@automode/scope";
import { parse, UsageError } from "../args.js";
import { probeHook } from "../init/probe.js";
import { probeHttpHook, serverStatus } from "../init/serve-probe.js";
import {
  coversEveryTool,
  parseSettings,
  type RegisteredHook,
  registeredHooks,
  SettingsError,
} from "../init/settings.js";
import type { Io } from "../io.js";
import { loadProject, PolicyError, type Project } from "../project/load.js";
import { defaultPort } from "../serve/locations.js";

export const DOCTOR_HELP = `Usage: automode doctor [--dir D]

Checks that automode is in charge of this project, one line per check:
  settings   Claude Code's settings (the project's, its local ones, ~/.claude/settings.json)
             register automode as a PreToolUse hook for every tool, and no file sets
             disableAllHooks
  hook       the registered hook command runs and answers as Claude Code needs (run once)
  policy     .claude/policy.json is valid
  ignore     the ignore file covers the baseline (.env, .env.*, *.pem, *.key, id_rsa*,
             credentials/, secrets/)
  audit      the audit log can be written
  server     whether automode serve answers (on its socket: command hooks use it; on its
             port: the http hook needs it); only a problem when the http hook is registered
Exit 0 when every check is ok, 1 when one found a problem (the line says how to fix it),
2 on bad usage. The hook check is a real call: its decision is recorded in the audit log.

Options:
  --dir D   the project root (default: the project of the current folder)
`;

type Check =
  | { name: string; ok: true; detail: string }
  | { name: string; ok: false; detail: string };

const ok = (name: string, detail: string): Check => ({ name, ok: true, detail });
const problem = (name: string, detail: string): Check => ({ name, ok: false, detail });

/** SPEC section 5's baseline, with a sample path each pattern must match. */
export const BASELINE: ReadonlyArray<readonly [pattern: string, sample: string, folder: boolean]> =
  [
    [".env", ".env", false],
    [".env.*", ".env.local", false],
    ["*.pem", "certs/server.pem", false],
    ["*.key", "certs/server.key", false],
    ["id_rsa*", "keys/id_rsa.pub", false],
    ["credentials/", "config/credentials", true],
    ["secrets/", "secrets", true],
  ];

/** Where Claude Code reads hooks from: the project's shared and local settings, and the user's. */
function settingsFiles(
  root: string,
  env: NodeJS.ProcessEnv,
): Array<{ path: string; name: string }> {
  const home = env.HOME ?? homedir();
  return [
    { path: join(root, ".claude", "settings.json"), name: ".claude/settings.json" },
    { path: join(root, ".claude", "settings.local.json"), name: ".claude/settings.local.json" },
    { path: join(home, ".claude", "settings.json"), name: "~/.claude/settings.json" },
  ];
}

export async function doctor(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    dir: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(DOCTOR_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`doctor takes no arguments (got "${positionals[0]}")`);
  const dir = resolve(io.cwd, values.dir ?? ".");
  if (!existsSync(dir)) throw new UsageError(`--dir ${dir} does not exist`);
  // --dir names the root itself; without it the root is found as the hook finds it.
  const env = values.dir === undefined ? io.env : { ...io.env, CLAUDE_PROJECT_DIR: dir };

  const checks: Check[] = [];
  let project: Project | undefined;
  let policyProblem: string | undefined;
  try {
    project = loadProject({ cwd: dir, env });
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    policyProblem = error.message;
  }
  const root = project?.root ?? (values.dir === undefined ? rootWithoutPolicy(dir, env) : dir);

  const settings = settingsCheck(root, io.env);
  checks.push(settings.check);
  checks.push(await hookCheck(settings.hook, root, io.env));
  checks.push(
    policyProblem !== undefined
      ? problem("policy", `${policyProblem}; fix it (automode lint shows every problem)`)
      : project?.policyFile === undefined
        ? ok("policy", "no .claude/policy.json: the built-in default applies (tier balanced)")
        : ok("policy", `${relative(root, project.policyFile)} is valid (tier ${project.tier})`),
  );
  if (project !== undefined) {
    checks.push(ignoreCheck(root, project.policy.ignoreFile));
    checks.push(auditCheck(project.auditPath));
  } else {
    checks.push(problem("ignore", "not checked: the policy that names the ignore file is invalid"));
    checks.push(problem("audit", "not checked: the policy that names the audit log is invalid"));
  }

  checks.push(await serverCheck(settings.hook, io.env));

  for (const check of checks) {
    io.out(`${check.ok ? "ok     " : "PROBLEM"} ${check.name.padEnd(8)} ${check.detail}\n`);
  }
  const failed = checks.filter((check) => !check.ok).length;
  io.out(
    failed === 0
      ? `automode is in charge of ${root}\n`
      : `${failed} problem${failed === 1 ? "" : "s"}: Claude Code may run tools automode never sees\n`,
  );
  return failed === 0 ? 0 : 1;
}

function rootWithoutPolicy(dir: string, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.CLAUDE_PROJECT_DIR;
  return fromEnv !== undefined && fromEnv !== "" ? resolve(fromEnv) : dir;
}

function settingsCheck(
  root: string,
  env: NodeJS.ProcessEnv,
): { check: Check; hook?: RegisteredHook } {
  const hooks: RegisteredHook[] = [];
  for (const { path, name: file } of settingsFiles(root, env)) {
    if (!existsSync(path)) continue;
    let value: Record<string, unknown>;
    try {
      value = parseSettings(readFileSync(path, "utf8"), file).value;
    } catch (error) {
      if (error instanceof SettingsError) return { check: problem("settings", error.message) };
      throw error;
    }
    if (value.disableAllHooks === true) {
      return {
        check: problem(
          "settings",
          `${file} sets "disableAllHooks": true, so no hook runs; remove it`,
        ),
      };
    }
    hooks.push(...registeredHooks(value));
  }
  if (hooks.length === 0) {
    return {
      check: problem(
        "settings",
        "no automode PreToolUse hook in .claude/settings.json, .claude/settings.local.json or ~/.claude/settings.json; run automode init",
      ),
    };
  }
  const everyTool = hooks.find((hook) => coversEveryTool(hook.matcher));
  if (everyTool === undefined) {
    const matchers = hooks.map((hook) => JSON.stringify(hook.matcher)).join(", ");
    return {
      check: problem(
        "settings",
        `the automode hook's matcher (${matchers}) leaves tools unchecked; set "matcher": "*"`,
      ),
      hook: hooks[0] as RegisteredHook,
    };
  }
  return {
    check: ok(
      "settings",
      everyTool.kind === "http"
        ? `PreToolUse POSTs every tool call to ${everyTool.command} (http hook)`
        : `PreToolUse runs ${everyTool.command} for every tool`,
    ),
    hook: everyTool,
  };
}

async function hookCheck(
  hook: RegisteredHook | undefined,
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<Check> {
  if (hook === undefined) return problem("hook", "not checked: no automode hook is registered");
  if (hook.kind === "http") {
    const probe = await probeHttpHook(hook.command, root, env);
    if (!probe.ok) {
      return problem(
        "hook",
        `${probe.problem}; until it is fixed Claude Code blocks every tool call (onFailure "block")`,
      );
    }
    return ok("hook", `the server answers (a test Read got "${probe.decision}")`);
  }
  const probe = probeHook(hook.command, root, env);
  if (!probe.ok) {
    return problem(
      "hook",
      `${probe.problem}; Claude Code would run every tool unchecked. Install automode (npm install --save-dev automode) and run automode init, or fix the command in .claude/settings.json`,
    );
  }
  return ok("hook", `answers (a test Read got "${probe.decision}")`);
}

function ignoreCheck(root: string, ignoreFile: string): Check {
  const path = resolve(root, ignoreFile);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return problem(
      "ignore",
      `no ${ignoreFile}: only the built-in baseline protects credentials; run automode init to write one`,
    );
  }
  const rules = IgnoreRules.fromText(text, false);
  const missing = BASELINE.filter(([, sample, folder]) => !rules.ignores(sample, folder)).map(
    ([pattern]) => pattern,
  );
  if (missing.length > 0) {
    return problem(
      "ignore",
      `${ignoreFile} does not cover ${missing.join(", ")}; add ${missing.length === 1 ? "it" : "them"} (automode init adds them)`,
    );
  }
  return ok("ignore", `${ignoreFile} covers the baseline credentials`);
}

/** Writable without writing: the log (never a symlink) or the nearest folder that would hold it. */
function auditCheck(log: string): Check {
  const fix = "point audit.path at a writable file in the policy";
  try {
    if (lstatSync(log).isSymbolicLink()) {
      return problem("audit", `${log} is a symlink, which the writer refuses to follow; ${fix}`);
    }
  } catch {}
  let target = log;
  while (!existsSync(target)) {
    const parent = dirname(target);
    if (parent === target) break;
    target = parent;
  }
  try {
    if (target !== log && !statSync(target).isDirectory()) {
      return problem("audit", `${log} cannot be created: ${target} is not a folder; ${fix}`);
    }
    if (target === log && !statSync(log).isFile()) {
      return problem("audit", `${log} is not a file; ${fix}`);
    }
    accessSync(target, constants.W_OK);
  } catch (error) {
    return problem(
      "audit",
      `${log} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ${fix}`,
    );
  }
  return ok("audit", `${log} is writable`);
}

/** The port an http hook URL names, else the default. */
function portOf(url: string): number {
  const port = Number(/:(\d+)\//.exec(url)?.[1]);
  return Number.isInteger(port) ? port : defaultPort;
}

async function serverCheck(
  hook: RegisteredHook | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Check> {
  const http = hook?.kind === "http";
  const status = await serverStatus(env, http ? portOf(hook.command) : defaultPort);
  const where = [
    status.socketUp
      ? `its socket ${status.socket} (command hooks hand their calls to it)`
      : undefined,
    status.tcpUp ? status.url : undefined,
  ].filter((part) => part !== undefined);
  if (where.length > 0) {
    if (http && !status.tcpUp) {
      return problem(
        "server",
        `automode serve answers on ${where.join(" and ")} but not on ${status.url}, where the http hook calls it`,
      );
    }
    return ok("server", `automode serve is up: ${where.join(" and ")}`);
  }
  if (http) {
    return problem(
      "server",
      `no automode serve answers at ${status.url}: start it (automode serve); until then Claude Code blocks every tool call`,
    );
  }
  return ok(
    "server",
    "no automode serve running: the command hook decides in-process (start automode serve to skip a process per call)",
  );
}
