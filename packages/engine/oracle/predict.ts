import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { specialPath } from "@automode/scope";
import { createEngineSync } from "../src/engine.js";
import type { Operation, Verdict } from "../src/types.js";
import type { Fixture } from "./fixture.js";

/** One operation the engine predicts for the command, with the verdict it gave it. */
export type Prediction =
  | {
      kind: "read" | "write" | "delete";
      /** Absolute, as written (after `cd` tracking). */
      path: string;
      /** The real path as the file system was before the run (symlinks resolved). */
      real: string;
      recursive: boolean;
      listing: boolean;
      verdict: Verdict;
      via?: string;
    }
  | {
      kind: "execute";
      name: string;
      /** The wrapper programs that run it (`timeout`, `bash`, `find`, `xargs`). */
      wrappers: readonly string[];
      class: string;
      hazards: readonly string[];
      verdict: Verdict;
    }
  | { kind: "network"; url: string; verdict: Verdict };

export interface PredictionSet {
  verdict: Verdict;
  check: string;
  reason: string;
  operations: Prediction[];
}

/**
 * The engine's prediction for `command` run at the project root of `fixture`, with HOME at
 * the fixture's fake home: `explain`'s operations, each with its own verdict.
 */
export function predict(fixture: Fixture, command: string): PredictionSet {
  const engine = createEngineSync({
    projectRoot: fixture.project,
    env: { home: fixture.home, platform: "linux", caseSensitive: true },
  });
  const trace = engine.explain({ kind: "execute", command, cwd: fixture.project });
  return {
    verdict: trace.decision.verdict,
    check: trace.decision.check,
    reason: trace.decision.reason,
    operations: trace.operations.map(({ operation, decision }) =>
      toPrediction(operation, decision.verdict, fixture.home),
    ),
  };
}

function toPrediction(op: Operation, verdict: Verdict, home: string): Prediction {
  switch (op.kind) {
    case "read":
    case "write":
    case "delete": {
      // Through `/dev/fd/..` and `/proc/self/cwd`, the path is the command's, as the scope
      // reads it; the oracle's own process must not be asked.
      const written = resolve(op.cwd, expandHome(op.path, home));
      const special = specialPath(
        expandHome(op.path, home).startsWith("/")
          ? expandHome(op.path, home)
          : `${op.cwd}/${op.path}`,
        op.cwd,
      );
      const path = special?.kind === "plain" ? resolve(special.path) : written;
      const prediction: Prediction = {
        kind: op.kind,
        path,
        real: realOf(path),
        recursive: (op.kind === "read" || op.kind === "delete") && op.recursive === true,
        listing: op.kind === "read" && op.listing === true,
        verdict,
      };
      if (op.via !== undefined) prediction.via = op.via;
      return prediction;
    }
    case "execute":
      return {
        kind: "execute",
        name: basename(op.command.name),
        wrappers: op.command.wrappers.map((w) => basename(w.split(" ")[0] ?? w)),
        class: op.class,
        hazards: op.hazards.map((h) => h.check),
        verdict,
      };
    case "network":
      return { kind: "network", url: op.url, verdict };
  }
}

function expandHome(path: string, home: string): string {
  if (path === "~") return home;
  if (path.startsWith("~/")) return join(home, path.slice(2));
  return path;
}

/** The real path of the longest existing prefix, with the rest appended. */
export function realOf(path: string): string {
  let head = path;
  const tail: string[] = [];
  for (;;) {
    if (existsSync(head)) {
      try {
        return join(realpathSync(head), ...tail.reverse());
      } catch {
        return path;
      }
    }
    const parent = dirname(head);
    if (parent === head) return path;
    tail.push(basename(head));
    head = parent;
  }
}
