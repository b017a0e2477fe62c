import { join } from "node:path";
import type { Verdict } from "@automode/policy";
import { AGENT_NAMES, agentNamed } from "../agents/index.js";
import { asAgentPayload } from "../agents/translate.js";
import type { AgentName } from "../agents/types.js";
import { recordDecision, verifyAuditLog } from "../audit.js";
import { type AppDecision, decideCall } from "../decision.js";
import { engineFor } from "../engine.js";
import type { Io } from "../io.js";
import { loadProject } from "../project/load.js";
import { describeCall, type TranscriptCall } from "../replay/transcript.js";

const severity = { approve: 0, escalate: 1, deny: 2 } as const;
const short: Record<Verdict, string> = { approve: "approve", deny: "deny", escalate: "escalate" };

/**
 * `automode demo --agent <name|all>`: the recorded session written in each agent's hook
 * format, parsed by that agent's adapter and decided in the copy of the sample project
 * (balanced tier), one audit log per agent. A call the agent has no hook for is shown as "—".
 */
export async function demoAgents(
  which: string,
  calls: readonly TranscriptCall[],
  project: string,
  outDir: string,
  io: Io,
): Promise<number> {
  const agents: AgentName[] =
    which === "all" ? [...AGENT_NAMES] : agentNamed(which) ? [which as AgentName] : [];
  if (agents.length === 0) {
    io.err(`automode demo: --agent takes one of ${AGENT_NAMES.join(", ")} or all\n`);
    return 2;
  }
  const rows: string[] = [];
  const counts = new Map<AgentName, Record<Verdict | "unseen", number>>(
    agents.map((a) => [a, { approve: 0, escalate: 0, deny: 0, unseen: 0 }]),
  );
  const width = 44;
  rows.push(`${"call".padEnd(width)} ${agents.map((a) => a.padEnd(12)).join(" ")}`);
  for (const call of calls) {
    const cells: string[] = [];
    for (const agent of agents) {
      const adapter = agentNamed(agent)!;
      const payload = asAgentPayload(agent, call);
      const count = counts.get(agent)!;
      if (payload === undefined) {
        count.unseen += 1;
        cells.push("—".padEnd(12));
        continue;
      }
      const project0 = loadProject({
        cwd: project,
        env: io.env,
        auditLog: join(outDir, `audit-${agent}.jsonl`),
        tier: "balanced",
      });
      const parsed = adapter.parse(JSON.stringify(payload));
      const mapped = parsed.ok
        ? parsed.mapped
        : [{ kind: "invalid" as const, reason: parsed.reason }];
      const engine = engineFor(project0);
      let worst: AppDecision | undefined;
      for (const m of mapped) {
        const decision = decideCall(m, engine, project0);
        await recordDecision(project0, {
          call: parsed.ok ? parsed.call : undefined,
          mapped: m,
          decision,
          us: 0,
          agent,
        });
        if (worst === undefined || severity[decision.verdict] > severity[worst.verdict])
          worst = decision;
      }
      const verdict = worst?.verdict ?? "deny";
      count[verdict] += 1;
      cells.push(short[verdict].padEnd(12));
    }
    const label = describeCall(call, project);
    rows.push(
      `${(label.length > width ? `${label.slice(0, width - 1)}…` : label).padEnd(width)} ${cells.join(" ")}`,
    );
  }
  io.out(
    `automode demo: the recorded session written in each agent's hook format, decided under\nthe balanced tier (— : the agent has no hook that sees that call).\n\n`,
  );
  io.out(`${rows.join("\n")}\n\n`);
  for (const agent of agents) {
    const c = counts.get(agent)!;
    const log = join(outDir, `audit-${agent}.jsonl`);
    const verified = await verifyAuditLog(log);
    io.out(
      `${agent.padEnd(12)} approve ${c.approve}, escalate ${c.escalate}, deny ${c.deny}, not visible ${c.unseen}; ${log}: ${verified.ok ? "intact" : verified.message}\n`,
    );
  }
  return 0;
}
