import { resolve } from "node:path";
import { type MappedCall, type ToolCall, webSearchUrl } from "../hook/map-tool.js";
import {
  absolute,
  type CallContext,
  contextOf,
  firstText,
  isFields,
  jsonObject,
} from "./fields.js";
import { blockedReason, isFailure, stderrLine } from "./reason.js";
import type { AgentAdapter } from "./types.js";

/**
 * Gemini CLI's BeforeTool hook (settings.json `hooks.BeforeTool`). The answer is
 * `{"decision":"allow"|"deny","reason":…}` on stdout with exit 0; exit 2 blocks with stderr
 * as the reason. There is no "ask": an escalation is a deny whose reason says so.
 */
export const geminiCli: AgentAdapter = {
  meta: {
    name: "gemini-cli",
    doc: "https://geminicli.com/docs/hooks/reference",
    version: "Gemini CLI hooks reference (docs/hooks/reference.md, 2026)",
    event: "BeforeTool",
  },
  parse(text) {
    const input = jsonObject(text, "Gemini CLI");
    if (typeof input === "string") return { ok: false, reason: input };
    const cwd = absolute(input.cwd);
    const where = cwd ? { cwd } : {};
    if (input.hook_event_name !== "BeforeTool") {
      return {
        ok: false,
        reason: `automode answers BeforeTool, not ${String(input.hook_event_name)}`,
        ...where,
      };
    }
    const tool = input.tool_name;
    if (typeof tool !== "string" || tool === "") {
      return { ok: false, reason: "the Gemini CLI hook input has no tool_name", ...where };
    }
    if (cwd === undefined)
      return { ok: false, reason: "the Gemini CLI hook input has no absolute cwd" };
    const call: ToolCall = { tool, input: input.tool_input, cwd };
    if (typeof input.session_id === "string" && input.session_id !== "")
      call.session = input.session_id;
    return {
      ok: true,
      call,
      mapped: mapGemini(tool, input.tool_input, contextOf(cwd, tool, call.session)),
    };
  },
  answer(decision) {
    if (isFailure(decision)) return { stdout: "", stderr: stderrLine(decision), exitCode: 2 };
    const out =
      decision.verdict === "approve"
        ? { decision: "allow" }
        : { decision: "deny", reason: blockedReason(decision, "Gemini CLI") };
    return { stdout: `${JSON.stringify(out)}\n`, stderr: "", exitCode: 0 };
  },
};

/** The URLs a web_fetch prompt names (the tool takes a prompt, not a URL). */
export function urlsIn(prompt: string): string[] {
  return [...prompt.matchAll(/https?:\/\/[^\s<>"'`)\]]+/g)].map((m) => m[0]);
}

const bad = (tool: string, field: string): MappedCall[] => [
  { kind: "invalid", reason: `${tool} needs a non-empty string "${field}" in tool_input` },
];

/** Gemini CLI's built-in tools (its tools reference) → automode's calls. */
export function mapGemini(tool: string, input: unknown, context: CallContext): MappedCall[] {
  const known = new Set([
    "run_shell_command",
    "read_file",
    "write_file",
    "replace",
    "glob",
    "search_file_content",
    "grep_search",
    "list_directory",
    "read_many_files",
    "web_fetch",
    "google_web_search",
  ]);
  if (tool === "write_todos") return [{ kind: "tool", tool: "TodoWrite" }];
  if (!known.has(tool)) return [{ kind: "tool", tool }];
  if (!isFields(input)) return [{ kind: "invalid", reason: `${tool} needs an object tool_input` }];
  // Gemini resolves relative paths against the project root, which is the hook's cwd.
  const folder = firstText(input, ["dir_path", "directory", "path"]);
  switch (tool) {
    case "run_shell_command": {
      const command = firstText(input, ["command"]);
      if (command === undefined) return bad(tool, "command");
      const cwd = folder === undefined ? context.cwd : resolve(context.cwd, folder);
      return [{ kind: "action", action: { kind: "execute", command, ...context, cwd } }];
    }
    case "read_file":
    case "write_file":
    case "replace": {
      const path = firstText(input, ["file_path", "absolute_path"]);
      if (path === undefined) return bad(tool, "file_path");
      const kind = tool === "read_file" ? "read" : "write";
      return [{ kind: "action", action: { kind, path, ...context } }];
    }
    case "list_directory":
      return [
        {
          kind: "action",
          action: { kind: "read", path: folder ?? context.cwd, ...context },
          read: "listing",
        },
      ];
    case "glob": {
      const pattern = firstText(input, ["pattern"]);
      if (pattern === undefined) return bad(tool, "pattern");
      return [
        {
          kind: "action",
          action: { kind: "read", path: folder ?? context.cwd, ...context },
          read: "listing",
          pattern,
        },
      ];
    }
    case "search_file_content":
    case "grep_search": {
      if (firstText(input, ["pattern"]) === undefined) return bad(tool, "pattern");
      const include = firstText(input, ["include"]);
      return [
        {
          kind: "action",
          action: { kind: "read", path: folder ?? context.cwd, ...context },
          read: "recursive",
          ...(include !== undefined ? { pattern: include } : {}),
        },
      ];
    }
    case "read_many_files": {
      const list = input.include ?? input.paths;
      if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every((p) => typeof p === "string" && p !== "")
      ) {
        return bad(tool, "include");
      }
      return (list as string[]).map((pattern) => ({
        kind: "action" as const,
        action: { kind: "read" as const, path: context.cwd, ...context },
        read: "recursive" as const,
        pattern,
      }));
    }
    case "web_fetch": {
      const prompt = firstText(input, ["prompt"]);
      if (prompt === undefined) return bad(tool, "prompt");
      const urls = urlsIn(prompt);
      if (urls.length === 0)
        return [{ kind: "invalid", reason: "web_fetch names no http(s) URL in its prompt" }];
      return urls.map((url) => ({
        kind: "action" as const,
        action: { kind: "network" as const, url, ...context },
      }));
    }
    default: {
      const query = firstText(input, ["query"]);
      if (query === undefined) return bad(tool, "query");
      return [
        { kind: "action", action: { kind: "network", url: webSearchUrl(query), ...context } },
      ];
    }
  }
}
