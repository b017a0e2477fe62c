import type { Action, DecideOptions, Decision, Tier } from "@automode/engine";
import type { MappedCall } from "./hook/map-tool.js";
import type { Project } from "./project/load.js";

/**
 * The app's decision: the engine's Decision. Calls to tools that map to no action (MCP tools,
 * TodoWrite) are decided by the engine too (`decideTool`), with the same rules, glob and
 * severity order as every other call.
 */
export type AppDecision = Decision;

/** What the app needs of an engine: one synchronous decision per action or tool call. */
export interface DecideEngine {
  decide(action: Action, options?: DecideOptions): Decision;
  decideTool(tool: string): Decision;
}

export function denial(
  check: "invalid-input" | "internal-error",
  reason: string,
  tier: Tier,
): AppDecision {
  return {
    verdict: "deny",
    reason,
    check,
    tier,
    operations: [],
  };
}

/**
 * Decides one mapped tool call. Whatever goes wrong inside the engine is a deny, never an
 * exception: a permission layer that crashes open is worse than none.
 */
export function decideCall(
  mapped: MappedCall,
  engine: DecideEngine,
  project: Project,
): AppDecision {
  try {
    switch (mapped.kind) {
      case "invalid":
        return denial("invalid-input", mapped.reason, project.tier);
      case "tool":
        return engine.decideTool(mapped.tool);
      case "action":
        // Glob lists a folder, Grep reads everything under it: the engine's read scope, and
        // the name pattern that says where either reaches.
        return mapped.read === undefined || mapped.read === "file"
          ? engine.decide(mapped.action)
          : engine.decide(mapped.action, {
              read: mapped.read,
              ...(mapped.pattern !== undefined ? { pattern: mapped.pattern } : {}),
            });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return denial(
      "internal-error",
      `automode failed while deciding, so it denies: ${message}`,
      project.tier,
    );
  }
}
