import { posix } from "node:path";
import type { CommandClass, Hazard } from "../types.js";
import { ddMiss, findMiss } from "./knowledge/find.js";
import { type Found, modelOf, type Reading, readArgs } from "./knowledge/index.js";
import type { OptionEffect } from "./knowledge/types.js";
import type { Frame, Host, State } from "./model.js";
import { toUrl } from "./operands.js";

/** make variables that name programs or shell code its recipes run. */
const MAKE_PROGRAMS =
  /^(SHELL|\.SHELLFLAGS|MAKE|MAKEFLAGS|MFLAGS|CC|CXX|CPP|LD|AR|AS|FC|RM|INSTALL|LEX|YACC|GO|CARGO|PYTHON|NODE|NPM|DOCKER|.*_WRAPPER|.*(CMD|COMMAND|PROGRAM|EXEC|BIN))$/;

/** Reads an invocation against its model, when there is one. */
export function readInvocation(
  name: string,
  values: readonly (string | undefined)[],
): Reading | undefined {
  const model = modelOf(name);
  return model ? readArgs(model, values) : undefined;
}

/** The classes a command keeps only inside the closed world (SPEC section 4). */
const BENIGN: ReadonlySet<CommandClass> = new Set([
  "read-only",
  "development",
  "package-install",
  "network",
]);

/** What the model says about one invocation, for `finish` in simple.ts to apply. */
export interface ClosedVerdict {
  reading: Reading | undefined;
  class: CommandClass;
  reason: string;
  /** The program words reached (`["git", "log"]`): classify again when they differ. */
  words: readonly string[] | undefined;
}

/**
 * The closed-world check: a command classed benign keeps its class only when the model
 * knows its subcommand and every option it is given. Anything else is `unknown`.
 */
export function closedWorld(
  name: string,
  values: readonly (string | undefined)[],
  reading: Reading | undefined,
  klass: CommandClass,
  reason: string,
): ClosedVerdict {
  if (!reading && (name === "find" || name === "dd")) {
    const miss = name === "find" ? findMiss(values) : ddMiss(values);
    if (miss && BENIGN.has(klass))
      return { reading, class: "unknown", reason: miss, words: undefined };
    return { reading, class: klass, reason, words: undefined };
  }
  if (!reading) {
    if (!BENIGN.has(klass)) return { reading: undefined, class: klass, reason, words: undefined };
    return {
      reading: undefined,
      class: "unknown",
      reason: `${name} is not modelled option by option, so automode cannot tell what its options do`,
      words: undefined,
    };
  }
  if (reading.miss !== undefined && BENIGN.has(klass))
    return { reading, class: "unknown", reason: reading.miss, words: reading.program.path };
  let cls = klass;
  let why = reason;
  for (const f of reading.found) {
    if (f.def.class !== undefined && f.value !== "false") {
      cls = f.def.class;
      why = `${reading.program.path.join(" ")} ${f.name} ${f.def.why ?? "changes configuration outside the project"}`;
    }
  }
  return { reading, class: cls, reason: why, words: reading.program.path };
}

/** Everything an invocation's options do beyond its class: hazards now, operations later. */
export interface Effects {
  hazards: Hazard[];
  /** Called after the command's own execute operation is pushed. */
  emit: () => void;
  /** Hosts reached through options (`docker -H tcp://…`). */
  hosts: string[];
}

/** What `closed.ts` needs from simple.ts (passed in to keep the import graph one-way). */
export interface Emitters {
  pathOp(role: "read" | "write" | "list", value: string, cwd: string, via: string): void;
  runLine(text: string, cwd: string, via: string): void;
  /** Runs the words from `from` as a command; `first` is a command word given attached. */
  runWords(from: number, via: string, perInput: boolean, first?: string): void;
}

function effectHazards(e: OptionEffect, out: Hazard[]): void {
  if (e.destructive) out.push({ check: "destructive", reason: e.destructive });
  if (e.dynamic) out.push({ check: "dynamic", reason: e.dynamic });
}

function off(f: Found): boolean {
  return f.def.value === undefined && f.value !== undefined && /^(false|0|no|off)$/i.test(f.value);
}

