import type { Hazard } from "../types.js";
import { incidentalAll } from "./emit.js";
import { stdinInterpreter } from "./interpreters.js";
import { type Ctx, execOp, type Invocation } from "./invocation.js";
import type { Flow } from "./model.js";
import { descriptorOf } from "./proc-paths.js";
import { runsCode } from "./runs-code.js";

/** Programs that read a build file or script named as an argument, besides shells and interpreters. */
const BUILD_FILES: ReadonlySet<string> = new Set(["make", "gmake"]);

/** `-f`, `--file`, `--makefile` and the abbreviations GNU make's getopt accepts. */
const MAKEFILE_OPTION = /^(?:-f|--fil(?:e)?|--makef(?:i(?:l(?:e)?)?)?)$/u;
/** The same with `-` glued: `-f-`, `--file=-`. */
const MAKEFILE_FROM_STDIN = /^(?:-f-|--fil(?:e)?=-|--makef(?:i(?:l(?:e)?)?)?=-)$/u;

/** Whether `name` runs a file named among its arguments as code (`bash f`, `python3 f`, `make -f f`). */
function runsAFile(name: string): boolean {
  const kind = runsCode(name);
  return (
    kind === "shell" ||
    kind === "interpreter" ||
    kind === "source" ||
    BUILD_FILES.has(name) ||
    /^python[23](?:\.[0-9]+)?$/u.test(name)
  );
}

/**
 * `bash /dev/stdin <<EOF`, `sh /proc/self/fd/0`, `python3 /dev/stdin`, `source /dev/stdin`,
 * `make -f /dev/stdin`: the program runs whatever is fed on its standard input, a script fed
 * into a shell (SPEC section 4). Any argument counts, in either `--opt=value` or plain form:
 * the script slot differs per program, and reading stdin as data is rare enough to ask.
 * Undefined when no argument names standard input.
 */
export function stdinScript(c: Ctx, inv: Invocation): Flow | undefined {
  const { name, args, cwd, wrappers, hazards } = inv;
  if (!runsAFile(name)) return undefined;
  let word: string | undefined;
  let what: string | undefined;
  for (const a of args) {
    const v = a.value;
    // `bash <(curl …)`: a process substitution is judged for what feeds it (simple.ts).
    if (v === undefined || a.procsub) continue;
    const eq = v.indexOf("=");
    // `-f/dev/stdin`, `--file=/dev/stdin`: the value glued to the option.
    const glued = v.startsWith("-") && !v.startsWith("--") ? v.slice(2) : undefined;
    for (const w of [v, eq === -1 ? undefined : v.slice(eq + 1), glued]) {
      const d = w === undefined || w === "" ? undefined : descriptorOf(w, cwd);
      if (d !== undefined && what === undefined) {
        word = w;
        what = d;
      }
    }
    if (what === "standard input") break;
  }
  if (what === undefined && BUILD_FILES.has(name)) {
    // `make -f - <<EOF`: GNU make reads the makefile named `-` from standard input.
    const values = args.map((a) => a.value);
    const at = values.findIndex(
      (v, i) =>
        (v !== undefined && MAKEFILE_FROM_STDIN.test(v)) ||
        (v !== undefined && MAKEFILE_OPTION.test(v) && values[i + 1] === "-"),
    );
    if (at !== -1) {
      word = values[at] === "-f" || !values[at]?.endsWith("-") ? "-" : values[at];
      what = "standard input";
    }
  }
  if (word === undefined || what === undefined) return undefined;
  const fed: Hazard = {
    check: "dynamic",
    reason: `${name} ${word} runs a script read from ${what}, a script fed into a shell`,
  };
  const rest = args.filter((a) => a.value !== word && a.value?.endsWith(`=${word}`) !== true);
  if (c.feed && what === "standard input") {
    // What is fed is judged as a fed script is: from the network it is remote code, a shell's
    // literal heredoc is analysed as well.
    const kind = runsCode(name);
    const flow = stdinInterpreter(
      c,
      { ...inv, hazards: [...hazards, fed] },
      kind === "shell" || kind === "source",
    );
    incidentalAll(c.host, rest, cwd, name, name);
    return flow;
  }
  c.host.ops.push(
    execOp(c, { name, args, cwd, wrappers }, "unknown", `${name} runs a script read from ${what}`, [
      ...hazards,
      fed,
    ]),
  );
  incidentalAll(c.host, rest, cwd, name, name);
  return { network: c.host.network > c.before, text: undefined };
}
