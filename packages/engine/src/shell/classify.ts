import type { CommandClass } from "../types.js";
import { type OptSpec, parseArgs } from "./flags.js";
import { COMMANDS, type CommandEntry, DEFAULT_WHY } from "./tables/commands.js";

export interface Classification {
  class: CommandClass;
  reason: string;
  /** Subcommand words found (`["stash", "drop"]`). */
  sub: string[];
  /** Index in args just after the last subcommand word. */
  afterSub: number;
  /** Directory changes from global options (`git -C dir`), in order. */
  chdir: string[];
}

const EMPTY_SPEC: OptSpec = {};

const REF_LONG = [
  "--message",
  "--file",
  "--contains",
  "--merged",
  "--no-merged",
  "--points-at",
  "--sort",
  "--format",
];
const BRANCH_SPEC: OptSpec = { shortValue: "u", longValue: REF_LONG };
const TAG_SPEC: OptSpec = { shortValue: "mFu", longValue: REF_LONG };
/** Options with which `git branch` changes refs instead of listing them. */
const BRANCH_WRITES = [
  "-d",
  "-D",
  "-m",
  "-M",
  "-c",
  "-C",
  "--delete",
  "--move",
  "--copy",
  "-u",
  "--set-upstream-to",
  "--unset-upstream",
  "-f",
  "--edit-description",
];
/** `git tag -a/-s/-m` create tags; `git branch -a` lists all branches. */
const TAG_WRITES = [
  "-d",
  "--delete",
  "-f",
  "--force",
  "-a",
  "-s",
  "-m",
  "-F",
  "-u",
  "--annotate",
  "--sign",
  "--message",
  "--file",
];

/**
 * Class of a simple command from the tables: walk the subcommand chain, then apply the
 * option modifiers of the deepest entry that has any. `args` excludes the command name.
 */
export function classify(name: string, args: readonly (string | undefined)[]): Classification {
  // Own keys only: `constructor` or `toString` must not find Object.prototype's members.
  const top = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!top) {
    return {
      class: "unknown",
      reason: `${name} ${DEFAULT_WHY.unknown}`,
      sub: [],
      afterSub: 0,
      chdir: [],
    };
  }
  let entry: CommandEntry = top;
  const sub: string[] = [];
  const chdir: string[] = [];
  let i = 0;
  // Global options before the subcommand (`git -C dir -c k=v status`).
  if (entry.sub) {
    const g = entry.globals ?? EMPTY_SPEC;
    const p = parseArgs(args, { ...g, stopAtOperand: true });
    for (const o of p.opts) if (o.name === "-C" && o.value !== undefined) chdir.push(o.value);
    i = p.rest;
  }
  while (entry.sub && i < args.length) {
    const word = args[i];
    if (word === undefined) break;
    const next: CommandEntry | undefined = Object.hasOwn(entry.sub, word)
      ? entry.sub[word]
      : undefined;
    if (!next) {
      // A subcommand may still be found after its own options (`npm -g install`): skip options.
      if (word.startsWith("-") && sub.length > 0) {
        i++;
        continue;
      }
      break;
    }
    sub.push(word);
    entry = next;
    i++;
  }
  let cls = entry.class;
  let why = entry.why;
  if (top.sub && cls === "unknown" && sub.length === 0 && args.length > 0 && i >= args.length) {
    // A bare program with only its global options (`git --version`, `cargo -V`): no
    // subcommand runs; the options' own effects (`-C`, `-c`, `--config`) are judged by the
    // closed-world model. Only where the bare program has no class of its own: `yarn` or
    // `bundle` alone install.
    cls = "read-only";
    why = "with only its global options only prints information";
  }
  const mods = entry.when ?? (sub.length === 0 ? undefined : top.when);
  if (mods) {
    for (const m of mods) {
      if (
        args.some(
          (a) =>
            a !== undefined &&
            (m.opts.includes(a) || m.opts.some((o) => o.startsWith("--") && a.startsWith(`${o}=`))),
        )
      ) {
        cls = m.class;
        why = m.why;
        break;
      }
    }
  }
  if (name === "git" && (sub[0] === "branch" || sub[0] === "tag") && sub.length === 1) {
    // Listing is read-only; any operand or a write option creates, moves or deletes refs.
    const tag = sub[0] === "tag";
    const p = parseArgs(args.slice(i), tag ? TAG_SPEC : BRANCH_SPEC);
    const writes = tag ? TAG_WRITES : BRANCH_WRITES;
    const listing = p.opts.some((o) => o.name === "-l" || o.name === "--list");
    if (p.opts.some((o) => writes.includes(o.name)) || (!listing && p.operands.length > 0)) {
      cls = "development";
      why = sub[0] === "branch" ? "changes local branches" : "changes local tags";
    }
  }
  const words = [name, ...sub].join(" ");
  if (cls === "unknown" && why === undefined) {
    const next = args[i];
    const what = next !== undefined && !next.startsWith("-") ? `${words} ${next}` : words;
    return {
      class: cls,
      reason: `${what} is not a subcommand automode classifies`,
      sub,
      afterSub: i,
      chdir,
    };
  }
  return { class: cls, reason: `${words} ${why ?? DEFAULT_WHY[cls]}`, sub, afterSub: i, chdir };
}
