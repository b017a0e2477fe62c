import type { AppDecision } from "../decision.js";
import type { MappedCall, ToolCall } from "../hook/map-tool.js";

/** The agents `automode hook <agent>` speaks to. */
export const AGENT_NAMES = ["claude-code", "gemini-cli", "codex", "cursor", "copilot-cli"] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** Where an adapter's mapping comes from: the agent's own hook documentation, as read. */
export interface AgentMeta {
  name: AgentName;
  /** The document the payload and answer shapes follow. */
  doc: string;
  /** The agent version (or the document's date) the mapping was written against. */
  version: string;
  /** The agent's hook event automode answers. */
  event: string;
}

/**
 * One tool call as the agent proposed it, mapped to what the engine decides: usually one
 * call; more where one tool touches several things (a Codex patch that edits three files,
 * a Gemini fetch that names two URLs). The verdict is the most severe of them.
 */
export interface ParsedCall {
  ok: true;
  call: ToolCall;
  mapped: MappedCall[];
  /** What the answer needs to know of the call (Cursor answers each event differently). */
  event?: string;
}

/** A payload automode cannot use: answered the way the agent blocks. */
export interface UnusableInput {
  ok: false;
  reason: string;
  /** The folder the payload named, when it named one (to find the project and its log). */
  cwd?: string;
  event?: string;
}

export type Parsed = ParsedCall | UnusableInput;

/** What the hook process does: print this, exit with that. */
export interface AgentAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type AnsweredDecision = Pick<AppDecision, "verdict" | "reason" | "check" | "rule" | "tier">;

/** An agent's hook protocol, in the style of an ESLint rule: metadata and two pure functions. */
export interface AgentAdapter {
  meta: AgentMeta;
  /** The hook's stdin → the calls to decide, or why it cannot be used. Pure: no I/O. */
  parse(text: string): Parsed;
  /** The decision → the answer in the agent's format and exit-code convention. */
  answer(decision: AnsweredDecision, event?: string): AgentAnswer;
}
