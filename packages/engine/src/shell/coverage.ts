import type { Operation } from "../types.js";
import { modelOf, readArgs } from "./knowledge/index.js";
import type { Arg } from "./simple.js";

/**
 * `coverage run [opts] -m MODULE args…` runs like `python -m MODULE args…`, and
 * `coverage run [opts] FILE args…` like `python FILE args…` (coverage.py 7.10): the program it
 * runs is analysed as that. Undefined when the words are outside coverage's model (an unknown
 * option, a value that is not a literal, no program): the closed-world check then reports it.
 */
export function coverageRun(
  args: readonly Arg[],
  cwd: string,
): { args: Arg[]; ops: Operation[] } | undefined {
  const model = modelOf("coverage");
  if (!model) return undefined;
  const r = readArgs(
    model,
    args.slice(1).map((a) => a.value),
  );
  if (r.miss !== undefined || r.program.path.join(" ") !== "coverage run") return undefined;
  const first = r.operands[0];
  // `coverage run -- -m x` runs a file named `-m`: not the module, so not read as one.
  if (first === undefined || args[1 + first]?.value?.startsWith("-")) return undefined;
  const ops: Operation[] = [];
  for (const f of r.found) {
    if (f.def.value !== "read" && f.def.value !== "write") continue;
    if (f.value === undefined) return undefined;
    ops.push({ kind: f.def.value, path: f.value, cwd, via: `coverage run ${f.name}` });
  }
  const module = r.found.some((f) => f.name === "-m" || f.name === "--module");
  const python: Arg = { value: "python", text: "python" };
  const rest = args.slice(1 + first);
  return { args: module ? [python, { value: "-m", text: "-m" }, ...rest] : [python, ...rest], ops };
}