/** Applies the roles of the options found (SPEC section 4: reads, writes, runs, hosts). */
export function optionEffects(
  name: string,
  r: Reading,
  values: readonly (string | undefined)[],
  cwd: string,
  /** Where the command starts, before its own `-C dir` (what chdir values are relative to). */
  origin: string,
  em: Emitters,
): Effects {
  const hazards: Hazard[] = [];
  const later: Array<() => void> = [];
  const hosts: string[] = [];
  const words = r.program.path.join(" ");
  for (const f of r.found) {
    // `pytest --cov-report=html:dir`: the path after the colon is written.
    if (f.name === "--cov-report" && f.value?.includes(":")) {
      const out = f.value.slice(f.value.indexOf(":") + 1);
      if (out !== "") later.push(() => em.pathOp("write", out, cwd, "pytest --cov-report"));
    }
  }
  if (name === "make" || name === "gmake") {
    // `make SHELL=/tmp/x`, `make CC=./evil`: a variable that names a program to run.
    for (const i of r.operands) {
      const m = /^([A-Za-z_.][A-Za-z0-9_.]*)=(.*)$/s.exec(values[i] ?? "");
      if (m?.[1] && (MAKE_PROGRAMS.test(m[1]) || (m[2] ?? "").includes("$(")))
        hazards.push({ check: "dynamic", reason: `${name} ${m[1]}= changes a program make runs` });
    }
  }
  if (name === "less" || name === "more") {
    // `less +cmd f` runs a less command at start; `!` and `|` in it run a shell.
    for (const i of r.operands) {
      const o = values[i];
      if (o?.startsWith("+") && /[!|]/.test(o))
        hazards.push({
          check: "dynamic",
          reason: `${name} ${o} runs a shell command when it starts`,
        });
    }
  }
  if (r.program.destructive) hazards.push({ check: "destructive", reason: r.program.destructive });
  for (const f of r.found) {
    if (off(f)) continue;
    effectHazards(f.def, hazards);
    const via = `${words} ${f.name}`;
    const v = f.value;
    switch (f.def.value) {
      case undefined:
      case "text":
        break;
      case "chdir":
        // Working in another folder is reading it: outside the project it escalates.
        if (v !== undefined && v !== "") later.push(() => em.pathOp("list", v, origin, via));
        break;
      case "read":
      case "write": {
        if (v === undefined) {
          if (f.valueIndex !== undefined)
            hazards.push({
              check: "dynamic",
              reason: `${via} is given a path that is not a literal`,
            });
          break;
        }
        if (v === "-" || v === "") break;
        const role = f.def.value;
        later.push(() => em.pathOp(role, v, cwd, via));
        break;
      }
      case "runs":
        if (v === undefined) {
          hazards.push({ check: "dynamic", reason: `${via} runs a command that is not a literal` });
          break;
        }
        later.push(() => em.runLine(v, cwd, via));
        break;
      case "code":
        hazards.push({
          check: "dynamic",
          reason: f.def.dynamic ?? `${via} runs code automode does not analyse`,
        });
        break;
      case "host":
        if (v !== undefined) hosts.push(toUrl(v, "tcp") ?? `tcp://${v}`);
        break;
      case "config": {
        if (v === undefined) {
          hazards.push({
            check: "dynamic",
            reason: `${via} sets configuration that is not a literal`,
          });
          break;
        }
        const e = r.program.config?.(v) ?? modelOf(name)?.config?.(v);
        if (e) effectHazards(e, hazards);
        break;
      }
    }
    if (f.def.writesOperands) {
      // The first operand is the program (`yq -i '.a = 1' f.yaml`, `sed -i s/a/b/ f`).
      for (const i of r.operands.slice(1)) {
        const o = values[i];
        if (o !== undefined) later.push(() => em.pathOp("write", o, cwd, via));
      }
    }
  }
  if (r.script !== undefined && modelOf(r.script) !== undefined) {
    // `pnpm eslint -o x`: a name that is not a script runs that tool from node_modules/.bin.
    const at = r.operands[0];
    if (at !== undefined) later.push(() => em.runWords(at, `${words} ${r.script}`, false));
  }
  if (r.runsFrom !== undefined) {
    const from = r.runsFrom;
    const opt = r.found.at(-1);
    const perInput = opt?.def.runsRest === true;
    const via = perInput && opt ? `${words} ${opt.name}` : words;
    if (r.runsScript) {
      const rest = values.slice(from);
      if (rest.some((w) => w === undefined))
        hazards.push({ check: "dynamic", reason: `${words} runs a script that is not a literal` });
      else later.push(() => em.runLine(rest.join(" "), cwd, via));
    } else {
      // `fd --exec=rm -rf x`: the attached value is the command word.
      const first = perInput ? opt?.value : undefined;
      later.push(() => em.runWords(from, via, perInput, first));
    }
  }
  return {
    hazards,
    hosts,
    emit: () => {
      for (const f of later) f();
    },
  };
}

/** A sub-frame for a command line an option runs. */
export function innerFrame(frame: Frame, via: string, hazards: readonly Hazard[]): Frame {
  return {
    wrappers: [...frame.wrappers, via],
    inherited: hazards.filter((h) => h.check === "privilege"),
    depth: frame.depth + 1,
  };
}

export function innerState(st: State, cwd: string): State {
  return { ...st, cwd: posix.resolve(st.cwd, cwd), dirs: [...st.dirs] };
}

export type { Host };

/**
 * The project's git hooks folder, for `core.hooksPath` settings (issue 13): the nearest
 * `.git` above `cwd`, or `cwd/.git` when none is seen. Setting the key in any spelling is a
 * write there, so the self-protection stage denies it.
 */
export function hooksFolder(host: Host, cwd: string): string {
  for (let d = cwd; ; d = posix.dirname(d)) {
    if (host.fs.lstat(posix.join(d, ".git")) !== undefined) return posix.join(d, ".git", "hooks");
    if (d === "/" || d === posix.dirname(d)) break;
  }
  return posix.join(cwd, ".git", "hooks");
}

export const HOOKS_PATH = /core\.hookspath/i;
