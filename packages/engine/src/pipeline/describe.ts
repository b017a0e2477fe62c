import { sep } from "node:path";
import type { Operation } from "../types.js";
import type { PipelineContext, Subject } from "./types.js";

/**
 * A path as a person reads it: relative inside the project root, `~/…` in the home folder.
 * Display only (never a security decision), so a separator-aware prefix test is enough, and it
 * keeps `path.relative` (the hot path's main cost) out of every decision.
 */
export function showPath(absolute: string, ctx: PipelineContext): string {
  if (absolute === ctx.scope.root) return ".";
  const inRoot = below(absolute, ctx.scope.root);
  if (inRoot !== undefined) return inRoot;
  if (absolute === ctx.home) return "~";
  const inHome = below(absolute, ctx.home);
  return inHome !== undefined ? `~${sep}${inHome}` : absolute;
}

/**
 * The part of `absolute` below `dir`, if it is below. A module function, not a closure in
 * showPath: a closure made on every call costs more than the test (and tsx names each one).
 */
function below(absolute: string, dir: string): string | undefined {
  return absolute.length > dir.length && absolute.startsWith(dir) && absolute[dir.length] === sep
    ? absolute.slice(dir.length + 1)
    : undefined;
}

/** What the operation targets, for decisions and traces. */
export function targetOf(subject: Subject): string {
  const op = subject.op;
  switch (op.kind) {
    case "read":
    case "write":
    case "delete":
      return subject.path?.absolute ?? op.path;
    case "execute":
      return op.command.text;
    case "network":
      return op.url;
  }
}

/** "reading", "writing", … with the tool that does it: "reading .env (cat)". */
export function doing(subject: Subject, ctx: PipelineContext): string {
  const op = subject.op;
  const where = subject.path ? showPath(subject.path.absolute, ctx) : targetOf(subject);
  const via = viaOf(op);
  const suffix = via ? ` (${via})` : "";
  switch (op.kind) {
    case "read":
      if (op.recursive) return `reading everything under ${where}${suffix}`;
      if (op.listing) return `listing ${where}${suffix}`;
      if (op.reach) return `reaching ${where} through a name pattern${suffix}`;
      if (op.incidental) return `passing ${where} to a command${suffix}`;
      return `reading ${where}${suffix}`;
    case "write":
      return `writing ${where}${suffix}`;
    case "delete":
      return `${op.recursive ? "deleting everything under" : "deleting"} ${where}${suffix}`;
    case "execute":
      return `running ${op.command.text}`;
    case "network":
      return `connecting to ${subject.host ?? op.url}${suffix}`;
  }
}

function viaOf(op: Operation): string | undefined {
  return op.kind === "execute" ? undefined : op.via;
}

/** Ends a fragment that may start with a command name (kept as written) with a period. */
export function period(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

/** Upper-cases the first letter, so fragments compose into sentences. */
export function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return s.endsWith(".") ? s : `${s}.`;
}
