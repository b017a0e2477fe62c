import { importEngine } from "../peers.js";

/** The engine's tool model and its one glob, loaded lazily like the engine itself (peers.ts). */
export interface ToolModel {
  modelled: readonly string[];
  /** Whether a `tools` pattern matches a name by the engine's glob, modelled or not. */
  globMatches(pattern: string, name: string): boolean;
}

export async function loadToolModel(): Promise<ToolModel> {
  const engine = await importEngine();
  // Each pattern is tried against dozens of names: compile it once.
  const compiled = new Map<string, RegExp>();
  return {
    modelled: engine.MODELLED_TOOLS,
    globMatches(pattern, name) {
      let regExp = compiled.get(pattern);
      if (regExp === undefined) {
        regExp = engine.globToRegExp(pattern, { question: true });
        compiled.set(pattern, regExp);
      }
      return regExp.test(name);
    },
  };
}

/**
 * Tool names of every shape a session meets: built-in, MCP (with `-` in the server name),
 * short and long. A pattern that matches all of them matches every tool.
 */
export const everyToolSamples = [
  "Bash",
  "LS",
  "Skill",
  "TodoWrite",
  "mcp__github__create_issue",
  "mcp__brave-search__search",
  "mcp__slack__post_message",
  "mcp__db__drop_table",
  "PowerShell",
] as const;

export function matchesEveryTool(model: ToolModel, pattern: string): boolean {
  return everyToolSamples.every((name) => model.globMatches(pattern, name));
}
