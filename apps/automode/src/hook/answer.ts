import type { Tier } from "@automode/policy";
import { claudeCode } from "../agents/claude-code.js";
import type { AgentAdapter } from "../agents/types.js";
import type { Recorded } from "../audit.js";
import { type AppDecision, type DecideEngine, decideCall, denial } from "../decision.js";
import { readyShellParser } from "../engine.js";
import type { Project } from "../project/load.js";
import type { MappedCall } from "./map-tool.js";

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

const severity = { approve: 0, escalate: 1, deny: 2 } as const;

/** One Claude Code PreToolUse call: `answerAgent` with Claude Code's adapter. */
export async function answerHook(
  text: string,
  fallbackCwd: string | undefined,
  tier: Tier | undefined,
  backend: HookBackend,
): Promise<AppDecision> {
  return (await answerAgent(text, fallbackCwd, tier, backend, claudeCode)).decision;
}

/**
 * One agent's pre-tool-use call, from its JSON text to the decision (already recorded).
 * `fallbackCwd` locates the project when the input is not a usable call (the command hook's own
 * folder); undefined: such a call is denied without a project, and so without an audit record.
 * One tool call may touch several things (a patch over three files): each is decided and
 * recorded, and the call's verdict is the most severe of them (the first such one answers).
 * Any failure becomes a deny with its reason: never an approval nobody decided or recorded.
 */
export async function answerAgent(
  text: string,
  fallbackCwd: string | undefined,
  tier: Tier | undefined,
  backend: HookBackend,
  adapter: AgentAdapter,
): Promise<{ decision: AppDecision; event?: string }> {
  const fallbackTier: Tier = tier ?? "balanced";
  const started = performance.now();
  const parsed = adapter.parse(text);
  const event = parsed.event;
  const done = (decision: AppDecision) =>
    event === undefined ? { decision } : { decision, event };
  const cwd = parsed.ok ? parsed.call.cwd : (parsed.cwd ?? fallbackCwd);
  if (cwd === undefined) {
    return done(
      denial("invalid-input", parsed.ok ? "the call names no cwd" : parsed.reason, fallbackTier),
    );
  }
  let project: Project;
  try {
    project = backend.project(cwd);
  } catch (error) {
    // Without a policy there is no audit log path either; the reason says what to fix.
    return done(
      denial(
        "internal-error",
        `${messageOf(error)}; automode denies until it is fixed`,
        fallbackTier,
      ),
    );
  }
  const calls: MappedCall[] = parsed.ok
    ? parsed.mapped
    : [{ kind: "invalid", reason: parsed.reason }];
  // Only a command needs the parser: a file action never pays for loading it (once per process).
  if (calls.some((m) => m.kind === "action" && m.action.kind === "execute"))
    await readyShellParser();
  const decisions: AppDecision[] = [];
  for (const mapped of calls) {
    try {
      decisions.push(decideCall(mapped, backend.engine(project), project));
    } catch (error) {
      decisions.push(
        denial(
          "internal-error",
          `automode failed, so it denies: ${messageOf(error)}`,
          project.tier,
        ),
      );
    }
  }
  let decision = decisions[0] as AppDecision;
  for (const next of decisions) {
    if (severity[next.verdict] > severity[decision.verdict]) decision = next;
  }
  const us = Math.round((performance.now() - started) * 1000);
  try {
    for (const [index, mapped] of calls.entries()) {
      await backend.record(project, {
        call: parsed.ok ? parsed.call : undefined,
        mapped,
        decision: decisions[index] as AppDecision,
        us,
        agent: adapter.meta.name,
      });
    }
  } catch (error) {
    // An approval nobody can audit is not an approval.
    return done(
      denial(
        "internal-error",
        `the audit log ${project.auditPath} could not be written (${messageOf(error)}), so automode denies`,
        project.tier,
      ),
    );
  }
  return done(decision);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
