import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Tier } from "@automode/policy";
import { agentNamed } from "../agents/index.js";
import type { AgentName } from "../agents/types.js";
import type { Io } from "../io.js";
import { registerAgentHook, WIRING } from "./agent-settings.js";
import { mergeClaudeignore } from "./claudeignore.js";
import { lineDiff } from "./diff.js";
import { onPath, shellQuote } from "./hook-command.js";
import { HOOK_TIMEOUT_S } from "./probe.js";
import { SettingsError } from "./settings.js";
import { schemaRefFor, starterPolicy } from "./templates.js";

export interface AgentInitOptions {
  root: string;
  dryRun: boolean;
  hookCommand: string | undefined;
  tier: Tier | undefined;
}

type Other = Exclude<AgentName, "claude-code">;

/** A test call in the agent's own format: a read of the policy file, which touches nothing. */
function probePayload(agent: Other, root: string): object {
  const policy = join(root, ".claude", "policy.json");
  switch (agent) {
    case "gemini-cli":
      return {
        session_id: "automode-check",
        cwd: root,
        hook_event_name: "BeforeTool",
        timestamp: new Date().toISOString(),
        tool_name: "read_file",
        tool_input: { file_path: policy },
      };
    case "codex":
      return {
        session_id: "automode-check",
        cwd: root,
        hook_event_name: "PreToolUse",
        tool_name: "Bash",
        tool_input: { command: "cat .claude/policy.json" },
      };
    case "cursor":
      return {
        hook_event_name: "beforeReadFile",
        conversation_id: "automode-check",
        workspace_roots: [root],
        file_path: policy,
        content: "",
      };
    case "copilot-cli":
      return {
        sessionId: "automode-check",
        timestamp: Date.now(),
        cwd: root,
        toolName: "view",
        toolArgs: { path: policy },
      };
  }
}

/**
 * Runs the hook command once as the agent would (through the shell, in the project root, the
 * test call on stdin) and checks the answer is the agent's approval of a harmless read: an
 * exit 0 and the agent's own answer. Anything else is a hook that would not decide.
 */
export function probeAgentHook(
  agent: Other,
  command: string,
  root: string,
  env: NodeJS.ProcessEnv,
): { ok: true } | { ok: false; problem: string } {
  const run = spawnSync("/bin/sh", ["-c", command], {
    cwd: root,
    env,
    input: JSON.stringify(probePayload(agent, root)),
    encoding: "utf8",
    timeout: HOOK_TIMEOUT_S * 1000,
  });
  const said = (run.stderr ?? "").trim().split("\n")[0] ?? "";
  if (run.error !== undefined && run.status === null)
    return { ok: false, problem: `the hook could not run (${run.error.message})` };
  if (run.status !== 0)
    return {
      ok: false,
      problem: `the hook exited with ${run.status}, not 0${said ? `: ${said}` : ""}`,
    };
  const out = run.stdout.trim();
  const expected: Record<Other, string> = {
    "gemini-cli": '{"decision":"allow"}',
    codex: "",
    cursor: '{"permission":"allow"}',
    "copilot-cli": "allow",
  };
  const fine =
    agent === "copilot-cli"
      ? (() => {
          try {
            return (
              (JSON.parse(out) as { permissionDecision?: string }).permissionDecision === "allow"
            );
          } catch {
            return false;
          }
        })()
      : out === expected[agent];
  return fine
    ? { ok: true }
    : {
        ok: false,
        problem: `the hook did not approve a read of the policy (got ${JSON.stringify(out.slice(0, 80))})`,
      };
}

/** The command the agent runs: the project's own install, else the automode on PATH (absolute). */
function resolveCommand(agent: Other, root: string, env: NodeJS.ProcessEnv): string | undefined {
  const local = join(root, "node_modules", ".bin", "automode");
  const found = existsSync(local) ? local : onPath("automode", env);
  return found === undefined ? undefined : `${shellQuote(found)} hook ${agent}`;
}

/**
 * `automode init --agent <name>` for an agent other than Claude Code: the same policy and
 * ignore file, and automode's hook joined into the agent's settings file without touching
 * anything else in it. The hook is run once before anything is written.
 */
export async function initAgent(name: string, options: AgentInitOptions, io: Io): Promise<number> {
  const adapter = agentNamed(name);
  const agent = adapter?.meta.name;
  const fail = (message: string) => {
    io.err(`automode init: ${message}; nothing was written\n`);
    return 1;
  };
  if (agent === undefined || agent === "claude-code") return fail(`unknown agent "${name}"`);
  const { root } = options;
  const read = (file: string) =>
    existsSync(join(root, file)) ? readFileSync(join(root, file), "utf8") : undefined;
  const changes: Array<{ file: string; before: string | undefined; after: string; note: string }> =
    [];

  if (read(".claude/policy.json") === undefined) {
    changes.push({
      file: ".claude/policy.json",
      before: undefined,
      after: starterPolicy(schemaRefFor(root), options.tier),
      note: "starter policy",
    });
  }
  const ignoreBefore = read(".claudeignore");
  const ignore = mergeClaudeignore(ignoreBefore);
  if (ignore.text !== ignoreBefore)
    changes.push({
      file: ".claudeignore",
      before: ignoreBefore,
      after: ignore.text,
      note: "covers credentials",
    });

  const command = options.hookCommand ?? resolveCommand(agent, root, io.env);
  if (command === undefined) {
    return fail(
      "automode is neither installed in this project (node_modules/.bin/automode) nor on PATH; install it, or name it with --hook-command",
    );
  }
  const file = WIRING[agent].file;
  const before = read(file);
  try {
    const merged = registerAgentHook(agent, before, command);
    if (merged.changed) changes.push({ file, before, after: merged.text, note: merged.note });
    else io.out(`unchanged ${file} (${merged.note})\n`);
  } catch (error) {
    if (error instanceof SettingsError) return fail(error.message);
    throw error;
  }

  if (options.dryRun) {
    for (const change of changes) io.out(lineDiff(change.file, change.before, change.after));
    io.out(`hook command: ${command} (not run on a dry run)\n`);
    io.out(changes.length === 0 ? "nothing to do\n" : "dry run: nothing written\n");
    return 0;
  }
  // Before anything is written: with no policy yet, the test call is decided under the
  // built-in default, which approves a read inside the project too.
  const probe = probeAgentHook(agent, command, root, io.env);
  if (!probe.ok) return fail(`the hook command ${command} does not work: ${probe.problem}`);
  for (const change of changes) {
    const path = join(root, change.file);
    mkdirSync(resolve(path, ".."), { recursive: true });
    writeFileSync(path, change.after);
    io.out(
      `${change.before === undefined ? "created" : "updated"} ${change.file}: ${change.note}\n`,
    );
  }
  io.out(`checked the hook: it approved a test read in ${adapter?.meta.event} format\n`);
  return 0;
}
