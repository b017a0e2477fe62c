import { basename, join } from "node:path";
import { AuditWriter, type DecisionEntry } from "@automode/audit";
import type { Engine } from "@automode/engine";
import { nodeFileSystem } from "@automode/scope";
import { auditEntry } from "../audit.js";
import { engineFor } from "../engine.js";
import type { HookBackend, HookOptions } from "../hook/answer.js";
import { loadProject, locateProject, type Project } from "../project/load.js";
import { WatchedFiles, watchingFileSystem } from "./watched.js";

/** One call's view of where it runs: the hook's flags and `$CLAUDE_PROJECT_DIR`, if any. */
export interface CallContext extends HookOptions {
  projectDir: string | undefined;
}

interface Kept {
  project: Project;
  engine: Engine;
  watched: WatchedFiles;
}

export interface PoolOptions {
  /** The server's environment (HOME, XDG_CONFIG_HOME); CLAUDE_PROJECT_DIR comes per call. */
  env: NodeJS.ProcessEnv;
  /** Projects kept at once; the least recently used is dropped past it. Default 64. */
  maxProjects?: number;
  /** Files and folders re-checked per call before a kept engine is not kept. Default 512. */
  watchLimit?: number;
}

/**
 * The server's projects: one loaded policy and one engine per project (and per set of hook
 * flags), kept between calls so what the engine learnt (listings, nested ignore files) pays off,
 * and one audit writer per log. Before a kept engine decides, everything it read is looked at
 * again (`WatchedFiles`): a changed policy, ignore file or listed folder means it is rebuilt, so
 * no call is decided with a stale view. The root is found afresh on every call, as the command
 * hook finds it: a policy created higher up moves it at once.
 */
export class ProjectPool {
  readonly #kept = new Map<string, Kept>();
  readonly #writers = new Map<string, AuditWriter>();
  readonly #queued = new Map<
    AuditWriter,
    Array<{ entry: DecisionEntry; resolve: () => void; reject: (error: unknown) => void }>
  >();
  #scheduled = false;
  readonly #maxProjects: number;
  readonly #watchLimit: number;
  /** Engines built so far (tests and `doctor` read it: a rebuild shows here). */
  builds = 0;

  constructor(readonly options: PoolOptions) {
    this.#maxProjects = options.maxProjects ?? 64;
    this.#watchLimit = options.watchLimit ?? 512;
  }

  get size(): number {
    return this.#kept.size;
  }

  /** The backend `answerHook` decides one call with. */
  backend(context: CallContext): HookBackend {
    let kept: Kept | undefined;
    return {
      project: (cwd) => {
        kept = this.#lookup(cwd, context);
        return kept.project;
      },
      engine: (project) => {
        if (kept === undefined || kept.project !== project)
          throw new Error("no engine for this project");
        return kept.engine;
      },
      record: (project, recorded) => this.#record(project, auditEntry(project, recorded)),
    };
  }

  #lookup(cwd: string, context: CallContext): Kept {
    const options = {
      cwd,
      env: { ...this.options.env, CLAUDE_PROJECT_DIR: context.projectDir ?? "" },
      policyFile: context.policyFile,
      tier: context.tier,
      auditLog: context.auditLog,
    };
    const location = locateProject(options);
    const key = JSON.stringify([
      location.root,
      location.policyFile ?? null,
      context.tier ?? null,
      context.auditLog ?? null,
    ]);
    const known = this.#kept.get(key);
    if (known !== undefined) {
      this.#kept.delete(key);
      if (known.watched.fresh()) {
        this.#kept.set(key, known); // most recently used last
        return known;
      }
    }
    const watched = new WatchedFiles(this.#watchLimit);
    // Noted before it is read: an edit racing with the read shows as a change next time.
    watched.note(location.policyFile ?? join(location.root, ".claude", "policy.json"), "content");
    const project = loadProject(options, location);
    let building = true;
    const fs = watchingFileSystem(nodeFileSystem, watched, {
      ignoreNames: new Set([".claudeignore", basename(project.policy.ignoreFile)]),
      exclude: new Set([project.auditPath, `${project.auditPath}.lock`]),
      building: () => building,
    });
    const engine = engineFor(project, project.tier, fs);
    building = false;
    this.builds += 1;
    const kept: Kept = { project, engine, watched };
    this.#kept.set(key, kept);
    if (this.#kept.size > this.#maxProjects) {
      const oldest = this.#kept.keys().next().value;
      if (oldest !== undefined) this.#kept.delete(oldest);
    }
    return kept;
  }

  /**
   * Appends are held for one turn of the event loop and handed to the writer together: an
   * uncontended append runs start to finish inside `append`, so without this each call would
   * take the lock, read the tail, write and sign alone. Together they go out in two writes
   * (the first append, then the rest as one batch), in the order the calls were decided.
   */
  #record(project: Project, entry: DecisionEntry): Promise<void> {
    const writer = this.#writer(project);
    return new Promise<void>((resolve, reject) => {
      let queued = this.#queued.get(writer);
      if (queued === undefined) {
        queued = [];
        this.#queued.set(writer, queued);
      }
      queued.push({ entry, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#hand());
      }
    });
  }

  #hand(): void {
    this.#scheduled = false;
    const all = [...this.#queued];
    this.#queued.clear();
    for (const [writer, queued] of all) {
      for (const { entry, resolve, reject } of queued) {
        writer.append(entry).then(() => resolve(), reject);
      }
    }
  }

  #writer(project: Project): AuditWriter {
    const redact = project.policy.audit.redact;
    const key = `${project.auditPath}\0${redact}`;
    let writer = this.#writers.get(key);
    if (writer === undefined) {
      writer = new AuditWriter(project.auditPath, { redact });
      this.#writers.set(key, writer);
    }
    return writer;
  }

  /** Waits for every queued audit append; later ones are refused. */
  async close(): Promise<void> {
    if (this.#scheduled) await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all([...this.#writers.values()].map((writer) => writer.close()));
  }
}
