import { parseHookInput } from "../hook/input.js";
import { mapToolCall } from "../hook/map-tool.js";
import { hookOutput } from "../hook/output.js";
import type { AgentAdapter } from "./types.js";

/** Claude Code's PreToolUse hook: the mapping of SPEC section 7, unchanged (src/hook/). */
export const claudeCode: AgentAdapter = {
  meta: {
    name: "claude-code",
    doc: "https://code.claude.com/docs/en/hooks#pretooluse",
    version: "Claude Code 2.x hooks reference",
    event: "PreToolUse",
  },
  parse(text) {
    const call = parseHookInput(text);
    if (typeof call === "string") return { ok: false, reason: call };
    return { ok: true, call, mapped: [mapToolCall(call)] };
  },
  // Every answer is the JSON on stdout with exit 0, a deny included: Claude Code reads the
  // decision from stdout, and exit 2 would lose the reason's structure.
  answer(decision) {
    return { stdout: `${JSON.stringify(hookOutput(decision))}\n`, stderr: "", exitCode: 0 };
  },
};
