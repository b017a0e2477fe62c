import type { Tier } from "@automode/policy";
import type { Recorded } from "../audit.js";
import { type AppDecision, type DecideEngine, decideCall, denial } from "../decision.js";
import { readyShellParser } from "../engine.js";
import type { Project } from "../project/load.js";
import { parseHookInput } from "./input.js";
import { mapToolCall } from "./map-tool.js";

/** What the hook's flags ask for; `undefined` is a flag not given. */
export interface HookOptions {
  policyFile: string | undefined;
  tier: Tier | undefined;
  auditLog: string | undefined;
}

/**
 * Where a hook answer gets its project, engine and audit log: a fresh load per call in the
 * command hook, kept and re-checked per request in `automode serve`. Everything else (parsing,
 * mapping, deciding, what a failure answers) is `answerHook`, shared by both.
 */
export interface HookBackend {
  /** The project for a call made in `cwd`; throws (PolicyError) when there is none to use. */
  project(cwd: string): Project;
  engine(project: Project): DecideEngine;
  record(project: Project, recorded: Recorded): Promise<void>;
}

/**
 * One Claude Code PreToolUse call, from its JSON text to the decision (already recorded).
 * `fallbackCwd` locates the project when the input is not a usable call (the command hook's own
 * folder); undefined: such a call is denied without a project, and so without an audit record.
 * Any failure becomes a deny with its reason: never an approval nobody decided or recorded.
 */
export async function answerHook(
  text: string,
  fallbackCwd: string | undefined,
  tier: Tier | undefined,
  backend: HookBackend,
): Promise<AppDecision> {
  const fallbackTier: Tier = tier ?? "balanced";
  const started = performance.now();
  const call = parseHookInput(text);
  const cwd = typeof call === "string" ? fallbackCwd : call.cwd;
  if (cwd === undefined) {
    return denial("invalid-input", call as string, fallbackTier);
  }
  let project: Project;
  try {
    project = backend.project(cwd);
  } catch (error) {
    // Without a policy there is no audit log path either; the reason says what to fix.
    return denial(
      "internal-error",
      `${messageOf(error)}; automode denies until it is fixed`,
      fallbackTier,
    );
  }
  let decision: AppDecision;
  const mapped =
    typeof call === "string" ? { kind: "invalid" as const, reason: call } : mapToolCall(call);
  // Only a command needs the parser: a file action never pays for loading it (once per process).
  if (mapped.kind === "action" && mapped.action.kind === "execute") await readyShellParser();
  try {
    decision = decideCall(mapped, backend.engine(project), project);
  } catch (error) {
    decision = denial(
      "internal-error",
      `automode failed, so it denies: ${messageOf(error)}`,
      project.tier,
    );
  }
  const us = Math.round((performance.now() - started) * 1000);
  try {
    await backend.record(project, {
      call: typeof call === "string" ? undefined : call,
      mapped,
      decision,
      us,
    });
  } catch (error) {
    // An approval nobody can audit is not an approval.
    return denial(
      "internal-error",
      `the audit log ${project.auditPath} could not be written (${messageOf(error)}), so automode denies`,
      project.tier,
    );
  }
  return decision;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
