import type { MappedCall, ToolCall } from "../hook/map-tool.js";
import { reasonText } from "../hook/output.js";
import {
  absolute,
  type CallContext,
  contextOf,
  firstText,
  isFields,
  jsonObject,
} from "./fields.js";
import type { AgentAdapter } from "./types.js";

/**
 * GitHub Copilot CLI's preToolUse hook (.github/hooks/*.json, version 1). Two payload forms:
 * camelCase (`preToolUse`: toolName, toolArgs) and the VS Code compatible one (`PreToolUse`:
 * tool_name, tool_input). The answer is `{"permissionDecision":"allow|deny|ask",…}`.
 * Copilot CLI logs and skips a hook that exits non-zero or times out (the tool then runs),
 * so every answer, a failure's deny included, is JSON on stdout with exit 0.
 */
export const copilotCli: AgentAdapter = {
  meta: {
    name: "copilot-cli",
    doc: "https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference",
    version: "GitHub Copilot CLI 1.0 hooks reference",
    event: "preToolUse",
  },
  parse(text) {
    const input = jsonObject(text, "Copilot CLI");
    if (typeof input === "string") return { ok: false, reason: input };
    const cwd = absolute(input.cwd);
    const where = cwd ? { cwd } : {};
    const event = input.hook_event_name;
    if (event !== undefined && event !== "PreToolUse" && event !== "preToolUse") {
      return { ok: false, reason: `automode answers preToolUse, not ${String(event)}`, ...where };
    }
    // The camelCase form names the tool `toolName`, the VS Code compatible one `tool_name`.
    const pascal = input.toolName === undefined && input.tool_name !== undefined;
    const tool = pascal ? input.tool_name : input.toolName;
    if (typeof tool !== "string" || tool === "") {
      return { ok: false, reason: "the Copilot CLI hook input has no toolName", ...where };
    }
    if (cwd === undefined)
      return { ok: false, reason: "the Copilot CLI hook input has no absolute cwd" };
    let args: unknown = pascal ? input.tool_input : input.toolArgs;
    // Older Copilot CLI releases send toolArgs as a JSON string.
    if (typeof args === "string") {
      try {
        args = JSON.parse(args);
      } catch {
        return { ok: false, reason: `${tool}: toolArgs is a string that is not JSON`, cwd };
      }
    }
    const session = pascal ? input.session_id : input.sessionId;
    const call: ToolCall = { tool, input: args, cwd };
    if (typeof session === "string" && session !== "") call.session = session;
    return { ok: true, call, mapped: mapCopilot(tool, args, contextOf(cwd, tool, call.session)) };
  },
  answer(decision) {
    const permissionDecision =
      decision.verdict === "approve" ? "allow" : decision.verdict === "deny" ? "deny" : "ask";
    const out = { permissionDecision, permissionDecisionReason: reasonText(decision) };
    return { stdout: `${JSON.stringify(out)}\n`, stderr: "", exitCode: 0 };
  },
};

/** Copilot CLI's tools ("Tool names for hook matching") → automode's calls. */
export function mapCopilot(tool: string, input: unknown, context: CallContext): MappedCall[] {
  const known = new Set(["bash", "view", "create", "edit", "glob", "grep", "web_fetch"]);
  if (tool === "ask_user") return [{ kind: "tool", tool: "AskUserQuestion" }];
  // `powershell` is not bash: automode's shell analysis would misread it, so it is a tool
  // automode has no model of (escalated unless a `tools` rule decides).
  if (!known.has(tool)) return [{ kind: "tool", tool }];
  if (!isFields(input))
    return [{ kind: "invalid", reason: `${tool} needs an object of arguments` }];
  const need = (field: string): MappedCall[] => [
    { kind: "invalid", reason: `${tool} needs a non-empty string "${field}" in its arguments` },
  ];
  const path = firstText(input, ["path"]);
  switch (tool) {
    case "bash": {
      const command = firstText(input, ["command"]);
      return command === undefined
        ? need("command")
        : [{ kind: "action", action: { kind: "execute", command, ...context } }];
    }
    case "view":
      return path === undefined
        ? need("path")
        : [{ kind: "action", action: { kind: "read", path, ...context } }];
    case "create":
    case "edit":
      return path === undefined
        ? need("path")
        : [{ kind: "action", action: { kind: "write", path, ...context } }];
    case "glob": {
      const pattern = firstText(input, ["pattern"]);
      if (pattern === undefined) return need("pattern");
      return [
        {
          kind: "action",
          action: { kind: "read", path: path ?? context.cwd, ...context },
          read: "listing",
          pattern,
        },
      ];
    }
    case "grep": {
      if (firstText(input, ["pattern"]) === undefined) return need("pattern");
      const glob = firstText(input, ["glob"]);
      return [
        {
          kind: "action",
          action: { kind: "read", path: path ?? context.cwd, ...context },
          read: "recursive",
          ...(glob !== undefined ? { pattern: glob } : {}),
        },
      ];
    }
    default: {
      const url = firstText(input, ["url"]);
      return url === undefined
        ? need("url")
        : [{ kind: "action", action: { kind: "network", url, ...context } }];
    }
  }
}
