import {
  appendDecision,
  type DecisionEntry,
  recordFromDecision,
  type VerifyResult,
  verifyLog,
} from "@automode/audit";
import type { Action, Decision } from "@automode/engine";
import type { AppDecision } from "./decision.js";
import type { MappedCall, ToolCall } from "./hook/map-tool.js";
import type { Project } from "./project/load.js";

export interface Recorded {
  call: ToolCall | undefined;
  mapped: MappedCall;
  decision: AppDecision;
  us: number;
  /** The agent whose hook proposed the call (`claude-code`, `codex`, …). */
  agent?: string;
}

/**
 * The action an audit record names. A v1 record holds one of the five engine actions; a call
 * automode has no model of (an MCP tool, TodoWrite) or whose input was malformed has none, so
 * it is recorded as an `execute` of the tool's name, with `tool` and `check` (`unknown-tool`,
 * `invalid-input`) saying what it was. Its input is not logged: it may hold file contents.
 */
function auditedAction(recorded: Recorded): Action {
  const { mapped, call } = recorded;
  if (mapped.kind === "action") return mapped.action;
  const tool = call?.tool ?? (mapped.kind === "tool" ? mapped.tool : "");
  return {
    kind: "execute",
    command: tool === "" ? "(no tool call)" : tool,
    ...(call?.tool ? { tool: call.tool } : {}),
    ...(call?.cwd ? { cwd: call.cwd } : {}),
    ...(call?.session ? { session: call.session } : {}),
  };
}

/** The audit entry for one decision (before the writer chains it). */
export function auditEntry(project: Project, recorded: Recorded): DecisionEntry {
  return recordFromDecision(auditedAction(recorded), recorded.decision as Decision, {
    policy: project.policyFile === undefined ? null : project.policyHash,
    us: recorded.us,
    ...(recorded.agent !== undefined ? { agent: recorded.agent } : {}),
  });
}

/** Appends one decision to the project's audit log (locked, hash-chained, redacted per policy). */
export async function recordDecision(project: Project, recorded: Recorded): Promise<void> {
  await appendDecision(project.auditPath, auditEntry(project, recorded), {
    redact: project.policy.audit.redact,
  });
}

/**
 * One line on a verified log: intact with how many records (decisions and recoveries; signed
 * checkpoints counted apart), what was checked, or the first bad line.
 */
export function verifyMessage(result: VerifyResult): string {
  const shown = result.records - result.checkpoints;
  const records = `${shown} record${shown === 1 ? "" : "s"}`;
  if (!result.ok) {
    const bad = result.firstBad;
    return bad === undefined
      ? `NOT intact after ${records}`
      : `NOT intact: line ${bad.line}: ${bad.reason}`;
  }
  const recoveries =
    result.recoveries.length === 0
      ? ""
      : `, ${result.recoveries.length} crash ${result.recoveries.length === 1 ? "recovery" : "recoveries"} recorded`;
  const checkpoints =
    result.checkpoints === 0
      ? ""
      : ` (+${result.checkpoints} signed checkpoint${result.checkpoints === 1 ? "" : "s"})`;
  const sig = result.signature;
  if (sig === undefined) {
    return `intact, ${records}${checkpoints}, hash chain verified${recoveries}; internal consistency only: no key given, so a re-hashed or cut log would pass too (verify with --key, see automode audit key)`;
  }
  const signed =
    sig.checkpoints === 0
      ? "no checkpoint yet (the log is shorter than one checkpoint interval)"
      : `signatures by key ${sig.key} verified through seq ${sig.signedThrough}`;
  const kept =
    sig.kept === "matched"
      ? "ends at the head the key last signed (nothing cut)"
      : "no head kept for this log on this machine, so a tail cut back to a checkpoint cannot be detected here";
  return `intact, ${records}${checkpoints}, hash chain verified${recoveries}, ${signed}, ${kept}`;
}

export async function verifyAuditLog(file: string): Promise<{ ok: boolean; message: string }> {
  const result = await verifyLog(file);
  return { ok: result.ok, message: verifyMessage(result) };
}
