import { posix } from "node:path";
import type { ExecuteOperation, Operation } from "../../types.js";
import type { State } from "../model.js";
import { BUILDERS } from "./effects.js";
import type { Overlay } from "./overlay.js";

/**
 * Programs that load code or build files from the folder they run in (a Makefile, package.json's
 * scripts, modules a script imports, a test runner's config). After the line wrote such a file,
 * running one of them runs what the line wrote.
 */
const BUILD_RUNNERS = new Set([
  "make",
  "gmake",
  "cmake",
  "ninja",
  "meson",
  "just",
  "task",
  "npm",
  "pnpm",
  "yarn",
  "bun",
  "npx",
  "bunx",
  "node",
  "deno",
  "tsx",
  "ts-node",
  "python",
  "python3",
  "pip",
  "pip3",
  "pytest",
  "tox",
  "nox",
  "uv",
  "poetry",
  "pipenv",
  "ruby",
  "rake",
  "bundle",
  "go",
  "cargo",
  "mvn",
  "gradle",
  "jest",
  "vitest",
  "mocha",
  "perl",
  "php",
  "composer",
  "eslint",
  "prettier",
  "vite",
  "webpack",
  "rollup",
  "next",
  "turbo",
  "nx",
]);

/**
 * Threads the overlay through the operations of the line: each operation is followed through
 * what the line made before its command ended, once, and a command that builds or runs project
 * code after the line wrote code gets the taint's hazard. A command's own operations can come
 * before those of a `$( )` it runs first (`> c/x echo $(ln -s …)`): they are followed when the
 * command itself ends, after the substitution's effects.
 */
export class Settler {
  /** `done[i]`: ops[i] was followed (or needed no following). */
  private readonly done: boolean[] = [];
  private readonly extras = new Set<string>();

  constructor(
    private readonly overlay: Overlay,
    private readonly ops: Operation[],
  ) {}

  settle(from: number, st?: State): void {
    const ov = this.overlay;
    const end = this.ops.length;
    const added: Operation[] = [];
    const alts = st?.alts;
    for (let i = from; i < end; i++) {
      if (this.done[i] === true) continue;
      this.done[i] = true;
      const op = this.ops[i] as Operation;
      const again =
        alts !== undefined && alts.length > 0 && st !== undefined ? fromAlts(op, st.cwd, alts) : [];
      for (const x of again) {
        const key = `${opKey(x)}\0${x.kind === "network" || x.kind === "execute" ? "" : x.cwd}`;
        if (this.extras.has(key)) continue;
        this.extras.add(key);
        added.push(x);
      }
      if (ov.empty) continue;
      if (op.kind === "execute") {
        this.build(op);
        continue;
      }
      for (const x of [...ov.through(op), ...again.flatMap((a) => ov.through(a))]) {
        const key = opKey(x);
        if (this.extras.has(key)) continue;
        this.extras.add(key);
        added.push(x);
      }
    }
    for (const x of added) {
      this.done[this.ops.length] = true;
      this.ops.push(x);
    }
    if (ov.pending.length > 0) ov.apply();
  }

  private build(op: ExecuteOperation): void {
    // The program, or a runner it was reached through (`python3 -m mod`, `npx tsx x.ts`).
    let name = posix.basename(op.command.name);
    if (!BUILD_RUNNERS.has(name) && !BUILDERS.has(name)) {
      const via = op.command.wrappers
        .map((w) => posix.basename(w.split(" ")[0] ?? ""))
        .find((w) => BUILD_RUNNERS.has(w));
      if (via === undefined) return;
      name = via;
    }
    const b = this.overlay.buildTaint();
    if (b === undefined) return;
    const file = posix.basename(b.path);
    op.hazards = [
      ...op.hazards,
      b.taint === "remote"
        ? {
            check: "remote-code",
            reason: `${name} may load ${file}, which the line downloaded from the network`,
          }
        : {
            check: "dynamic",
            reason: `${name} may load ${file}, which the line wrote, so automode has not seen what runs`,
          },
    ];
  }
}

/** The same access from each folder a failed `cd` may have left the shell in. */
function fromAlts(op: Operation, cwd: string, alts: readonly string[]): Operation[] {
  if (op.kind !== "read" && op.kind !== "write" && op.kind !== "delete") return [];
  if (op.path.startsWith("/") || op.cwd !== cwd) return [];
  return alts.map((a) => ({ ...op, cwd: a, via: `${op.via ?? op.kind}, if an earlier cd failed` }));
}

function opKey(op: Operation): string {
  switch (op.kind) {
    case "read":
      return `r\0${op.path}\0${op.recursive ? 1 : 0}${op.listing ? 1 : 0}${op.incidental ? 1 : 0}`;
    case "write":
      return `w\0${op.path}`;
    case "delete":
      return `d\0${op.path}\0${op.recursive ? 1 : 0}`;
    case "execute":
      return `x\0${op.command.text}\0${op.reason}`;
    case "network":
      return `n\0${op.url}`;
  }
}
