import type { Tier } from "@automode/policy";
import { recordDecision } from "../audit.js";
import { type AppDecision, type DecideEngine, decideCall, denial } from "../decision.js";
import { engineFor } from "../engine.js";
import { mapToolCall } from "../hook/map-tool.js";
import { loadProject, type Project } from "../project/load.js";
import { describeCall, type TranscriptCall } from "./transcript.js";

export interface ReplayOptions {
  tiers: readonly Tier[];
  /** Decide every call under this policy instead of the one of each call's project. */
  policyFile?: string;
  env: NodeJS.ProcessEnv;
  /** Where relative paths (a relative --policy) resolve. */
  cwd: string;
  /** Append each tier's decisions to this audit log, as the hook would have. */
  auditPaths?: Partial<Record<Tier, string>>;
  onProgress?(done: number, total: number): void;
}

export interface ReplayRow {
  call: TranscriptCall;
  label: string;
  decisions: Partial<Record<Tier, AppDecision>>;
}

/**
 * Decides every call of a transcript under each tier, as the hook would have decided it live.
 * Nothing is executed: a call that created a file is decided against the files as they are now.
 */
export async function replayCalls(
  calls: readonly TranscriptCall[],
  options: ReplayOptions,
): Promise<ReplayRow[]> {
  const projects = new Map<string, Project | Error>();
  const engines = new Map<string, DecideEngine>();
  const projectFor = (cwd: string): Project | Error => {
    const key = options.policyFile ?? cwd;
    let project = projects.get(key);
    if (project === undefined) {
      try {
        project = loadProject({
          cwd: cwd === "" ? options.cwd : cwd,
          env: options.env,
          policyFile: options.policyFile,
        });
      } catch (error) {
        project = error instanceof Error ? error : new Error(String(error));
      }
      projects.set(key, project);
    }
    return project;
  };

  const rows: ReplayRow[] = [];
  for (const [index, call] of calls.entries()) {
    const project = projectFor(call.cwd);
    const row: ReplayRow = {
      call,
      label: describeCall(call, project instanceof Error ? undefined : project.root),
      decisions: {},
    };
    const mapped = mapToolCall(call);
    for (const tier of options.tiers) {
      if (project instanceof Error) {
        row.decisions[tier] = denial("internal-error", project.message, tier);
        continue;
      }
      const tiered: Project = { ...project, tier };
      const auditPath = options.auditPaths?.[tier];
      if (auditPath !== undefined) tiered.auditPath = auditPath;
      const key = `${project.root}\0${tier}`;
      let engine = engines.get(key);
      if (engine === undefined) {
        engine = engineFor(project, tier);
        engines.set(key, engine);
      }
      const started = performance.now();
      const decision = decideCall(mapped, engine, tiered);
      const us = Math.round((performance.now() - started) * 1000);
      if (auditPath !== undefined) await recordDecision(tiered, { call, mapped, decision, us });
      row.decisions[tier] = decision;
    }
    rows.push(row);
    options.onProgress?.(index + 1, calls.length);
  }
  return rows;
}
