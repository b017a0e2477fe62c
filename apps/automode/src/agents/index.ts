import { claudeCode } from "./claude-code.js";
import { codex } from "./codex.js";
import { copilotCli } from "./copilot-cli.js";
import { cursor } from "./cursor.js";
import { geminiCli } from "./gemini-cli.js";
import { AGENT_NAMES, type AgentAdapter, type AgentName } from "./types.js";

export type { AgentAdapter, AgentAnswer, AgentName, Parsed } from "./types.js";
export { AGENT_NAMES } from "./types.js";

/** A Map, so `__proto__` or `constructor` as an agent name finds nothing. */
export const AGENTS: ReadonlyMap<AgentName, AgentAdapter> = new Map<AgentName, AgentAdapter>([
  ["claude-code", claudeCode],
  ["gemini-cli", geminiCli],
  ["codex", codex],
  ["cursor", cursor],
  ["copilot-cli", copilotCli],
]);

export function agentNamed(name: string): AgentAdapter | undefined {
  return (AGENT_NAMES as readonly string[]).includes(name)
    ? AGENTS.get(name as AgentName)
    : undefined;
}
