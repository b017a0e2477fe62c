import { isAbsolute, join } from "node:path";
import type { Analyzer } from "../ports.js";
import type { Action, Operation } from "../types.js";
import { fileUrlOf } from "./file-url.js";
import { globReach } from "./reach.js";
import { hostOf } from "./rules/domains.js";
import type { PipelineContext, Subject } from "./types.js";

/**
 * How a read action reads: one file (Read), the names in a folder (Glob), or the contents of
 * everything under it (Grep). The action schema has no field for it, so the caller says.
 */
export type ReadScope = "file" | "listing" | "recursive";

/** Cap on a name pattern's length: a pattern is a few segments, never a document. */
export const MAX_PATTERN = 4096;

/** The operations of an action: a file action is its own single operation (SPEC section 5). */
export function operationsOf(
  action: Action,
  cwd: string,
  analyze: Analyzer,
  read: ReadScope = "file",
  pattern?: string,
): Operation[] {
  const via = action.tool;
  switch (action.kind) {
    case "read":
      return pattern === undefined
        ? [readOf(action.path, cwd, read, via)]
        : patternReads(action.path, pattern, cwd, read, via);
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
      return fileReads({ kind: "network", url: action.url, ...(via ? { via } : {}) }, cwd);
    case "execute":
      return afterShell(analyze(action.command, cwd), cwd);
  }
}

/** A network operation to a local `file://` URL is a read of its path (each spelling of it). */
function fileReads(op: Extract<Operation, { kind: "network" }>, cwd: string): Operation[] {
  const url = fileUrlOf(op.url);
  if (url?.kind !== "paths") return [op];
  return url.paths.map((path) => ({ kind: "read", path, cwd, ...(op.via ? { via: op.via } : {}) }));
}

/**
 * What the shell analysis leaves to the pipeline: its network operations to `file://` URLs
 * are reads of their paths (each spelling the URL can stand for).
 */
function afterShell(ops: Operation[], cwd: string): Operation[] {
  const out: Operation[] = [];
  for (const op of ops) {
    if (op.kind === "network") out.push(...fileReads(op, cwd));
    else out.push(op);
  }
  return out;
}

function readOf(path: string, cwd: string, read: ReadScope, via: string | undefined): Operation {
  return {
    kind: "read",
    path,
    cwd,
    ...(read === "recursive" ? { recursive: true } : read === "listing" ? { listing: true } : {}),
    ...(via ? { via } : {}),
  };
}

/**
 * A read through a file-name glob (Glob's `pattern`, Grep's `glob`), relative to `path`: the
 * folder the pattern starts from, read as the tool reads, and each sample name it aims at,
 * held to the hard limits (see reach.ts).
 */
function patternReads(
  path: string,
  pattern: string,
  cwd: string,
  read: ReadScope,
  via: string | undefined,
): Operation[] {
  const under = (sub: string) => (isAbsolute(sub) ? sub : join(path, sub));
  const reach = globReach(pattern);
  const ops = [reach.base, ...reach.climbs].map((folder) => readOf(under(folder), cwd, read, via));
  for (const sample of reach.samples) {
    ops.push({
      kind: "read",
      path: under(sample),
      cwd,
      incidental: true,
      reach: true,
      ...(via ? { via } : {}),
    });
  }
  return ops;
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
      const url = fileUrlOf(op.url);
      if (url?.kind === "unknown") subject.unknown = url.reason;
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
