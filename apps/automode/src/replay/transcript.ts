import { safeText } from "@automode/engine";
import type { ToolCall } from "../hook/map-tool.js";

/** One tool call found in a transcript, in the order the agent made it. */
export interface TranscriptCall extends ToolCall {
  /** The tool_use id (`toolu_…`). */
  id: string;
  /** 1-based line of the transcript it came from. */
  line: number;
  timestamp?: string;
}

export interface Transcript {
  calls: TranscriptCall[];
  /** Lines that were not JSON; a transcript cut off mid-write ends with one. */
  skipped: number[];
}

type Entry = {
  type?: unknown;
  cwd?: unknown;
  sessionId?: unknown;
  timestamp?: unknown;
  message?: { content?: unknown };
};

/**
 * Reads a Claude Code session transcript (~/.claude/projects/<project>/<session>.jsonl): the
 * tool calls are the `tool_use` blocks of `assistant` entries. Claude Code writes one entry per
 * content block and may write an entry again when it resumes, so calls are kept once per id.
 */
export function parseTranscript(text: string): Transcript {
  const calls: TranscriptCall[] = [];
  const skipped: number[] = [];
  const seen = new Set<string>();
  const lines = text.split("\n");
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    let entry: Entry;
    try {
      entry = JSON.parse(line) as Entry;
    } catch {
      skipped.push(index + 1);
      return;
    }
    if (typeof entry !== "object" || entry === null || entry.type !== "assistant") return;
    const content = entry.message?.content;
    if (!Array.isArray(content)) return;
    for (const block of content as unknown[]) {
      if (typeof block !== "object" || block === null) continue;
      const use = block as { type?: unknown; id?: unknown; name?: unknown; input?: unknown };
      if (use.type !== "tool_use" || typeof use.name !== "string") continue;
      const id = typeof use.id === "string" ? use.id : `line-${index + 1}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const call: TranscriptCall = {
        id,
        line: index + 1,
        tool: use.name,
        input: use.input,
        cwd: typeof entry.cwd === "string" ? entry.cwd : "",
      };
      if (typeof entry.sessionId === "string") call.session = entry.sessionId;
      if (typeof entry.timestamp === "string") call.timestamp = entry.timestamp;
      calls.push(call);
    }
  });
  return { calls, skipped };
}

/** A short human label for a call: `Bash: npm test`, `Read: src/a.ts`, `mcp__github__x`. */
export function describeCall(call: ToolCall, root?: string): string {
  const input = (typeof call.input === "object" && call.input !== null ? call.input : {}) as Record<
    string,
    unknown
  >;
  const relative = (path: string) =>
    root === undefined
      ? path
      : path === root
        ? "."
        : path.startsWith(`${root}/`)
          ? path.slice(root.length + 1)
          : path;
  const pick = (...fields: string[]) => {
    for (const field of fields) {
      const value = input[field];
      if (typeof value === "string" && value !== "") return value;
    }
    return undefined;
  };
  const target =
    pick("command") ??
    (pick("file_path", "notebook_path") !== undefined
      ? relative(pick("file_path", "notebook_path")!)
      : undefined) ??
    (call.tool === "Glob" || call.tool === "Grep"
      ? `${pick("pattern") ?? ""}${pick("path") !== undefined ? ` in ${relative(pick("path")!)}` : ""}`
      : undefined) ??
    pick("url", "query");
  const oneLine = (target ?? "").replace(/\s+/g, " ").trim();
  // The agent's text, shown in a report: escape sequences and bidi controls made visible.
  return safeText(oneLine === "" ? call.tool : `${call.tool}: ${oneLine}`);
}
