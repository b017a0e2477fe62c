import type { CommandClass, Hazard } from "../types.js";
import { optionEffects, readInvocation } from "./closed.js";
import { incidentalAll, pathOp } from "./emit.js";
import { hasOpt, parseArgs } from "./flags.js";
import {
  type Ctx,
  downloadedHazard,
  dynamicOrRemote,
  execOp,
  type Invocation,
  runsNonLiteral,
} from "./invocation.js";
import type { Flow } from "./model.js";
import { type Arg, runSimple } from "./simple.js";
import type { INTERPRETERS } from "./tables/wrappers.js";

/**
 * Interpreters (SPEC section 4, last bullet): inline code and stdin scripts are `dynamic`;
 * a project file is development, with the interpreter's own options closed.
 */
export function interpreter(
  c: Ctx,
  inv: Invocation,
  interp: (typeof INTERPRETERS)[string],
): Flow | undefined {
  const { name, args, cwd, wrappers, hazards } = inv;
  const { host, before } = c;
  const values = args.map((a) => a.value);
  if (name === "deno" || name === "bun") {
    // Only their inline forms are special; `deno run x.ts`, `bun test` go through the tables.
    const first = values[0];
    if (name === "deno" && first === "eval") {
      host.ops.push(
        execOp(c, { name, args, cwd, wrappers }, "development", "deno eval runs inline code", [
          ...hazards,
          dynamicOrRemote(args[1] ?? (args[0] as Arg), "deno eval"),
        ]),
      );
      return { network: host.network > before, text: undefined };
    }
    if (name === "deno") return undefined;
  }
  const p = parseArgs(values, { ...interp.opts, stopAtOperand: true });
  const inline = p.opts.find((o) => interp.inline.includes(o.name));
  if (inline) {
    const code = inline.valueIndex !== undefined ? args[inline.valueIndex] : undefined;
    const h = code?.network
      ? {
          check: "remote-code" as const,
          reason: `${name} ${inline.name} runs code downloaded from the network`,
        }
      : {
          check: "dynamic" as const,
          reason: `${name} ${inline.name} runs inline code automode does not analyse`,
        };
    host.ops.push(
      execOp(
        c,
        { name, args, cwd, wrappers },
        "development",
        `${name} ${inline.name} runs inline code`,
        [...hazards, h],
      ),
    );
    incidentalAll(
      host,
      args.filter((_, i) => i !== inline.valueIndex),
      cwd,
      name,
      name,
    );
    return { network: host.network > before, text: undefined };
  }
  if (name === "bun") return undefined;
  const mod = p.opts.find((o) => o.name === "-m");
  if (mod?.value !== undefined && (name.startsWith("python") || name.startsWith("pypy"))) {
    // `python -m pytest` is pytest; `python -m pip install` is pip. Every word after the module
    // is its own (`python -m pytest -p evil`: `-p` is pytest's, not python's).
    const from = (mod.valueIndex ?? mod.index) + 1;
    const modArgs: Arg[] = [{ value: mod.value, text: mod.value }, ...args.slice(from)];
    return runSimple(
      host,
      modArgs,
      [],
      c.text,
      { ...c.st, cwd },
      { wrappers: [...wrappers, `${name} -m`], inherited: hazards, depth: c.frame.depth + 1 },
      c.feed,
    );
  }
  if (hasOpt(p, "--version", "-V", "-v", "--help", "-h") && p.rest >= args.length) {
    host.ops.push(
      execOp(
        c,
        { name, args, cwd, wrappers },
        "read-only",
        `${name} --version only prints information`,
        hazards,
      ),
    );
    return { network: host.network > before, text: undefined };
  }
  if ((name === "node" || name === "nodejs") && hasOpt(p, "--test") && !c.feed) {
    // `node --test [files]`: node's test runner finds the project's test files.
    const reading = readInvocation(name, values);
    const miss = reading?.miss;
    host.ops.push(
      execOp(
        c,
        { name, args, cwd, wrappers },
        miss === undefined && c.envUnknown === undefined ? "development" : "unknown",
        miss ?? `${name} --test runs the project's tests`,
        hazards,
      ),
    );
    incidentalAll(host, args, cwd, name, name);
    return { network: host.network > before, text: undefined };
  }
  const file = args[p.rest];
  if (file && file.value !== "-") {
    if (file.procsub || file.value === undefined) {
      return runsNonLiteral(
        c,
        { name, args, cwd, wrappers },
        `${name} runs a script that is not a file`,
        file,
        name,
        hazards,
      );
    }
    // The closed world for the interpreter's own options (`node --import`, `python -X`).
    const own = values.slice(0, p.rest);
    const reading = readInvocation(name, own);
    let klass: CommandClass = "development";
    let reason = `${name} runs the project script ${file.value}`;
    if (reading?.miss !== undefined) {
      klass = "unknown";
      reason = reading.miss;
    } else if (c.envUnknown !== undefined) {
      klass = "unknown";
      reason = `${c.envUnknown} is set for ${name}, and automode does not know what that variable changes`;
    }
    const later: Array<() => void> = [];
    if (reading) {
      const fx = optionEffects(name, reading, own, cwd, cwd, {
        pathOp: (role, value, at, via) => {
          if (/^(data|https?|file):/i.test(value))
            hazards.push({
              check: "dynamic",
              reason: `${via} loads code from ${value.slice(0, 40)}`,
            });
          else if (!value.startsWith("node:"))
            later.push(() => pathOp(host, role, { value, text: value }, at, via));
        },
        runLine: () => undefined,
        runWords: () => undefined,
      });
      hazards.push(...fx.hazards);
      fx.emit();
    }
    host.ops.push(
      execOp(c, { name, args, cwd, wrappers }, klass, reason, [
        ...hazards,
        ...downloadedHazard(host, file.value, cwd, name),
      ]),
    );
    for (const f of later) f();
    pathOp(host, "read", file, cwd, name);
    incidentalAll(
      host,
      args.filter((a) => a !== file),
      cwd,
      name,
      name,
    );
    return { network: host.network > before, text: undefined };
  }
  return stdinInterpreter(c, inv, false);
}

/** A shell or interpreter reading its program from stdin. */
export function stdinInterpreter(c: Ctx, inv: Invocation, shell: boolean): Flow {
  const { name, args, cwd, wrappers, hazards } = inv;
  const { host, feed, before } = c;
  if (!feed) {
    host.ops.push(
      execOp(
        c,
        { name, args, cwd, wrappers },
        "unknown",
        `${name} starts an interactive session`,
        hazards,
      ),
    );
    return { network: host.network > before, text: undefined };
  }
  const h: Hazard = feed.network
    ? {
        check: "remote-code",
        reason: `${name} runs a script downloaded from the network and fed through ${feed.via}`,
      }
    : { check: "dynamic", reason: `${name} runs a script fed to it through ${feed.via}` };
  host.ops.push(
    execOp(
      c,
      { name, args, cwd, wrappers },
      "unknown",
      `${name} runs a script fed through ${feed.via}`,
      [...hazards, h],
    ),
  );
  if (shell && feed.text !== undefined) {
    host.script(
      feed.text,
      { ...c.st, cwd, dirs: [...c.st.dirs] },
      {
        wrappers: [...wrappers, `${name} <${feed.via}>`],
        inherited: [...hazards, h],
        depth: c.frame.depth + 1,
      },
      undefined,
    );
  }
  return { network: host.network > before, text: undefined };
}
