import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeCall, parseTranscript } from "../src/replay/transcript.js";

describe("parseTranscript", () => {
  it("reads the tool_use blocks of the bundled session", () => {
    const text = readFileSync(new URL("../demo/session.jsonl", import.meta.url), "utf8");
    const { calls, skipped } = parseTranscript(text);
    expect(skipped).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(40);
    const tools = new Set(calls.map((c) => c.tool));
    for (const tool of [
      "Read",
      "Edit",
      "MultiEdit",
      "Write",
      "Glob",
      "Grep",
      "Bash",
      "WebFetch",
      "WebSearch",
    ]) {
      expect(tools).toContain(tool);
    }
    expect([...tools].some((t) => t.startsWith("mcp__"))).toBe(true);
    expect(calls[0]).toMatchObject({ tool: "Bash", cwd: "/Users/sam/code/invoice-kit" });
  });

  it("skips broken lines, non-assistant entries and repeated tool ids", () => {
    const use = { type: "tool_use", id: "toolu_1", name: "Read", input: { file_path: "/r/a" } };
    const line = JSON.stringify({
      type: "assistant",
      cwd: "/r",
      sessionId: "s",
      message: { content: [use] },
    });
    const text = [
      JSON.stringify({ type: "summary", summary: "x" }),
      line,
      line,
      JSON.stringify({
        type: "user",
        message: { content: [{ type: "tool_result", tool_use_id: "toolu_1" }] },
      }),
      '{"type":"assistant","mess',
    ].join("\n");
    const { calls, skipped } = parseTranscript(text);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: "toolu_1", line: 2, session: "s" });
    expect(skipped).toEqual([5]);
  });

  it("labels calls for tables", () => {
    expect(
      describeCall({ tool: "Read", input: { file_path: "/r/src/a.ts" }, cwd: "/r" }, "/r"),
    ).toBe("Read: src/a.ts");
    expect(describeCall({ tool: "Bash", input: { command: "npm\n test" }, cwd: "/r" })).toBe(
      "Bash: npm test",
    );
    expect(describeCall({ tool: "mcp__x__y", input: {}, cwd: "/r" })).toBe("mcp__x__y");
    // An escape sequence or a bidi override in the agent's command is shown, not obeyed.
    expect(
      describeCall({ tool: "Bash", input: { command: "echo \x1b[2J\u202eok" }, cwd: "/r" }),
    ).toBe("Bash: echo \\x1b[2J\\u202eok");
  });
});
