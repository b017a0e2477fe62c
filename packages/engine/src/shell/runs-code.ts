import { modelOf } from "./knowledge/index.js";
import { INTERPRETERS, RUNNERS, SHELLS, WRAPPERS } from "./tables/wrappers.js";

/**
 * The one table of commands that run code (issue 11, item 2). A reviewer answers "which
 * commands run their arguments?" here; `simple.ts` dispatches on `runsCode(name)` only.
 * Options that run a command (`rg --pre`, `git rebase -x`, `fd -x`, `make --eval`) are roles
 * in the program models (`knowledge/`), listed with these in `docs/runs-command.md`.
 */
export type RunsCodeKind =
  /** Runs the command after its own options: `sudo`, `env`, `nice`, `xargs`, `watch`, `flock -c`. */
  | "wrapper"
  /** Runs a project tool (or downloads one): `npx`, `pnpm exec`, `uv run`. */
  | "runner"
  /** `bash|sh|zsh|dash -c '<literal>'`, a script file, or stdin. */
  | "shell"
  /** Inline code (`python -c`, `node -e`) is dynamic; a project file is development. */
  | "interpreter"
  /** `eval`: its words are a command line. */
  | "eval"
  /** `source`, `.`: a shell file run in this shell. */
  | "source"
  /** `parallel CMD ::: inputs`: runs CMD per input. */
  | "parallel"
  /** `trap`, `alias`, `hash -p`, `shopt`, `enable`, `bind -x`, `complete -C`: code for later words. */
  | "later";

const FIXED: Readonly<Record<string, RunsCodeKind>> = {
  eval: "eval",
  source: "source",
  ".": "source",
  parallel: "parallel",
  trap: "later",
  alias: "later",
  hash: "later",
  shopt: "later",
  enable: "later",
  bind: "later",
  complete: "later",
  compgen: "later",
};

/** How `name` runs code, or undefined when it runs none by itself (its options may: see the models). */
export function runsCode(name: string): RunsCodeKind | undefined {
  // Looked up for every simple command: answered from a cache after the first time.
  if (KIND_CACHE.has(name)) return KIND_CACHE.get(name);
  const kind = lookup(name);
  if (KIND_CACHE.size < 4096) KIND_CACHE.set(name, kind);
  return kind;
}

const KIND_CACHE = new Map<string, RunsCodeKind | undefined>();

function lookup(name: string): RunsCodeKind | undefined {
  if (Object.hasOwn(FIXED, name)) return FIXED[name];
  if (Object.hasOwn(WRAPPERS, name)) return "wrapper";
  if (SHELLS.has(name)) return "shell";
  if (Object.hasOwn(INTERPRETERS, name)) return "interpreter";
  if (Object.hasOwn(RUNNERS, name)) return "runner";
  return undefined;
}

/** Every command this table lists, by kind (for the generated reviewer view). */
export function runsCodeTable(): Array<{ name: string; kind: RunsCodeKind }> {
  const names = new Set([
    ...Object.keys(FIXED),
    ...Object.keys(WRAPPERS),
    ...SHELLS,
    ...Object.keys(INTERPRETERS),
    ...Object.keys(RUNNERS),
  ]);
  return [...names]
    .sort()
    .map((name) => ({ name, kind: runsCode(name) as RunsCodeKind }))
    .filter((e) => e.kind !== undefined);
}

/** A modelled program is known to the closed world (used by the case-folding of `RM`). */
export function isModelled(name: string): boolean {
  return modelOf(name) !== undefined;
}
