import type { Tier } from "@automode/policy";
import { AGENT_NAMES, type AgentAdapter, agentNamed } from "../agents/index.js";
import { parse, parseTier, UsageError } from "../args.js";
import { recordDecision } from "../audit.js";
import { type AppDecision, decideCall, denial } from "../decision.js";
import { engineFor } from "../engine.js";
import type { MappedCall } from "../hook/map-tool.js";
import { type Io, readAll } from "../io.js";
import { loadProject, type Project } from "../project/load.js";

export const HOOK_HELP = `Usage: automode hook <agent> [--policy F] [--permission-tier T] [--audit-log F]

agent: ${AGENT_NAMES.join(" | ")}

The agent's pre-tool-use hook. Reads the hook JSON on stdin, decides the tool call,
appends the audit record and answers in the agent's format. For claude-code it prints
{"hookSpecificOutput":{…,"permissionDecision":"allow|deny|ask",…}} and exits 0. Malformed
input or any internal failure is blocked the way the agent blocks (fail closed).

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
  const adapter = agentNamed(agent ?? "");
  if (adapter === undefined || extra !== undefined) {
    throw new UsageError(
      `hook takes one agent, one of ${AGENT_NAMES.join(", ")} (got "${positionals.join(" ")}")`,
    );
  }
  const tier = parseTier(values["permission-tier"]);
  const { decision, event } = await answer(io, adapter, values.policy, tier, values["audit-log"]);
  const reply = adapter.answer(decision, event);
  if (reply.stdout !== "") io.out(reply.stdout);
  if (reply.stderr !== "") io.err(reply.stderr);
  return reply.exitCode;
}

const severity = { approve: 0, escalate: 1, deny: 2 } as const;

/** Everything after argument parsing: any failure becomes a deny with its reason. */
async function answer(
  io: Io,
  adapter: AgentAdapter,
  policyFile: string | undefined,
  tier: Tier | undefined,
  auditLog: string | undefined,
): Promise<{ decision: AppDecision; event?: string }> {
  const fallbackTier: Tier = tier ?? "balanced";
  let text: string;
  try {
    text = await readAll(io.stdin);
  } catch (error) {
    return {
      decision: denial(
        "invalid-input",
        `the hook could not read stdin: ${messageOf(error)}`,
        fallbackTier,
      ),
    };
  }
  const started = performance.now();
  const parsed = adapter.parse(text);
  const event = parsed.event;
  const done = (decision: AppDecision) =>
    event === undefined ? { decision } : { decision, event };
  let project: Project;
  try {
    project = loadProject({
      cwd: parsed.ok ? parsed.call.cwd : (parsed.cwd ?? io.cwd),
      env: io.env,
      policyFile,
      tier,
      auditLog,
    });
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
  // One tool call may touch several things (a patch over three files): each is decided and
  // recorded, and the call's verdict is the most severe of them (the first such one answers).
  const decisions: AppDecision[] = [];
  for (const mapped of calls) {
    try {
      decisions.push(decideCall(mapped, engineFor(project), project));
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
      await recordDecision(project, {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
