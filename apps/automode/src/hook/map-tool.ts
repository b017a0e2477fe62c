import { isAbsolute } from "node:path";
import type { PolicyAction } from "@automode/policy";

/**
 * The Claude Code tool call → automode action mapping (SPEC section 7). Pure: no I/O, so the
 * hook, `replay` and `demo` all decide a tool call the same way.
 */

export interface ToolCall {
  tool: string;
  input: unknown;
  /** The absolute folder Claude Code runs in (the hook input's `cwd`). */
  cwd: string;
  session?: string;
}

/** How much of a folder a read takes, for reads that are not of one file. */
export type ReadScope = "file" | "listing" | "recursive";

export type MappedCall =
  /**
   * A call automode models: one action for the engine; for Glob and Grep, how much it reads
   * and the file-name glob (Glob's `pattern`, Grep's `glob`) that says where it reaches.
   */
  | { kind: "action"; action: PolicyAction; read?: ReadScope; pattern?: string }
  /**
   * A tool that maps to no action: the agent's bookkeeping (TodoWrite, Task, …), which the
   * engine approves, or a tool automode has no model of (MCP tools, …), which `tools` rules
   * decide. The engine's `decideTool` tells them apart.
   */
  | { kind: "tool"; tool: string }
  /** A call whose input does not have the shape its tool requires: denied as invalid input. */
  | { kind: "invalid"; reason: string };

/**
 * The stand-in URL of a WebSearch: the query goes to the search provider, so it is a network
 * request, but it has no URL of its own. `.invalid` is reserved (RFC 2606), so no real
 * `domains` rule can match it by accident; approve searches on purpose with a
 * `domains: ["websearch.invalid"]` rule (WebSearch is a modelled tool: `tools` rules never match it).
 */
export const WEB_SEARCH_HOST = "websearch.invalid";

export function webSearchUrl(query: string): string {
  return `https://${WEB_SEARCH_HOST}/search?q=${encodeURIComponent(query)}`;
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(input: Fields, field: string, tool: string): string | { invalid: string } {
  const value = input[field];
  if (typeof value !== "string" || value.length === 0) {
    return { invalid: `${tool} needs a non-empty string "${field}" in tool_input` };
  }
  return value;
}

function optionalText(
  input: Fields,
  field: string,
  tool: string,
): string | undefined | { invalid: string } {
  const value = input[field];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return { invalid: `${tool}: "${field}" must be a string` };
  return value;
}

/**
 * Tables indexed by the agent's tool name are Maps: a name like `__proto__`, `constructor` or
 * `toString` must find nothing here (and be escalated as an unknown tool), never an inherited
 * property of a plain object.
 */
const writers: ReadonlyMap<string, string> = new Map([
  ["Write", "file_path"],
  ["Edit", "file_path"],
  ["MultiEdit", "file_path"],
  ["NotebookEdit", "notebook_path"],
]);

interface Reader {
  field: string;
  optional: boolean;
  scope: ReadScope;
  /** The field holding a file-name glob that says where the read reaches. */
  pattern?: { field: string; required: boolean };
}

const readers: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ["Read", { field: "file_path", optional: false, scope: "file" }],
  ["NotebookRead", { field: "notebook_path", optional: false, scope: "file" }],
  // Glob lists names under its folder, where its pattern reaches; Grep reads the contents of
  // everything under its folder (only the files its `glob` names, when it gives one).
  [
    "Glob",
    {
      field: "path",
      optional: true,
      scope: "listing",
      pattern: { field: "pattern", required: true },
    },
  ],
  [
    "Grep",
    {
      field: "path",
      optional: true,
      scope: "recursive",
      pattern: { field: "glob", required: false },
    },
  ],
  // LS, the listing tool of older Claude Code versions.
  ["LS", { field: "path", optional: false, scope: "listing" }],
]);

export function mapToolCall(call: ToolCall): MappedCall {
  const { tool, input, cwd } = call;
  if (typeof tool !== "string" || tool.length === 0) {
    return { kind: "invalid", reason: "the hook input has no tool_name" };
  }
  if (typeof cwd !== "string" || !isAbsolute(cwd)) {
    return { kind: "invalid", reason: "the hook input has no absolute cwd" };
  }
  const context = {
    cwd,
    tool,
    ...(call.session !== undefined && call.session.length > 0 ? { session: call.session } : {}),
  };
  const known =
    writers.has(tool) ||
    readers.has(tool) ||
    tool === "Bash" ||
    tool === "WebFetch" ||
    tool === "WebSearch";
  if (!known) return { kind: "tool", tool };
  if (!isFields(input)) return { kind: "invalid", reason: `${tool} needs an object tool_input` };

  if (tool === "Bash") {
    const command = text(input, "command", tool);
    if (typeof command !== "string") return { kind: "invalid", reason: command.invalid };
    return { kind: "action", action: { kind: "execute", command, ...context } };
  }
  const writeField = writers.get(tool);
  if (writeField !== undefined) {
    const path = text(input, writeField, tool);
    if (typeof path !== "string") return { kind: "invalid", reason: path.invalid };
    return { kind: "action", action: { kind: "write", path, ...context } };
  }
  const reader = readers.get(tool);
  if (reader !== undefined) {
    const path = reader.optional
      ? optionalText(input, reader.field, tool)
      : text(input, reader.field, tool);
    if (typeof path === "object") return { kind: "invalid", reason: path.invalid };
    let pattern: string | undefined;
    if (reader.pattern !== undefined) {
      const given = reader.pattern.required
        ? text(input, reader.pattern.field, tool)
        : optionalText(input, reader.pattern.field, tool);
      if (typeof given === "object") return { kind: "invalid", reason: given.invalid };
      pattern = given;
    }
    // Glob and Grep search the session's folder when they name no path, as Claude Code does.
    return {
      kind: "action",
      action: { kind: "read", path: path ?? cwd, ...context },
      read: reader.scope,
      ...(pattern !== undefined ? { pattern } : {}),
    };
  }
  if (tool === "WebFetch") {
    const url = text(input, "url", tool);
    if (typeof url !== "string") return { kind: "invalid", reason: url.invalid };
    return { kind: "action", action: { kind: "network", url, ...context } };
  }
  if (tool === "WebSearch") {
    const query = text(input, "query", tool);
    if (typeof query !== "string") return { kind: "invalid", reason: query.invalid };
    return { kind: "action", action: { kind: "network", url: webSearchUrl(query), ...context } };
  }
  return { kind: "tool", tool };
}
