import { ACTION_TOOLS, BOOKKEEPING_TOOLS } from "@automode/engine";
import { describe, expect, it } from "vitest";
import { mapToolCall, webSearchUrl } from "../src/hook/map-tool.js";

const cwd = "/repo";
const map = (tool: string, input: unknown) => mapToolCall({ tool, input, cwd, session: "s1" });
const context = { cwd, tool: "", session: "s1" };
const withTool = (tool: string) => ({ ...context, tool });

describe("mapToolCall", () => {
  it("maps Bash to execute in the hook's cwd", () => {
    expect(map("Bash", { command: "npm test", description: "x" })).toEqual({
      kind: "action",
      action: { kind: "execute", command: "npm test", ...withTool("Bash") },
    });
  });

  it("maps Read to a read of one file", () => {
    expect(map("Read", { file_path: "/repo/a.ts", offset: 3 })).toEqual({
      kind: "action",
      action: { kind: "read", path: "/repo/a.ts", ...withTool("Read") },
      read: "file",
    });
  });

  it.each([
    ["Write", { file_path: "/repo/a.ts", content: "x" }, "/repo/a.ts"],
    ["Edit", { file_path: "/repo/a.ts", old_string: "a", new_string: "b" }, "/repo/a.ts"],
    ["MultiEdit", { file_path: "/repo/a.ts", edits: [] }, "/repo/a.ts"],
    ["NotebookEdit", { notebook_path: "/repo/n.ipynb", new_source: "x" }, "/repo/n.ipynb"],
  ])("maps %s to a write", (tool, input, path) => {
    expect(map(tool, input)).toEqual({
      kind: "action",
      action: { kind: "write", path, ...withTool(tool) },
    });
  });

  it("maps Glob to a listing of its path, the cwd by default", () => {
    expect(map("Glob", { pattern: "**/*.ts" })).toMatchObject({
      action: { kind: "read", path: "/repo" },
      read: "listing",
    });
    expect(map("Glob", { pattern: "*.ts", path: "/repo/src" })).toMatchObject({
      action: { kind: "read", path: "/repo/src" },
    });
  });

  it("maps Grep to a recursive read of its path", () => {
    expect(map("Grep", { pattern: "x", path: "/repo/test" })).toMatchObject({
      action: { kind: "read", path: "/repo/test" },
      read: "recursive",
    });
  });

  it("maps WebFetch to its URL and WebSearch to a reserved search host", () => {
    expect(map("WebFetch", { url: "https://x.dev/a", prompt: "p" })).toMatchObject({
      action: { kind: "network", url: "https://x.dev/a" },
    });
    expect(map("WebSearch", { query: "a b&c" })).toMatchObject({
      action: { kind: "network", url: "https://websearch.invalid/search?q=a%20b%26c" },
    });
    expect(webSearchUrl("x")).toContain(".invalid/");
  });

  it("leaves MCP and other tools to tools rules", () => {
    expect(map("mcp__github__create_issue", { title: "x" })).toEqual({
      kind: "tool",
      tool: "mcp__github__create_issue",
    });
    expect(map("TodoWrite", { todos: [] })).toEqual({ kind: "tool", tool: "TodoWrite" });
  });

  it("passes Glob's pattern and Grep's glob on: where the read reaches", () => {
    expect(map("Glob", { pattern: "secrets/*" })).toEqual({
      kind: "action",
      action: { kind: "read", path: cwd, ...withTool("Glob") },
      read: "listing",
      pattern: "secrets/*",
    });
    expect(map("Grep", { pattern: "KEY", path: "/repo/src", glob: "*.pem" })).toEqual({
      kind: "action",
      action: { kind: "read", path: "/repo/src", ...withTool("Grep") },
      read: "recursive",
      pattern: "*.pem",
    });
    expect(map("Grep", { pattern: "KEY" })).not.toHaveProperty("pattern");
    expect(map("Glob", { path: "/repo" })).toMatchObject({ kind: "invalid" });
    expect(map("Grep", { pattern: "x", glob: 3 })).toMatchObject({ kind: "invalid" });
  });

  it("maps NotebookRead to a read of the notebook", () => {
    expect(map("NotebookRead", { notebook_path: "/repo/n.ipynb" })).toMatchObject({
      action: { kind: "read", path: "/repo/n.ipynb" },
      read: "file",
    });
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "WebBrowser"])(
    "a tool named %s is a tool call, never a table entry",
    (tool) => {
      expect(map(tool, { file_path: "/repo/a.ts", command: "ls" })).toEqual({ kind: "tool", tool });
    },
  );

  it("maps every tool the engine models as an action, and leaves bookkeeping to decideTool", () => {
    for (const tool of ACTION_TOOLS) expect(map(tool, {}).kind, tool).not.toBe("tool");
    for (const tool of BOOKKEEPING_TOOLS) expect(map(tool, {})).toEqual({ kind: "tool", tool });
  });

  it("answers malformed input as invalid, never throws", () => {
    expect(map("Bash", { command: 3 })).toMatchObject({ kind: "invalid" });
    expect(map("Read", "nope")).toMatchObject({ kind: "invalid" });
    expect(map("Write", {})).toMatchObject({ kind: "invalid" });
    expect(map("Grep", { pattern: "x", path: 7 })).toMatchObject({ kind: "invalid" });
    expect(mapToolCall({ tool: "Read", input: { file_path: "/a" }, cwd: "rel" })).toMatchObject({
      kind: "invalid",
    });
  });
});
