import { isAbsolute, resolve } from "node:path";
import type { Action, DecideOptions } from "@automode/engine";

/** One thing a tool call does, for the engine: an action (with its read scope) or a bare tool. */
export type Call =
  | { kind: "action"; action: Action; options?: DecideOptions }
  | { kind: "tool"; tool: string }
  | { kind: "invalid"; reason: string };

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const text = (input: Fields, name: string): string | undefined => {
  const v = input[name];
  return typeof v === "string" && v.length > 0 ? v : undefined;
};

/** The host a web search stands for (as the CLI's hook: `.invalid` can match no real rule). */
export const WEB_SEARCH_URL = (query: string) =>
  `https://websearch.invalid/search?q=${encodeURIComponent(query)}`;

const headers: ReadonlyArray<[string, "write" | "delete"]> = [
  ["*** Add File: ", "write"],
  ["*** Update File: ", "write"],
  ["*** Delete File: ", "delete"],
  ["*** Move to: ", "write"],
];

/** The files of an apply_patch envelope; an unknown header or no file is invalid (never approved). */
export function patchCalls(
  patch: string,
  base: { cwd: string; tool: string; session?: string },
): Call[] {
  const calls: Call[] = [];
  for (const raw of patch.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith("*** ")) continue;
    if (line === "*** Begin Patch" || line === "*** End Patch" || line === "*** End of File")
      continue;
    const header = headers.find(([prefix]) => line.startsWith(prefix));
    const path = header === undefined ? "" : line.slice(header[0].length).trim();
    if (header === undefined || path === "") {
      return [
        {
          kind: "invalid",
          reason: `${base.tool}: a patch line automode cannot read: ${line.slice(0, 80)}`,
        },
      ];
    }
    calls.push({
      kind: "action",
      action:
        header[1] === "delete"
          ? { kind: "delete", path, ...base }
          : { kind: "write", path, ...base },
    });
  }
  return calls.length > 0
    ? calls
    : [{ kind: "invalid", reason: `${base.tool}: the patch names no file` }];
}

/**
 * OpenCode's built-in tools (its tools reference: bash, read, write, edit, patch/apply_patch,
 * glob, grep, list, webfetch, websearch, todowrite, todoread, …) → what automode decides.
 * Every other tool (MCP tools, custom tools, `task`, `skill`, `lsp`) is a tool automode has
 * no model of: `tools` rules decide it, else a person.
 */
export function mapTool(tool: string, args: unknown, cwd: string, session?: string): Call[] {
  const base = { cwd, tool, ...(session ? { session } : {}) };
  if (tool === "todowrite" || tool === "todoread") return [{ kind: "tool", tool: "TodoWrite" }];
  const known = [
    "bash",
    "read",
    "write",
    "edit",
    "patch",
    "apply_patch",
    "glob",
    "grep",
    "list",
    "webfetch",
    "websearch",
  ];
  if (!known.includes(tool)) return [{ kind: "tool", tool }];
  if (!isFields(args)) return [{ kind: "invalid", reason: `${tool} needs an object of arguments` }];
  const need = (field: string): Call[] => [
    { kind: "invalid", reason: `${tool} needs a non-empty string "${field}" in its arguments` },
  ];
  const folder = text(args, "path");
  switch (tool) {
    case "bash": {
      const command = text(args, "command");
      if (command === undefined) return need("command");
      const workdir = text(args, "workdir");
      const at =
        workdir === undefined ? cwd : isAbsolute(workdir) ? workdir : resolve(cwd, workdir);
      return [{ kind: "action", action: { kind: "execute", command, ...base, cwd: at } }];
    }
    case "read":
    case "write":
    case "edit": {
      const path = text(args, "filePath");
      if (path === undefined) return need("filePath");
      return [
        { kind: "action", action: { kind: tool === "read" ? "read" : "write", path, ...base } },
      ];
    }
    case "patch":
    case "apply_patch": {
      const patch = text(args, "patchText");
      return patch === undefined ? need("patchText") : patchCalls(patch, base);
    }
    case "glob": {
      const pattern = text(args, "pattern");
      if (pattern === undefined) return need("pattern");
      return [
        {
          kind: "action",
          action: { kind: "read", path: folder ?? cwd, ...base },
          options: { read: "listing", pattern },
        },
      ];
    }
    case "grep": {
      if (text(args, "pattern") === undefined) return need("pattern");
      const include = text(args, "include");
      return [
        {
          kind: "action",
          action: { kind: "read", path: folder ?? cwd, ...base },
          options:
            include === undefined ? { read: "recursive" } : { read: "recursive", pattern: include },
        },
      ];
    }
    case "list":
      return [
        {
          kind: "action",
          action: { kind: "read", path: folder ?? cwd, ...base },
          options: { read: "listing" },
        },
      ];
    case "webfetch": {
      const url = text(args, "url");
      return url === undefined
        ? need("url")
        : [{ kind: "action", action: { kind: "network", url, ...base } }];
    }
    default: {
      const query = text(args, "query");
      return query === undefined
        ? need("query")
        : [{ kind: "action", action: { kind: "network", url: WEB_SEARCH_URL(query), ...base } }];
    }
  }
}
