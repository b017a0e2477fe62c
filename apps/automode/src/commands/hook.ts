import type { Tier } from "@automode/policy";
import { AGENT_NAMES, type AgentAdapter, agentNamed } from "../agents/index.js";
import { parse, parseTier, UsageError } from "../args.js";
import { recordDecision } from "../audit.js";
import { type AppDecision, denial } from "../decision.js";
import { engineFor } from "../engine.js";
import { answerAgent, type HookBackend, type HookOptions, messageOf } from "../hook/answer.js";
import { type Io, readAll } from "../io.js";
import { loadProject } from "../project/load.js";

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
  return answerAgent(
    text,
    io.cwd,
    tier,
    inProcessBackend(io.env, { policyFile, tier, auditLog }),
    adapter,
  );
}

/** The command hook's backend: the project loaded and the engine built afresh for one call. */
export function inProcessBackend(env: NodeJS.ProcessEnv, options: HookOptions): HookBackend {
  return {
    project: (cwd) => loadProject({ cwd, env, ...options }),
    engine: (project) => engineFor(project),
    record: recordDecision,
  };
}
