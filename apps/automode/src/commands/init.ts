import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { parsePolicy } from "@automode/policy";
import { parse, parseTier, UsageError } from "../args.js";
import { initAgent } from "../init/agent.js";
import { mergeClaudeignore } from "../init/claudeignore.js";
import { lineDiff } from "../init/diff.js";
import { mergeGitignore } from "../init/gitignore.js";
import { PROJECT_HOOK_COMMAND, resolveHookCommand } from "../init/hook-command.js";
import { probeHook } from "../init/probe.js";
import { probeHttpHook } from "../init/serve-probe.js";
import {
  automodeHooks,
  coversEveryTool,
  type HookEntry,
  type HttpHook,
  httpHookEntry,
  type RegisteredHook,
  registerHook,
  SettingsError,
} from "../init/settings.js";
import { schemaRefFor, starterPolicy } from "../init/templates.js";
import type { Io } from "../io.js";
import { defaultPort, tokenFile } from "../serve/locations.js";

export const INIT_HELP = `Usage: automode init [--dir D] [--dry-run] [--hook-command C | --serve [--port P]] [--permission-tier T] [--no-gitignore]

Sets up automode in a project: writes .claude/policy.json (balanced, unless
--permission-tier says otherwise) and a .claudeignore covering credentials, registers the
hook in .claude/settings.json under hooks.PreToolUse (merging into what is there), and adds
the audit log to .gitignore. Existing files are never overwritten; running it again changes
nothing.

Before writing anything, init runs the hook command once as Claude Code will (a test call on
stdin, CLAUDE_PROJECT_DIR set) and stops with exit 1 when it does not answer: Claude Code lets
every tool run when a hook cannot start. \`automode doctor\` repeats the checks later.

Options:
  --dir D             the project root (default: the current folder)
  --dry-run           print the changes instead of writing them (the hook is not run)
  --hook-command C    the hook command to register (default: ${PROJECT_HOOK_COMMAND}
                      when automode is installed in the project, else the absolute path of
                      the automode on PATH)
  --serve             register Claude Code's http hook to a running automode serve instead
                      (token from $AUTOMODE_TOKEN, onFailure "block": Claude Code 2.1.295+
                      blocks a call the server cannot answer); prints how to keep it running
  --port P            the server's port for --serve (default ${defaultPort})
  --permission-tier T the starter policy's tier: permissive | balanced | restrictive
  --no-gitignore      leave .gitignore alone
  --agent A           wire another agent instead: gemini-cli (.gemini/settings.json), codex
                      (.codex/hooks.json), cursor (.cursor/hooks.json) or copilot-cli
                      (.github/hooks/automode.json); the same policy, ignore file and check
`;

