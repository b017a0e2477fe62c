import type { Tier } from "@automode/policy";
import { parse, parseTier, UsageError } from "../args.js";
import { recordDecision } from "../audit.js";
import { type AppDecision, decideCall, denial } from "../decision.js";
import { engineFor, readyShellParser } from "../engine.js";
import { parseHookInput } from "../hook/input.js";
import { mapToolCall } from "../hook/map-tool.js";
import { hookOutput } from "../hook/output.js";
import { type Io, readAll } from "../io.js";
import { loadProject, type Project } from "../project/load.js";

export const HOOK_HELP = `Usage: automode hook claude-code [--policy F] [--permission-tier T] [--audit-log F]

The Claude Code PreToolUse hook. Reads the hook JSON on stdin, decides the tool call,
appends the audit record, prints {"hookSpecificOutput":{…,"permissionDecision":"allow|deny|ask",…}}
and exits 0. Malformed input or any internal failure answers deny (fail closed).

Options:
  --policy F            the policy file (default: .claude/policy.json of the project)
  --permission-tier T   permissive | balanced | restrictive (overrides the policy)
  --audit-log F         the audit log (default: the policy's audit.path)
`;

export async function hook(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    policy: { type: "string" },
    "permission-tier": { type: "string" },
    "audit-log": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(HOOK_HELP);
    return 0;
  }
  const [agent, extra] = positionals;
  if (agent !== "claude-code" || extra !== undefined) {
    throw new UsageError(
      `hook supports one agent: "automode hook claude-code" (got "${positionals.join(" ")}")`,
    );
  }
  const tier = parseTier(values["permission-tier"]);
  const decision = await answer(io, values.policy, tier, values["audit-log"]);
  io.out(`${JSON.stringify(hookOutput(decision))}\n`);
  return 0;
}

/** Everything after argument parsing: any failure becomes a deny with its reason. */
async function answer(
  io: Io,
  policyFile: string | undefined,
  tier: Tier | undefined,
  auditLog: string | undefined,
): Promise<AppDecision> {
  const fallbackTier: Tier = tier ?? "balanced";
  let text: string;
  try {
    text = await readAll(io.stdin);
  } catch (error) {
    return denial(
      "invalid-input",
      `the hook could not read stdin: ${messageOf(error)}`,
      fallbackTier,
    );
  }
  const started = performance.now();
  const call = parseHookInput(text);
  let project: Project;
  try {
    project = loadProject({
      cwd: typeof call === "string" ? io.cwd : call.cwd,
      env: io.env,
      policyFile,
      tier,
      auditLog,
    });
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
  // Only a command needs the parser: a file action never pays for loading it.
  if (mapped.kind === "action" && mapped.action.kind === "execute") await readyShellParser();
  try {
    decision = decideCall(mapped, engineFor(project), project);
  } catch (error) {
    decision = denial(
      "internal-error",
      `automode failed, so it denies: ${messageOf(error)}`,
      project.tier,
    );
  }
  const us = Math.round((performance.now() - started) * 1000);
  try {
    await recordDecision(project, {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
