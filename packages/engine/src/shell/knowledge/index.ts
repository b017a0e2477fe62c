import { COREUTILS } from "./coreutils.js";
import { DATA } from "./data.js";
import { type ProgramSpec, program } from "./dsl.js";
import { GIT } from "./git.js";
import { CARGO, GO, STATICCHECK } from "./go-rust.js";
import { NODE, PYTHON } from "./interpreters.js";
import { MISC } from "./misc.js";
import { MORE } from "./more.js";
import { NODE_TOOLS, NPM, PNPM, YARN } from "./node.js";
import { COVERAGE, PIP, POETRY, PYTHON_TOOLS, UV } from "./python.js";
import { SEARCH } from "./search.js";
import type { Program } from "./types.js";

export type { Found, Reading } from "./parse.js";
export { readArgs } from "./parse.js";
export type { OptionDef, OptionEffect, Program, ValueRole } from "./types.js";

/** Every program automode has a closed model of, by command name. */
const SPECS: Readonly<Record<string, ProgramSpec>> = {
  ...COREUTILS,
  ...SEARCH,
  ...MISC,
  ...MORE,
  ...DATA,
  git: GIT,
  npm: NPM,
  pnpm: PNPM,
  yarn: YARN,
  ...NODE_TOOLS,
  pip: PIP,
  pip3: PIP,
  ...PYTHON_TOOLS,
  "py.test": PYTHON_TOOLS.pytest as ProgramSpec,
  uv: UV,
  poetry: POETRY,
  go: GO,
  node: NODE,
  nodejs: NODE,
  python: PYTHON,
  python3: PYTHON,
  cargo: CARGO,
  coverage: COVERAGE,
  staticcheck: STATICCHECK,
};

const built = new Map<string, Program>();

/** The model of a command, built on first use (module load stays cheap). */
export function modelOf(name: string): Program | undefined {
  const hit = built.get(name);
  if (hit) return hit;
  if (!Object.hasOwn(SPECS, name)) return undefined;
  const p = program(name, SPECS[name] as ProgramSpec);
  built.set(name, p);
  return p;
}

/** Every modelled command name, sorted (for the generated views and the examples test). */
export function modelledNames(): string[] {
  return Object.keys(SPECS).sort();
}

/** Every program and subprogram model, once each (aliases share one), depth first. */
export function allPrograms(): Program[] {
  const out: Program[] = [];
  const seen = new Set<Program>();
  const visit = (p: Program) => {
    if (seen.has(p)) return;
    seen.add(p);
    out.push(p);
    for (const s of p.sub?.values() ?? []) visit(s);
  };
  for (const n of modelledNames()) {
    const p = modelOf(n);
    if (p) visit(p);
  }
  return out;
}
