/**
 * The part of OpenCode's plugin API (`@opencode-ai/plugin`, `Plugin` and `Hooks`) this
 * package uses, written out structurally: a plugin is an async function of the context that
 * returns its hooks, and `tool.execute.before` receives the call and its arguments, and
 * blocks the call by throwing. Declared here rather than imported so the package does not
 * pull OpenCode's SDK (and its own zod) into every install; a type test keeps them in step
 * with the documented shapes.
 */
export interface PluginInput {
  /** The folder OpenCode runs in. */
  directory: string;
  /** The git worktree root. */
  worktree?: string;
}

export interface ToolCallInput {
  tool: string;
  sessionID: string;
  callID: string;
}

export interface ToolCallOutput {
  args: unknown;
}

export interface Hooks {
  "tool.execute.before"?: (input: ToolCallInput, output: ToolCallOutput) => Promise<void>;
}

export type Plugin = (input: PluginInput) => Promise<Hooks>;
