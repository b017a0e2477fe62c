import { createEngine } from "@automode/engine";
import type { Tier } from "@automode/policy";
import type { DecideEngine } from "./decision.js";
import type { Project } from "./project/load.js";

/** The real engine for a loaded project, under the project's tier or another one. */
export function engineFor(project: Project, tier: Tier = project.tier): DecideEngine {
  return createEngine({ projectRoot: project.root, policy: project.policy, tier });
}
