import { createEngineSync, type Engine, initShellParser } from "@automode/engine";
import type { Tier } from "@automode/policy";
import type { FileSystem } from "@automode/scope";
import { containsCache } from "./contains-cache.js";
import type { Project } from "./project/load.js";

/**
 * The real engine for a loaded project, under the project's tier or another one. Built
 * synchronously: the hook decides once per process, and replay builds one per tier.
 */
export function engineFor(project: Project, tier: Tier = project.tier, fs?: FileSystem): Engine {
  return createEngineSync({
    projectRoot: project.root,
    policy: project.policy,
    // loadProject validated it (parsePolicy): the engine need not validate it again.
    trustedPolicy: true,
    ...(project.policyFile !== undefined ? { policyFile: project.policyFile } : {}),
    tier,
    // The log this run writes, wherever `--audit-log` put it: the agent may not touch it either.
    protectedFiles: [project.auditPath],
    // automode serve passes one that notes what the engine read, to tell when it is stale; its
    // engines live on and keep their answers in memory. A process deciding once (the command
    // hook, decide, replay) reuses what an earlier one learned, while it still holds.
    ...(fs !== undefined ? { fs } : { containsStore: containsCache() }),
  });
}

/**
 * Readies the bash parser before a synchronous engine reads a command: the native binding, or
 * the WebAssembly build where the binding does not load (only an await can ready that one).
 * A failure is not fatal: the engine then escalates every command, saying why.
 */
export async function readyShellParser(): Promise<void> {
  await initShellParser().catch(() => undefined);
}
