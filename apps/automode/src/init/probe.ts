import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Claude Code's own limit for the hook init registers (seconds), used for the check too. */
export const HOOK_TIMEOUT_S = 30;

export type Probe =
  | { ok: true; decision: "allow" | "deny" | "ask"; reason: string }
  | { ok: false; problem: string };

const decisions = new Set(["allow", "deny", "ask"]);

/**
 * Runs a hook command once as Claude Code does: through the shell, in the project root, with
 * CLAUDE_PROJECT_DIR set and a PreToolUse call on stdin (a Read of the project's policy file,
 * which touches nothing; its decision is recorded in the audit log as any call is). The answer
 * must be exit 0 and exactly the hook JSON; anything else is a hook that would fail open.
 */
export function probeHook(command: string, root: string, env: NodeJS.ProcessEnv): Probe {
  const payload = {
    session_id: "automode-check",
    transcript_path: "",
    cwd: root,
    hook_event_name: "PreToolUse",
    tool_name: "Read",
    tool_input: { file_path: join(root, ".claude", "policy.json") },
  };
  const run = spawnSync("/bin/sh", ["-c", command], {
    cwd: root,
    env: { ...env, CLAUDE_PROJECT_DIR: root },
    input: JSON.stringify(payload),
    encoding: "utf8",
    timeout: HOOK_TIMEOUT_S * 1000,
  });
  const said = firstLine(run.stderr ?? "");
  const also = said === "" ? "" : `: ${said}`;
  // EPIPE: the command exited without reading its stdin (`exit 3`); its status still says how
  // it went, as it would for Claude Code.
  const code = (run.error as NodeJS.ErrnoException | undefined)?.code;
  if (run.error !== undefined && !(code === "EPIPE" && run.status !== null)) {
    if (code === "ETIMEDOUT") {
      return { ok: false, problem: `the hook did not answer within ${HOOK_TIMEOUT_S} s` };
    }
    return { ok: false, problem: `the hook could not be started (${run.error.message})` };
  }
  if (run.status === 127) {
    return { ok: false, problem: `the hook command was not found (exit 127${also})` };
  }
  if (run.status !== 0) {
    const how = run.status === null ? `was killed by ${run.signal}` : `exited with ${run.status}`;
    return { ok: false, problem: `the hook ${how}, not 0${also}` };
  }
  const answer = hookAnswer(run.stdout);
  if (answer === undefined) {
    const got = firstLine(run.stdout);
    return {
      ok: false,
      problem: `the hook did not print a PreToolUse answer (got ${got === "" ? "nothing" : JSON.stringify(got.slice(0, 80))})`,
    };
  }
  // The bin answers deny when its bundle cannot load (fail closed); that is no working hook.
  if (answer.decision === "deny" && answer.reason.startsWith("automode could not start")) {
    return { ok: false, problem: `the hook answers but denies everything: ${answer.reason}` };
  }
  return { ok: true, ...answer };
}

/** The decision when `stdout` is exactly one hook answer (the shape Claude Code reads), else undefined. */
export function hookAnswer(
  stdout: string,
): { decision: "allow" | "deny" | "ask"; reason: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !sameKeys(value, ["hookSpecificOutput"])) return undefined;
  const out = value.hookSpecificOutput;
  if (
    !isObject(out) ||
    !sameKeys(out, ["hookEventName", "permissionDecision", "permissionDecisionReason"]) ||
    out.hookEventName !== "PreToolUse" ||
    typeof out.permissionDecision !== "string" ||
    !decisions.has(out.permissionDecision) ||
    typeof out.permissionDecisionReason !== "string"
  ) {
    return undefined;
  }
  return {
    decision: out.permissionDecision as "allow" | "deny" | "ask",
    reason: out.permissionDecisionReason,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const sameKeys = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => key in value);

function firstLine(text: string): string {
  return text.trim().split("\n")[0]?.trim() ?? "";
}