interface Change {
  file: string;
  before: string | undefined;
  after: string;
  note: string;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

export async function init(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    dir: { type: "string" },
    "dry-run": { type: "boolean" },
    "hook-command": { type: "string" },
    "permission-tier": { type: "string" },
    "no-gitignore": { type: "boolean" },
    serve: { type: "boolean" },
    port: { type: "string" },
    agent: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`init takes no arguments (got "${positionals[0]}")`);
  const tier = parseTier(values["permission-tier"]);
  if (values.serve && values["hook-command"] !== undefined) {
    throw new UsageError("--serve and --hook-command name two different hooks; give one");
  }
  if (values.port !== undefined && !values.serve) throw new UsageError("--port goes with --serve");
  const port = values.port === undefined ? defaultPort : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 1 to 65535 (got "${values.port}")`);
  }
  const root = resolve(io.cwd, values.dir ?? ".");
  if (!existsSync(root)) throw new UsageError(`--dir ${root} does not exist`);
  if (values.agent !== undefined && values.agent !== "claude-code") {
    // Other agents' settings files: src/init/agent.ts.
    return initAgent(
      values.agent,
      { root, dryRun: values["dry-run"] === true, hookCommand: values["hook-command"], tier },
      io,
    );
  }
  const fail = (message: string) => {
    io.err(`automode init: ${message}; nothing was written\n`);
    return 1;
  };

  const changes: Change[] = [];
  const kept: string[] = [];

  const policyPath = ".claude/policy.json";
  const policyBefore = read(join(root, policyPath));
  let auditPath = ".claude/audit.jsonl";
  if (policyBefore === undefined) {
    changes.push({
      file: policyPath,
      before: undefined,
      after: starterPolicy(schemaRefFor(root), tier),
      note: `${tier ?? "balanced"} tier, with $schema for editors`,
    });
  } else {
    kept.push(`${policyPath} (exists, left as it is)`);
    const parsed = parsePolicy(policyBefore);
    if (parsed.ok) auditPath = parsed.policy.audit.path;
  }

  const ignoreBefore = read(join(root, ".claudeignore"));
  const ignore = mergeClaudeignore(ignoreBefore);
  if (ignore.text !== ignoreBefore) {
    changes.push({
      file: ".claudeignore",
      before: ignoreBefore,
      after: ignore.text,
      note:
        ignoreBefore === undefined
          ? "covers credentials (.env, keys, secrets)"
          : `added ${ignore.added.length} credential patterns`,
    });
  } else {
    kept.push(".claudeignore (already covers credentials)");
  }

  const settingsPath = ".claude/settings.json";
  const settingsBefore = read(join(root, settingsPath));
  let registered: RegisteredHook[];
  try {
    registered = automodeHooks(settingsBefore);
  } catch (error) {
    if (error instanceof SettingsError) return fail(error.message);
    throw error;
  }
  let command: string;
  let entry: HookEntry | undefined;
  let http = false;
  if (registered.length > 0) {
    // Already wired: check the command that is there, and change nothing. A matcher that
    // leaves tools out is a hook that lets them run unasked; init does not call that set up.
    const everyTool = registered.find((hook) => coversEveryTool(hook.matcher));
    if (everyTool === undefined) {
      const matchers = registered.map((hook) => JSON.stringify(hook.matcher)).join(", ");
      return fail(
        `the automode hook in ${settingsPath} has the matcher ${matchers}, which leaves tools unchecked; set "matcher": "*" there and run init again`,
      );
    }
    command = everyTool.command;
    http = everyTool.kind === "http";
  } else if (values.serve) {
    entry = httpHookEntry(port);
    command = (entry.hooks[0] as HttpHook).url;
    http = true;
  } else if (values["hook-command"] !== undefined) {
    command = values["hook-command"];
  } else {
    const resolved = resolveHookCommand(root, io.env);
    if (!resolved.ok) return fail(resolved.problem);
    command = resolved.command;
  }
  const merged = registerHook(settingsBefore, command, entry);
  if (merged.changed) {
    changes.push({
      file: settingsPath,
      before: settingsBefore,
      after: merged.text,
      note: `PreToolUse ${http ? "http hook registered: POST" : "hook registered:"} ${command}`,
    });
  } else {
    kept.push(`${settingsPath} (${merged.note})`);
  }

  if (!values["no-gitignore"]) {
    const log = resolve(root, auditPath);
    const below = relative(root, log);
    if (below !== "" && !below.startsWith(`..${sep}`) && below !== ".." && !isAbsolute(below)) {
      const gitignoreBefore = read(join(root, ".gitignore"));
      const gitignore = mergeGitignore(gitignoreBefore, below.split(sep).join("/"));
      if (gitignore.changed) {
        changes.push({
          file: ".gitignore",
          before: gitignoreBefore,
          after: gitignore.text,
          note: `ignores the audit log ${below}`,
        });
      } else {
        kept.push(".gitignore (already ignores the audit log)");
      }
    }
  }

  if (values["dry-run"]) {
    for (const change of changes) io.out(lineDiff(change.file, change.before, change.after));
    for (const line of kept) io.out(`unchanged ${line}\n`);
    io.out(`hook command: ${command} (not run on a dry run)\n`);
    io.out(changes.length === 0 ? "nothing to do\n" : "dry run: nothing written\n");
    return 0;
  }

  if (http) return writeWithHttpHook(io, root, changes, kept, command);

  const probe = probeHook(command, root, io.env);
  if (!probe.ok) {
    const fix =
      registered.length > 0 ? ` (it is already in ${settingsPath}: fix or remove it there)` : "";
    return fail(`the hook command ${command} does not work${fix}: ${probe.problem}`);
  }

  for (const change of changes) {
    const path = join(root, change.file);
    mkdirSync(resolve(path, ".."), { recursive: true });
    writeFileSync(path, change.after);
    io.out(
      `${change.before === undefined ? "created" : "updated"} ${change.file}: ${change.note}\n`,
    );
  }
  for (const line of kept) io.out(`unchanged ${line}\n`);
  io.out(`checked the hook: it answered "${probe.decision}" to a test call\n`);
  if (changes.length > 0) {
    io.out("automode is set up: Claude Code now asks automode before every tool call.\n");
  }
  io.out("Run `automode doctor` any time to check the set-up again.\n");
  return 0;
}

/**
 * The http hook set-up: written even when the server is not up yet, since every way it can fail
 * blocks the call (a deny from the server, or Claude Code's onFailure "block"); the check says
 * what is still missing, and how to keep the server running.
 */
async function writeWithHttpHook(
  io: Io,
  root: string,
  changes: Change[],
  kept: string[],
  url: string,
): Promise<number> {
  for (const change of changes) {
    const path = join(root, change.file);
    mkdirSync(resolve(path, ".."), { recursive: true });
    writeFileSync(path, change.after);
    io.out(
      `${change.before === undefined ? "created" : "updated"} ${change.file}: ${change.note}\n`,
    );
  }
  for (const line of kept) io.out(`unchanged ${line}\n`);
  const probe = await probeHttpHook(url, root, io.env);
  if (probe.ok)
    io.out(`checked the http hook: the server answered "${probe.decision}" to a test call\n`);
  else io.out(`not yet working: ${probe.problem}\n`);
  io.out(`The http hook needs, where Claude Code starts:
  1. automode serve running: in a terminal (automode serve), or as a systemd user unit or a
     launchd agent (examples in the automode README, "Keep the server running");
  2. AUTOMODE_TOKEN set to the server's token, e.g. in your shell profile:
       export AUTOMODE_TOKEN="$(cat ${tokenFile(io.env)})"
     (the file is created when the server first starts).
Until both hold, Claude Code blocks every tool call (onFailure "block", Claude Code 2.1.295 or
later; an older Claude Code runs tools unchecked when a hook fails: use the command hook there).
Run \`automode doctor\` any time to check the set-up again.
`);
  return 0;
}
