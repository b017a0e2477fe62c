import type { MappedCall, ToolCall } from "../hook/map-tool.js";
import { reasonText } from "../hook/output.js";
import { absolute, contextOf, firstText, jsonObject } from "./fields.js";
import { blockedReason, isFailure, stderrLine } from "./reason.js";
import type { AgentAdapter } from "./types.js";

/**
 * Cursor's agent hooks (.cursor/hooks.json, version 1): one event per kind of action.
 * `beforeShellExecution` and `beforeMCPExecution` answer allow, deny or ask;
 * `beforeReadFile` answers allow or deny only, so an escalated read is denied. Exit 2 blocks.
 */
const events = ["beforeShellExecution", "beforeReadFile", "beforeMCPExecution"] as const;
type CursorEvent = (typeof events)[number];

export const cursor: AgentAdapter = {
  meta: {
    name: "cursor",
    doc: "https://cursor.com/docs/agent/hooks",
    version: "Cursor 1.7+ hooks (hooks.json version 1)",
    event: events.join(", "),
  },
  parse(text) {
    const input = jsonObject(text, "Cursor");
    if (typeof input === "string") return { ok: false, reason: input };
    const roots = Array.isArray(input.workspace_roots) ? input.workspace_roots : [];
    const root = absolute(roots[0]);
    const cwd = absolute(input.cwd) ?? root;
    const where = cwd ? { cwd } : {};
    const event = input.hook_event_name;
    if (typeof event !== "string" || !(events as readonly string[]).includes(event)) {
      return {
        ok: false,
        reason: `automode answers ${events.join(", ")}, not ${String(event)}`,
        ...where,
      };
    }
    if (cwd === undefined) {
      return {
        ok: false,
        reason: "the Cursor hook input has no absolute cwd or workspace_roots",
        event,
      };
    }
    const tool = toolOf(event as CursorEvent, input.tool_name);
    const call: ToolCall = { tool, input, cwd };
    if (typeof input.conversation_id === "string" && input.conversation_id !== "") {
      call.session = input.conversation_id;
    }
    const context = contextOf(cwd, tool, call.session);
    let mapped: MappedCall;
    if (event === "beforeShellExecution") {
      const command = firstText(input, ["command"]);
      mapped =
        command === undefined
          ? { kind: "invalid", reason: 'beforeShellExecution needs a non-empty string "command"' }
          : { kind: "action", action: { kind: "execute", command, ...context } };
    } else if (event === "beforeReadFile") {
      const path = firstText(input, ["file_path"]);
      mapped =
        path === undefined
          ? { kind: "invalid", reason: 'beforeReadFile needs a non-empty string "file_path"' }
          : { kind: "action", action: { kind: "read", path, ...context } };
    } else {
      mapped =
        typeof input.tool_name === "string" && input.tool_name !== ""
          ? { kind: "tool", tool }
          : { kind: "invalid", reason: 'beforeMCPExecution needs a non-empty string "tool_name"' };
    }
    return { ok: true, call, mapped: [mapped], event };
  },
  answer(decision, event) {
    if (isFailure(decision)) return { stdout: "", stderr: stderrLine(decision), exitCode: 2 };
    const canAsk = event === "beforeShellExecution" || event === "beforeMCPExecution";
    const permission =
      decision.verdict === "approve"
        ? "allow"
        : decision.verdict === "escalate" && canAsk
          ? "ask"
          : "deny";
    const reason = permission === "deny" ? blockedReason(decision, "Cursor") : reasonText(decision);
    const out =
      event === "beforeReadFile"
        ? { permission }
        : { permission, user_message: reason, agent_message: reason };
    return { stdout: `${JSON.stringify(out)}\n`, stderr: "", exitCode: 0 };
  },
};

/** The tool name recorded and matched by `tools` rules: the MCP tool's own name, else the event's. */
function toolOf(event: CursorEvent, name: unknown): string {
  if (event === "beforeShellExecution") return "Shell";
  if (event === "beforeReadFile") return "Read";
  return typeof name === "string" && name !== "" ? name : "MCP";
}
