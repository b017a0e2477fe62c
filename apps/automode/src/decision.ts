import type { Action, DecideOptions, Decision, Tier, Verdict } from "@automode/engine";
import type { MappedCall } from "./hook/map-tool.js";
import { decideTool } from "./hook/tool-rules.js";
import type { Project } from "./project/load.js";

/**
 * The app's decision: the engine's Decision, plus the one check the app adds itself,
 * `unknown-tool`, for tools automode has no model of (see hook/tool-rules.ts).
 */
export interface AppDecision extends Omit<Decision, "check" | "operations"> {
  check: Decision["check"] | "unknown-tool";
  operations: Array<{
    kind: string;
    target: string;
    verdict: Verdict;
    check: string;
    reason: string;
    rule?: string;
  }>;
}

/** What the app needs of an engine: one synchronous decision per action. */
export interface DecideEngine {
  decide(action: Action, options?: DecideOptions): Decision;
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
  switch (mapped.kind) {
    case "invalid":
      return denial("invalid-input", mapped.reason, project.tier);
    case "tool":
      return decideTool(mapped.tool, project.policy.rules, project.tier);
    case "action":
      try {
        // Glob lists a folder, Grep reads everything under it: the engine's read scope.
        return mapped.read === undefined || mapped.read === "file"
          ? engine.decide(mapped.action)
          : engine.decide(mapped.action, { read: mapped.read });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return denial(
          "internal-error",
          `automode failed while deciding, so it denies: ${message}`,
          project.tier,
        );
      }
  }
}
