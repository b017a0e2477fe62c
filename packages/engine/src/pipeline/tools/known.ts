/**
 * The agent tools automode has a model of (SPEC sections 2 and 7). A `tools` rule never
 * matches one of these: what they do is judged through the action they map to (or, for the
 * bookkeeping tools, is known to touch nothing), so a rule naming `Bash` or matching it with
 * `?*` cannot approve every command.
 */

/** Tools that map to engine actions: commands, file reads and writes, URL fetches. */
export const ACTION_TOOLS: ReadonlySet<string> = new Set([
  "Bash",
  "Read",
  "Write",
  "Edit",
  "MultiEdit",
  "NotebookEdit",
  "NotebookRead",
  "Glob",
  "Grep",
  "LS",
  "WebFetch",
  "WebSearch",
]);

/**
 * Claude Code's own bookkeeping tools (its tools reference): they change the agent's plan,
 * to-do list, subagents or background shells it already started, and touch no file, command
 * or host themselves. A subagent's own tool calls pass through the hook again, and a
 * background shell's output was decided when its command was. Tools that do touch something
 * (`EnterWorktree` makes a git worktree, `Skill` and `SlashCommand` run what they name,
 * `Artifact` publishes, `Cron*` schedule new work, `*McpResource*` reach MCP servers) are
 * not here: they escalate unless a rule decides.
 */
export const BOOKKEEPING_TOOLS: ReadonlySet<string> = new Set([
  "TodoWrite",
  "Task",
  "Agent",
  "TaskCreate",
  "TaskGet",
  "TaskList",
  "TaskUpdate",
  "TaskOutput",
  "TaskStop",
  "BashOutput",
  "KillShell",
  "KillBash",
  "ExitPlanMode",
  "EnterPlanMode",
  "AskUserQuestion",
  "ToolSearch",
]);

/** Every tool automode models; `tools` rules apply to every other name. */
export function isModelledTool(name: string): boolean {
  return ACTION_TOOLS.has(name) || BOOKKEEPING_TOOLS.has(name);
}

/** Every modelled tool name, for linters and docs. */
export const MODELLED_TOOLS: readonly string[] = [...ACTION_TOOLS, ...BOOKKEEPING_TOOLS];
