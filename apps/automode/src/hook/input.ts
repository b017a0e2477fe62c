import type { ToolCall } from "./map-tool.js";

/** Claude Code's PreToolUse input, as far as automode reads it. */
export interface HookInput {
  session_id?: string;
  transcript_path?: string;
  cwd: string;
  hook_event_name?: string;
  tool_name: string;
  tool_input: unknown;
}

/** Parses the hook's stdin; a string is the reason it cannot be used (answered with a deny). */
export function parseHookInput(text: string): ToolCall | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim() === ""
      ? "the hook received no input on stdin"
      : "the hook input is not JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "the hook input is not a JSON object";
  }
  const input = value as Partial<Record<keyof HookInput, unknown>>;
  if (input.hook_event_name !== undefined && input.hook_event_name !== "PreToolUse") {
    return `automode answers PreToolUse, not ${String(input.hook_event_name)}`;
  }
  if (typeof input.tool_name !== "string" || input.tool_name === "") {
    return "the hook input has no tool_name";
  }
  if (typeof input.cwd !== "string" || input.cwd === "") return "the hook input has no cwd";
  const call: ToolCall = { tool: input.tool_name, input: input.tool_input, cwd: input.cwd };
  if (typeof input.session_id === "string") call.session = input.session_id;
  return call;
}
