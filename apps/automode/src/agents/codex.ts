import type { MappedCall, ToolCall } from "../hook/map-tool.js";
import { patchCalls } from "./apply-patch.js";
import { absolute, contextOf, isFields, jsonObject } from "./fields.js";
import { blockedReason, isFailure, stderrLine } from "./reason.js";
import type { AgentAdapter } from "./types.js";

/**
 * Codex's PreToolUse hook (hooks.json or [hooks] in config.toml). The payload is Claude
 * Code's shape; Codex sends shell tools as `Bash`, file edits as `apply_patch` (the patch
 * in `tool_input.command`) and MCP tools as `mcp__server__tool`. Its PreToolUse honours only
 * a deny: no output lets the call go on to Codex's own approval policy and sandbox.
 */
export const codex: AgentAdapter = {
  meta: {
    name: "codex",
    doc: "https://developers.openai.com/codex/hooks",
    version: "Codex CLI 0.124+ (hooks on by default)",
    event: "PreToolUse",
  },
  parse(text) {
    const input = jsonObject(text, "Codex");
    if (typeof input === "string") return { ok: false, reason: input };
    const cwd = absolute(input.cwd);
    if (input.hook_event_name !== undefined && input.hook_event_name !== "PreToolUse") {
      return {
        ok: false,
        reason: `automode answers PreToolUse, not ${String(input.hook_event_name)}`,
        ...(cwd ? { cwd } : {}),
      };
    }
    const tool = input.tool_name;
    if (typeof tool !== "string" || tool === "") {
      return {
        ok: false,
        reason: "the Codex hook input has no tool_name",
        ...(cwd ? { cwd } : {}),
      };
    }
    if (cwd === undefined) return { ok: false, reason: "the Codex hook input has no absolute cwd" };
    const call: ToolCall = { tool, input: input.tool_input, cwd };
    if (typeof input.session_id === "string" && input.session_id !== "")
      call.session = input.session_id;
    return {
      ok: true,
      call,
      mapped: mapCodex(tool, input.tool_input, contextOf(cwd, tool, call.session)),
    };
  },
  answer(decision) {
    if (isFailure(decision)) return { stdout: "", stderr: stderrLine(decision), exitCode: 2 };
    if (decision.verdict === "approve") return { stdout: "", stderr: "", exitCode: 0 };
    const out = {
      hookSpecificOutput: {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: blockedReason(decision, "Codex"),
      },
    };
    return { stdout: `${JSON.stringify(out)}\n`, stderr: "", exitCode: 0 };
  },
};

function mapCodex(
  tool: string,
  input: unknown,
  context: ReturnType<typeof contextOf>,
): MappedCall[] {
  if (tool !== "Bash" && tool !== "apply_patch") return [{ kind: "tool", tool }];
  if (!isFields(input) || typeof input.command !== "string" || input.command === "") {
    return [
      { kind: "invalid", reason: `${tool} needs a non-empty string "command" in tool_input` },
    ];
  }
  if (tool === "Bash")
    return [{ kind: "action", action: { kind: "execute", command: input.command, ...context } }];
  return patchCalls(input.command, context);
}
