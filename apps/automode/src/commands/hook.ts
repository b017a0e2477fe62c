import type { Tier } from "@automode/policy";
import { parse, parseTier, UsageError } from "../args.js";
import { recordDecision } from "../audit.js";
import { type AppDecision, denial } from "../decision.js";
import { engineFor } from "../engine.js";
import { answerHook, type HookBackend, type HookOptions, messageOf } from "../hook/answer.js";
import { hookOutput } from "../hook/output.js";
import { type Io, readAll } from "../io.js";
import { loadProject } from "../project/load.js";

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
  let text: string;
  try {
    text = await readAll(io.stdin);
  } catch (error) {
    return denial(
      "invalid-input",
      `the hook could not read stdin: ${messageOf(error)}`,
      tier ?? "balanced",
    );
  }
  return answerHook(text, io.cwd, tier, inProcessBackend(io.env, { policyFile, tier, auditLog }));
}

/** The command hook's backend: the project loaded and the engine built afresh for one call. */
export function inProcessBackend(env: NodeJS.ProcessEnv, options: HookOptions): HookBackend {
  return {
    project: (cwd) => loadProject({ cwd, env, ...options }),
    engine: (project) => engineFor(project),
    record: recordDecision,
  };
}
