import type { ToolCall } from "../hook/map-tool.js";
import type { AgentName } from "./types.js";

/**
 * A Claude Code tool call written as another agent would send it, for `automode demo
 * --agent`: the same logical action in each hook format. Undefined where the agent has no
 * hooked tool for it (Codex reads files through the shell; Cursor has no hook before an
 * edit), which the demo shows as a call the agent's integration cannot see.
 */
type Fields = Record<string, unknown>;
const f = (input: unknown): Fields =>
  typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Fields) : {};
const s = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const defined = (o: Fields): Fields =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function asAgentPayload(agent: AgentName, call: ToolCall): object | undefined {
  const i = f(call.input);
  const session = call.session ?? "demo";
  const mcp = /^mcp__[^_]+(?:_[^_]+)*__(.+)$/.exec(call.tool);
  switch (agent) {
    case "claude-code":
      return {
        session_id: session,
        cwd: call.cwd,
        hook_event_name: "PreToolUse",
        tool_name: call.tool,
        tool_input: call.input,
      };
    case "gemini-cli": {
      const base = {
        session_id: session,
        cwd: call.cwd,
        hook_event_name: "BeforeTool",
        timestamp: "2026-12-02T10:00:00.000Z",
      };
      const tool = (tool_name: string, tool_input: Fields) => ({
        ...base,
        tool_name,
        tool_input: defined(tool_input),
      });
      switch (call.tool) {
        case "Bash":
          return tool("run_shell_command", { command: i.command });
        case "Read":
          return tool("read_file", { file_path: i.file_path });
        case "Write":
          return tool("write_file", { file_path: i.file_path, content: "" });
        case "Edit":
        case "MultiEdit":
          return tool("replace", { file_path: i.file_path, old_string: "", new_string: "" });
        case "Glob":
          return tool("glob", { pattern: i.pattern, dir_path: s(i.path) });
        case "Grep":
          return tool("search_file_content", {
            pattern: i.pattern,
            dir_path: s(i.path),
            include: s(i.glob),
          });
        case "WebFetch":
          return tool("web_fetch", { prompt: `${s(i.prompt) ?? "Read"} ${s(i.url) ?? ""}` });
        case "WebSearch":
          return tool("google_web_search", { query: i.query });
        case "TodoWrite":
          return tool("write_todos", { todos: [] });
        default:
          return mcp ? tool(call.tool, i) : undefined;
      }
    }
    case "codex": {
      const tool = (tool_name: string, tool_input: Fields) => ({
        session_id: session,
        cwd: call.cwd,
        hook_event_name: "PreToolUse",
        tool_name,
        tool_input,
      });
      const path = s(i.file_path);
      switch (call.tool) {
        case "Bash":
          return tool("Bash", { command: i.command });
        case "Write":
          return path
            ? tool("apply_patch", {
                command: `*** Begin Patch\n*** Add File: ${path}\n+\n*** End Patch`,
              })
            : undefined;
        case "Edit":
        case "MultiEdit":
          return path
            ? tool("apply_patch", {
                command: `*** Begin Patch\n*** Update File: ${path}\n@@\n*** End Patch`,
              })
            : undefined;
        default:
          return mcp ? tool(call.tool, i) : undefined;
      }
    }
    case "cursor": {
      const base = { conversation_id: session, generation_id: "g", workspace_roots: [call.cwd] };
      if (call.tool === "Bash")
        return {
          ...base,
          hook_event_name: "beforeShellExecution",
          command: i.command,
          cwd: call.cwd,
        };
      if (call.tool === "Read")
        return { ...base, hook_event_name: "beforeReadFile", file_path: i.file_path, content: "" };
      if (mcp)
        return {
          ...base,
          hook_event_name: "beforeMCPExecution",
          tool_name: mcp[1],
          tool_input: JSON.stringify(i),
        };
      return undefined;
    }
    case "copilot-cli": {
      const tool = (toolName: string, toolArgs: Fields) => ({
        sessionId: session,
        timestamp: 0,
        cwd: call.cwd,
        toolName,
        toolArgs: defined(toolArgs),
      });
      switch (call.tool) {
        case "Bash":
          return tool("bash", { command: i.command });
        case "Read":
          return tool("view", { path: i.file_path });
        case "Write":
          return tool("create", { path: i.file_path, file_text: "" });
        case "Edit":
        case "MultiEdit":
          return tool("edit", { path: i.file_path });
        case "Glob":
          return tool("glob", { pattern: i.pattern, path: s(i.path) });
        case "Grep":
          return tool("grep", { pattern: i.pattern, path: s(i.path), glob: s(i.glob) });
        case "WebFetch":
          return tool("web_fetch", { url: i.url });
        default:
          return mcp ? tool(call.tool, i) : undefined;
      }
    }
  }
}
