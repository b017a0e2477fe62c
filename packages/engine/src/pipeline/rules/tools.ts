import { isModelledTool } from "../tools/known.js";
import { globToRegExp } from "./glob.js";

export interface ToolPattern {
  source: string;
  re: RegExp;
}

/** `mcp__github__*`: `*` any run of characters, `?` one character, case-sensitive like tool names. */
export function compileToolPattern(pattern: string): ToolPattern {
  return { source: pattern, re: globToRegExp(pattern, { question: true }) };
}

/** A modelled tool never matches, whatever the pattern (SPEC section 2). */
export function matchesTool(pattern: ToolPattern, tool: string): boolean {
  return !isModelledTool(tool) && pattern.re.test(tool);
}
