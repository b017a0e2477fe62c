import type { Analyzer } from "../ports.js";
import type { Action, Operation } from "../types.js";
import { hostOf } from "./rules/domains.js";
import type { PipelineContext, Subject } from "./types.js";

/**
 * How a read action reads: one file (Read), the names in a folder (Glob), or the contents of
 * everything under it (Grep). The action schema has no field for it, so the caller says.
 */
export type ReadScope = "file" | "listing" | "recursive";

/** The operations of an action: a file action is its own single operation (SPEC section 5). */
export function operationsOf(
  action: Action,
  cwd: string,
  analyze: Analyzer,
  read: ReadScope = "file",
): Operation[] {
  const via = action.tool;
  switch (action.kind) {
    case "read":
      return [
        {
          kind: "read",
          path: action.path,
          cwd,
          ...(read === "recursive"
            ? { recursive: true }
            : read === "listing"
              ? { listing: true }
              : {}),
          ...(via ? { via } : {}),
        },
      ];
    case "write":
      return [{ kind: "write", path: action.path, cwd, ...(via ? { via } : {}) }];
    case "delete":
      return [
        {
          kind: "delete",
          path: action.path,
          cwd,
          ...(action.recursive ? { recursive: true } : {}),
          ...(via ? { via } : {}),
        },
      ];
    case "network":
      return [{ kind: "network", url: action.url, ...(via ? { via } : {}) }];
    case "execute":
      return analyze(action.command, cwd);
  }
}

const urlLike = /^[a-z][a-z0-9+.-]*:\/\//iu;

/** Classifies an operation's path (or host) once, for every stage to read. */
export function subjectOf(op: Operation, action: Action, ctx: PipelineContext): Subject {
  const subject: Subject = { op, action };
  switch (op.kind) {
    case "read":
    case "write":
    case "delete":
      if (op.path.includes("\0") || op.cwd.includes("\0")) {
        subject.invalid = "a path holds a NUL byte";
        break;
      }
      try {
        subject.path = ctx.scope.classify(op.path, op.cwd);
      } catch (error) {
        subject.invalid = `the path ${JSON.stringify(op.path)} cannot be resolved (${messageOf(error)})`;
      }
      break;
    case "network": {
      const host = hostOf(op.url);
      if (host !== undefined) subject.host = host;
      break;
    }
    case "execute": {
      // `domains` rules apply to a network command when every URL it names is on one host.
      if (op.class !== "network") break;
      const hosts = new Set<string>();
      for (const arg of op.command.args) {
        if (!urlLike.test(arg)) continue;
        const host = hostOf(arg);
        hosts.add(host ?? "");
      }
      const [only] = hosts;
      if (hosts.size === 1 && only !== undefined && only !== "") subject.host = only;
      break;
    }
  }
  return subject;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
