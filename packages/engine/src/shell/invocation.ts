import type { CommandClass, ExecuteOperation, Hazard } from "../types.js";
import { envEffect } from "./env.js";
import type { Feed, Flow, Frame, Host, State } from "./model.js";
import type { Arg } from "./simple.js";

/**
 * One simple command being analysed (issue 11, item 8): the context shared by the files that
 * emit its operations (`simple.ts`, `cd.ts`, `interpreters.ts`, `parallel.ts`).
 */
/** One simple command after wrapper peeling: what it is, where it runs, what it inherits. */
export interface Invocation {
  name: string;
  /** The words after the command name. */
  args: Arg[];
  cwd: string;
  /** Wrappers removed to reach it, outermost first. */
  wrappers: string[];
  /** Hazards gathered so far (privilege from `sudo`, dynamic from `LD_PRELOAD=`, …). */
  hazards: Hazard[];
}

export interface Ctx {
  /** Network commands counted when this command started (to tell whether it used the net). */
  readonly before: number;
  host: Host;
  st: State;
  frame: Frame;
  feed: Feed | undefined;
  text: string;
  /** A variable set before the command that is not on the harmless list (SPEC section 4). */
  envUnknown: string | undefined;
}

/** Judges one `NAME=value` before a command: dynamic hazard, or unknown class, or nothing. */
export function assignment(c: Ctx, name: string, hazards: Hazard[]): void {
  const e = envEffect(name);
  if (e === "dynamic")
    hazards.push({
      check: "dynamic",
      reason: `setting ${name} changes what the command runs or loads`,
    });
  else if (e === "unknown" && c.envUnknown === undefined) c.envUnknown = name;
}

/** The execute operation of an invocation, with its class, reason and hazards. */
export function execOp(
  c: Ctx,
  inv: Pick<Invocation, "name" | "args" | "cwd" | "wrappers">,
  cls: CommandClass,
  reason: string,
  hazards: Hazard[],
): ExecuteOperation {
  const { name, args, cwd, wrappers } = inv;
  const op: ExecuteOperation = {
    kind: "execute",
    command: {
      name,
      args: args.map((a) => a.value ?? a.text),
      cwd,
      text: c.text,
      wrappers: [...wrappers],
    },
    class: cls,
    reason,
    hazards: dedupe(hazards),
  };
  if (cls === "network") c.host.network++;
  return op;
}

export function dedupe(h: Hazard[]): Hazard[] {
  if (h.length < 2) return h;
  const seen = new Set<string>();
  return h.filter((x) => {
    const k = `${x.check}\0${x.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function dynamicOrRemote(a: Arg, what: string): Hazard {
  return a.network
    ? { check: "remote-code", reason: `${what} runs code downloaded from the network` }
    : { check: "dynamic", reason: `${what} runs code automode cannot see in advance` };
}

/**
 * A command that runs words automode cannot read (`env -S "$X"`, `sh "$SCRIPT"`, `npx -c "$C"`):
 * an unknown execute with the hazard of the word that is not literal (dynamic, or remote code
 * when it came from the network). `who` names the runner in that hazard.
 */
export function runsNonLiteral(
  c: Ctx,
  inv: Pick<Invocation, "name" | "args" | "cwd" | "wrappers">,
  reason: string,
  bad: Arg,
  who: string,
  hazards: readonly Hazard[],
): Flow {
  c.host.ops.push(execOp(c, inv, "unknown", reason, [...hazards, dynamicOrRemote(bad, who)]));
  return flowSince(c.host, c.before);
}

/**
 * Words a wrapper or runner joins into one shell command line (`watch ls -l`, `pnpm exec -c
 * 'cmd'`): analysed as that line one frame down, `via` added to the wrappers; a word that is
 * not literal makes it `runsNonLiteral`.
 */
export function wordsAsLine(
  c: Ctx,
  inv: Pick<Invocation, "name" | "args" | "cwd" | "wrappers">,
  words: readonly Arg[],
  via: string,
  hazards: Hazard[],
): Flow {
  const bad = words.find((a) => a.value === undefined);
  if (bad)
    return runsNonLiteral(c, inv, `${via} runs a command that is not a literal`, bad, via, hazards);
  return c.host.script(
    words.map((a) => a.value).join(" "),
    { ...c.st, cwd: inv.cwd, dirs: [...c.st.dirs] },
    { wrappers: [...inv.wrappers, via], inherited: hazards, depth: c.frame.depth + 1 },
    c.feed,
  );
}

/** The flow of a command whose output feeds nothing on: whether it used the network. */
export function flowSince(host: Host, before: number): Flow {
  return { network: host.network > before, text: undefined };
}

/**
 * Running a file the line made: downloaded is remote code, written, copied or linked is
 * dynamic (the overlay, `overlay/overlay.ts`).
 */
export function downloadedHazard(host: Host, file: string, cwd: string, name: string): Hazard[] {
  return host.overlay.runHazard(file, cwd, name);
}

export const MAX_NESTING = 12;
