import { posix } from "node:path";
import type { CommandClass, ExecuteOperation, Hazard, Operation } from "../types.js";
import { classify } from "./classify.js";
import {
  closedWorld,
  HOOKS_PATH,
  hooksFolder,
  innerFrame,
  innerState,
  optionEffects,
  readInvocation,
} from "./closed.js";
import { envEffect } from "./env.js";
import { hasOpt, parseArgs } from "./flags.js";
import { expandGlob } from "./glob.js";
import { gitSetting } from "./knowledge/git.js";
import { analyzeProgram } from "./languages/index.js";
import type { Feed, Flow, Frame, Host, State } from "./model.js";
import { assignRoles, type Role } from "./operands.js";
import { isModelled, runsCode } from "./runs-code.js";
import { COMMANDS, NO_PATH_ARGS, TEST_COMMANDS } from "./tables/commands.js";
import { DESTRUCTIVE, destructiveByName } from "./tables/destructive.js";
import { isHarmlessPath } from "./tables/files.js";
import { INTERPRETERS, RUNNERS, WRAPPERS } from "./tables/wrappers.js";
import { braceExpand, hasGlob, unescapePattern, type Word } from "./words.js";

/** One argument after brace and glob expansion, as the command receives it. */
export interface Arg {
  /** Undefined when automode cannot know it. */
  value: string | undefined;
  text: string;
  unknown?: "variable" | "substitution" | "input";
  network?: boolean;
  procsub?: boolean;
  /** Stands for every file under this folder (`find DIR -exec cmd {}`). */
  tree?: boolean;
}

export interface Assign {
  name: string;
  word: Word | undefined;
}

const MAX_NESTING = 12;

/** Brace- and glob-expands words the way bash does before running a command. */
export function expandWords(
  words: readonly Word[],
  cwd: string,
  host: Host,
  hazards: Hazard[],
): Arg[] {
  const out: Arg[] = [];
  for (const w of words) {
    if (w.pattern === undefined) {
      const a: Arg = { value: undefined, text: w.text };
      if (w.unknown) a.unknown = w.unknown;
      if (w.network) a.network = true;
      if (w.procsub) a.procsub = true;
      out.push(a);
      continue;
    }
    const pieces = w.pattern.includes("{") ? braceExpand(w.pattern) : [w.pattern];
    for (const p of pieces) {
      if (hasGlob(p)) {
        const g = expandGlob(p, cwd, host.fs);
        if (g.truncated)
          hazards.push({
            check: "dynamic",
            reason: `the glob ${w.text} matches too many files to check each one`,
          });
        if (g.matches.length > 0) {
          for (const m of g.matches) out.push({ value: m, text: w.text });
          continue;
        }
      }
      const a: Arg = { value: unescapePattern(p), text: w.text };
      if (w.network) a.network = true;
      if (w.procsub) a.procsub = true;
      out.push(a);
    }
  }
  return out;
}

/**
 * On a case-insensitive file system (macOS by default) `RM -rf x` runs rm: an unknown name
 * whose lower case is a known command is taken as that command.
 */
export function caseFold(name: string): string {
  const lower = name.toLowerCase();
  if (lower === name || isTabled(name) || !isTabled(lower)) return name;
  return lower;
}

function isTabled(name: string): boolean {
  return (
    Object.hasOwn(COMMANDS, name) ||
    Object.hasOwn(DESTRUCTIVE, name) ||
    runsCode(name) !== undefined ||
    isModelled(name)
  );
}

/** SPEC section 4: only these folders keep a command word's name (`/usr/bin/git` is git). */
const SYSTEM_BIN = new Set([
  "/bin",
  "/sbin",
  "/usr/bin",
  "/usr/sbin",
  "/usr/local/bin",
  "/usr/local/sbin",
  "/opt/homebrew/bin",
  "/opt/homebrew/sbin",
  "/run/current-system/sw/bin",
]);

/**
 * A command word that is a path, resolved like an operand: in a standard system folder it
 * keeps its name (`../../../../bin/rm` from the project is rm); anywhere else it stays a path
 * (`./build.sh`, `/tmp/evil/ls`), which runs that file (`finish` emits a read of it).
 */
export function commandName(word: string, cwd = "/"): string {
  if (!word.includes("/")) return word;
  const abs = posix.resolve(cwd, word);
  return SYSTEM_BIN.has(posix.dirname(abs)) ? posix.basename(abs) : word;
}

function isProjectFile(name: string): boolean {
  return name.includes("/");
}

interface Ctx {
  host: Host;
  st: State;
  frame: Frame;
  feed: Feed | undefined;
  text: string;
  /** A variable set before the command that is not on the harmless list (SPEC section 4). */
  envUnknown: string | undefined;
}

/** Judges one `NAME=value` before a command: dynamic hazard, or unknown class, or nothing. */
function assignment(c: Ctx, name: string, hazards: Hazard[]): void {
  const e = envEffect(name);
  if (e === "dynamic")
    hazards.push({
      check: "dynamic",
      reason: `setting ${name} changes what the command runs or loads`,
    });
  else if (e === "unknown" && c.envUnknown === undefined) c.envUnknown = name;
}

function execOp(
  name: string,
  args: readonly Arg[],
  cwd: string,
  c: Ctx,
  wrappers: readonly string[],
  cls: CommandClass,
  reason: string,
  hazards: Hazard[],
): ExecuteOperation {
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

function dedupe(h: Hazard[]): Hazard[] {
  if (h.length < 2) return h;
  const seen = new Set<string>();
  return h.filter((x) => {
    const k = `${x.check}\0${x.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dynamicOrRemote(a: Arg, what: string): Hazard {
  return a.network
    ? { check: "remote-code", reason: `${what} runs code downloaded from the network` }
    : { check: "dynamic", reason: `${what} runs code automode cannot see in advance` };
}

/**
 * Analyses one simple command: unwraps wrappers, then models the command that really runs.
 * `args[0]` is the command word.
 */
export function runSimple(
  host: Host,
  argsIn: Arg[],
  assigns: readonly Assign[],
  text: string,
  st: State,
  frame: Frame,
  feed: Feed | undefined,
): Flow {
  const c: Ctx = { host, st, frame, feed, text, envUnknown: undefined };
  const before = host.network;
  const hazards: Hazard[] = [...frame.inherited];
  for (const a of assigns) {
    assignment(c, a.name, hazards);
    if (a.name.startsWith("GIT_CONFIG") && HOOKS_PATH.test(a.word?.text ?? ""))
      host.ops.push({ kind: "write", path: hooksFolder(host, st.cwd), cwd: st.cwd, via: a.name });
  }
  let args = argsIn;
  const wrappers = [...frame.wrappers];
  let cwd = st.cwd;
  const pending: Operation[] = [];
  let flowText: string | undefined;
  for (let guard = 0; guard < 32; guard++) {
    const head = args[0];
    if (!head) {
      // Only assignments (`FOO=bar`), or a wrapper with nothing to run was handled below.
      if (hazards.length > frame.inherited.length) {
        host.ops.push(
          execOp(text, [], cwd, c, wrappers, "read-only", "sets a shell variable", hazards),
        );
      }
      return { network: host.network > before, text: undefined };
    }
    if (head.value === undefined) {
      hazards.push(
        head.network
          ? { check: "remote-code", reason: `the command word ${head.text} comes from the network` }
          : {
              check: "dynamic",
              reason: `the command word ${head.text} is not a literal, so automode cannot tell what runs`,
            },
      );
      host.ops.push(
        execOp(
          head.text,
          args.slice(1),
          cwd,
          c,
          wrappers,
          "unknown",
          `${head.text} is not a literal command`,
          hazards,
        ),
      );
      incidentalAll(host, args.slice(1), cwd, head.text, "unknown");
      host.ops.push(...pending);
      return { network: host.network > before, text: undefined };
    }
    const name = caseFold(commandName(head.value, cwd));
    const kind = runsCode(name);
    const w = kind === "wrapper" ? WRAPPERS[name] : undefined;
    if (w) {
      const rest = args.slice(1);
      const values = rest.map((a) => a.value);
      const p = parseArgs(
        values,
        w.opts.stopAtOperand === false ? w.opts : { ...w.opts, stopAtOperand: true },
      );
      if (w.privilege)
        hazards.push({
          check: "privilege",
          reason: `${name} runs commands with another user's privileges`,
        });
      if (w.noRun && hasOpt(p, ...w.noRun)) break;
      for (const o of p.opts) {
        if (o.value === undefined) continue;
        if (w.chdirOpts?.includes(o.name)) cwd = posix.resolve(cwd, o.value);
        else if (w.readOpts?.includes(o.name))
          pending.push({ kind: "read", path: o.value, cwd, via: `${name} ${o.name}` });
        else if (w.writeOpts?.includes(o.name))
          pending.push({ kind: "write", path: o.value, cwd, via: `${name} ${o.name}` });
      }
      let script = w.scriptOpts ? p.opts.find((o) => w.scriptOpts?.includes(o.name)) : undefined;
      // `flock FILE -c cmd`: the option comes after the wrapper's own operand.
      const afterLeading = p.rest + (w.leading ?? 0);
      const maybe = rest[afterLeading]?.value;
      if (!script && w.leading && maybe !== undefined && w.scriptOpts?.includes(maybe)) {
        const v = rest[afterLeading + 1];
        script = {
          name: maybe,
          index: afterLeading,
          valueIndex: afterLeading + 1,
          value: v?.value,
        };
        if (v === undefined) script = undefined;
      }
      if (script) {
        const arg = script.valueIndex !== undefined ? rest[script.valueIndex] : undefined;
        const value = script.value;
        host.ops.push(...pending);
        if (value === undefined || (arg && arg.value === undefined)) {
          const h = dynamicOrRemote(
            arg ?? { value: undefined, text: "" },
            `${name} ${script.name}`,
          );
          host.ops.push(
            execOp(
              name,
              rest,
              cwd,
              c,
              wrappers,
              "unknown",
              `${name} ${script.name} runs a script that is not a literal`,
              [...hazards, h],
            ),
          );
          return { network: host.network > before, text: undefined };
        }
        return host.script(
          value,
          { ...st, cwd, dirs: [...st.dirs] },
          {
            wrappers: [...wrappers, `${name} ${script.name}`],
            inherited: hazards,
            depth: frame.depth + 1,
          },
          feed,
        );
      }
      let start = w.opts.stopAtOperand === false ? (p.operands[0] ?? rest.length) : p.rest;
      if (name === "su") start = rest.length; // `su user`: no command without -c
      if (w.assignments) {
        while (start < rest.length) {
          const v = rest[start]?.value;
          const m = v === undefined ? null : /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(v);
          if (!m?.[1]) break;
          assignment(c, m[1], hazards);
          start++;
        }
      }
      start += w.leading ?? 0;
      if (start >= rest.length) {
        // The wrapper alone: `sudo -s`, `su`, bare `env`, `time`.
        host.ops.push(...pending);
        const shell = w.shellWithoutCommand;
        const cls = classify(name, values);
        host.ops.push(
          execOp(
            name,
            rest,
            cwd,
            c,
            wrappers,
            shell ? "unknown" : cls.class,
            shell ? `${name} starts a shell as another user` : cls.reason,
            hazards,
          ),
        );
        if (name === "env" && rest.length === 0) flowText = undefined;
        return { network: host.network > before, text: flowText };
      }
      if (w.joinsScript && !hasOpt(p, "-x", "--exec")) {
        const words = rest.slice(start);
        host.ops.push(...pending);
        if (words.some((a) => a.value === undefined)) {
          const bad = words.find((a) => a.value === undefined) as Arg;
          host.ops.push(
            execOp(
              name,
              rest,
              cwd,
              c,
              wrappers,
              "unknown",
              `${name} runs a command that is not a literal`,
              [...hazards, dynamicOrRemote(bad, name)],
            ),
          );
          return { network: host.network > before, text: undefined };
        }
        return host.script(
          words.map((a) => a.value).join(" "),
          { ...st, cwd, dirs: [...st.dirs] },
          { wrappers: [...wrappers, name], inherited: hazards, depth: frame.depth + 1 },
          feed,
        );
      }
      let inner = rest.slice(start);
      if (w.unknownInputs) {
        const replace = p.opts.find(
          (o) => o.name === "-I" || o.name === "--replace" || o.name === "-i",
        );
        const marker = replace ? (replace.value ?? "{}") : undefined;
        const input: Arg = { value: undefined, text: "<input>", unknown: "input" };
        if (marker !== undefined && inner.some((a) => a.value?.includes(marker))) {
          inner = inner.map((a) => (a.value?.includes(marker) ? { ...input, text: a.text } : a));
        } else inner = [...inner, input];
      }
      wrappers.push(name);
      args = inner;
      continue;
    }
    // Package runners: `npx tsc`, `pnpm exec vitest`, `uv run pytest`.
    const second = args[1]?.value;
    const runnerKey =
      kind === "runner"
        ? name
        : second !== undefined && Object.hasOwn(RUNNERS, `${name} ${second}`)
          ? `${name} ${second}`
          : undefined;
    if (runnerKey) {
      const runner = RUNNERS[runnerKey];
      const skip = runnerKey.includes(" ") ? 2 : 1;
      const rest = args.slice(skip);
      if (runner) {
        const p = parseArgs(
          rest.map((a) => a.value),
          runner.opts,
        );
        const tool = rest.slice(p.rest);
        if (tool.length > 0) {
          const t = tool[0]?.value;
          wrappers.push(runnerKey);
          if (runner.downloads && t !== undefined && !isKnownTool(commandName(t))) {
            host.ops.push(...pending);
            host.ops.push(
              execOp(
                commandName(t),
                tool.slice(1),
                cwd,
                c,
                wrappers,
                "package-install",
                `${runnerKey} may download and run the package ${t}`,
                hazards,
              ),
            );
            incidentalAll(host, tool.slice(1), cwd, t, t);
            return { network: host.network > before, text: undefined };
          }
          args = tool;
          continue;
        }
      }
    }
    if (kind === "parallel") return parallel(c, args, cwd, wrappers, hazards, pending, before);
    break;
  }
  const head = args[0] as Arg;
  const name = caseFold(commandName(head.value as string, cwd));
  host.ops.push(...pending);
  return special(c, name, args.slice(1), cwd, wrappers, hazards, before);
}

/**
 * SPEC section 4: builtins that change what later words run (`trap CODE SIG`, `alias x=…`,
 * `hash -p`, `shopt -s`, `enable`, `bind -x`, `complete -C`). Listing forms are harmless.
 */
function laterWords(name: string, v: readonly (string | undefined)[]): string | undefined {
  const opts = v.filter((a) => a?.startsWith("-"));
  const ops = v.filter((a) => a === undefined || !a.startsWith("-"));
  switch (name) {
    case "trap":
      return ops.length >= 2 && ops[0] !== "" && ops[0] !== "-"
        ? "trap sets code that runs later, when a signal arrives or the shell exits"
        : undefined;
    case "alias":
      return ops.some((a) => a === undefined || a.includes("="))
        ? "alias changes what a later command word runs"
        : undefined;
    case "hash":
      return opts.some((a) => a?.includes("p"))
        ? "hash -p changes which file a command name runs"
        : undefined;
    case "shopt":
    case "enable":
      return ops.length > 0 &&
        (name === "enable" || opts.some((a) => a?.includes("s") || a?.includes("u")))
        ? `${name} changes how later commands are read`
        : undefined;
    case "bind":
      return opts.some((a) => a?.includes("x"))
        ? "bind -x runs a command on a key press"
        : undefined;
    case "complete":
    case "compgen":
      return opts.some((a) => a?.includes("C") || a?.includes("F"))
        ? `${name} -C runs a command to complete words`
        : undefined;
    default:
      return undefined;
  }
}

/** The flow of a command whose output feeds nothing on: whether it used the network. */
function flowSince(host: Host, before: number): Flow {
  return { network: host.network > before, text: undefined };
}

function isKnownTool(name: string): boolean {
  return classify(name, []).class !== "unknown" || Object.hasOwn(INTERPRETERS, name);
}

function parallel(
  c: Ctx,
  args: Arg[],
  cwd: string,
  wrappers: string[],
  hazards: Hazard[],
  pending: Operation[],
  before: number,
): Flow {
  const rest = args.slice(1);
  const p = parseArgs(
    rest.map((a) => a.value),
    {
      stopAtOperand: true,
      shortValue: "jSINnLaEC",
      longValue: [
        "--jobs",
        "--sshlogin",
        "--arg-file",
        "--colsep",
        "--delay",
        "--timeout",
        "--joblog",
        "--results",
        "--halt",
        "--tagstring",
        "--workdir",
      ],
    },
  );
  const words = rest.slice(p.rest);
  const sep = words.findIndex((a) => a.value === ":::" || a.value === "::::" || a.value === ":::+");
  const cmd = sep < 0 ? words : words.slice(0, sep);
  const inputs: Arg[] =
    sep < 0 || words[sep]?.value === "::::"
      ? [{ value: undefined, text: "<input>", unknown: "input" }]
      : words
          .slice(sep + 1)
          .filter((a) => !a.value?.startsWith(":::"))
          .slice(0, 16);
  c.host.ops.push(...pending);
  if (cmd.length === 0) {
    c.host.ops.push(
      execOp(
        "parallel",
        rest,
        cwd,
        c,
        wrappers,
        "unknown",
        "parallel runs its inputs as commands",
        [...hazards, { check: "dynamic", reason: "parallel runs its inputs as commands" }],
      ),
    );
    return { network: c.host.network > before, text: undefined };
  }
  for (const input of inputs.length > 0
    ? inputs
    : [{ value: undefined, text: "<input>", unknown: "input" as const }]) {
    const inner = cmd.some((a) => a.value?.includes("{}"))
      ? cmd.map((a) =>
          a.value?.includes("{}")
            ? input.value === undefined
              ? input
              : { ...a, value: a.value.replaceAll("{}", input.value) }
            : a,
        )
      : [...cmd, input];
    runSimple(
      c.host,
      inner,
      [],
      c.text,
      { ...c.st, cwd },
      { wrappers: [...wrappers, "parallel"], inherited: hazards, depth: c.frame.depth + 1 },
      undefined,
    );
  }
  return { network: c.host.network > before, text: undefined };
}

/** Commands that need more than the tables: shells, interpreters, eval, source, cd. */
function special(
  c: Ctx,
  name: string,
  args: Arg[],
  cwd: string,
  wrappers: string[],
  hazards: Hazard[],
  before: number,
): Flow {
  const { host, feed } = c;
  const values = args.map((a) => a.value);
  if (c.frame.depth > MAX_NESTING) {
    host.ops.push(
      execOp(name, args, cwd, c, wrappers, "unknown", "nested too deeply to analyse", [
        ...hazards,
        { check: "unparseable", reason: "the command nests shells too deeply to analyse" },
      ]),
    );
    return flowSince(host, before);
  }
  const kind = runsCode(name);
  if (kind === "shell") {
    const p = parseArgs(values, {
      stopAtOperand: true,
      shortValue: "oO",
      longValue: ["--rcfile", "--init-file"],
    });
    if (hasOpt(p, "-c", "--command")) {
      const script = args[p.rest];
      if (!script) {
        host.ops.push(
          execOp(name, args, cwd, c, wrappers, "unknown", `${name} -c without a script`, [
            ...hazards,
            { check: "unparseable", reason: `${name} -c has no script` },
          ]),
        );
        return flowSince(host, before);
      }
      if (script.value === undefined || wrappers.includes("xargs")) {
        const h =
          script.value === undefined
            ? dynamicOrRemote(script, `${name} -c`)
            : {
                check: "dynamic" as const,
                reason: `xargs ${name} -c runs a script with arguments automode cannot see`,
              };
        host.ops.push(
          execOp(
            name,
            args,
            cwd,
            c,
            wrappers,
            "unknown",
            `${name} -c runs a script that is not a literal`,
            [...hazards, h],
          ),
        );
        if (script.value === undefined) return flowSince(host, before);
      }
      return host.script(
        script.value,
        { ...c.st, cwd, dirs: [...c.st.dirs] },
        { wrappers: [...wrappers, `${name} -c`], inherited: hazards, depth: c.frame.depth + 1 },
        feed,
      );
    }
    const file = args[p.rest];
    if (file && file.value !== "-" && !hasOpt(p, "-s")) {
      if (file.procsub || file.value === undefined) {
        host.ops.push(
          execOp(
            name,
            args,
            cwd,
            c,
            wrappers,
            "unknown",
            `${name} runs a script that is not a file`,
            [...hazards, dynamicOrRemote(file, name)],
          ),
        );
        return flowSince(host, before);
      }
      host.ops.push(
        execOp(
          name,
          args,
          cwd,
          c,
          wrappers,
          "development",
          `${name} runs the project script ${file.value}`,
          [...hazards, ...downloadedHazard(host, file.value, cwd, name)],
        ),
      );
      pathOp(host, "read", file, cwd, name);
      incidentalAll(
        host,
        args.filter((a) => a !== file),
        cwd,
        name,
        name,
      );
      return flowSince(host, before);
    }
    return stdinInterpreter(c, name, args, cwd, wrappers, hazards, before, true);
  }
  if (kind === "eval") {
    const h: Hazard = args.some((a) => a.network)
      ? { check: "remote-code", reason: "eval runs code downloaded from the network" }
      : { check: "dynamic", reason: "eval runs a string as a command" };
    host.ops.push(
      execOp(name, args, cwd, c, wrappers, "unknown", "eval runs a string as a command", [
        ...hazards,
        h,
      ]),
    );
    if (args.every((a) => a.value !== undefined) && args.length > 0) {
      host.script(
        args.map((a) => a.value).join(" "),
        { ...c.st, cwd, dirs: [...c.st.dirs] },
        { wrappers: [...wrappers, "eval"], inherited: [...hazards, h], depth: c.frame.depth + 1 },
        feed,
      );
    }
    return flowSince(host, before);
  }
  if (kind === "source" && args[0] && (args[0].procsub || args[0].value === undefined)) {
    host.ops.push(
      execOp(name, args, cwd, c, wrappers, "unknown", `${name} runs a script that is not a file`, [
        ...hazards,
        dynamicOrRemote(args[0], name),
      ]),
    );
    return flowSince(host, before);
  }
  const interp = kind === "interpreter" ? INTERPRETERS[name] : undefined;
  if (interp) {
    const r = interpreter(c, name, args, cwd, wrappers, hazards, before, interp);
    if (r) return r;
  }
  if (name === "cd" || name === "pushd" || name === "popd")
    return cd(c, name, args, wrappers, hazards, before);
  const changes = kind === "later" ? laterWords(name, values) : undefined;
  if (changes) {
    hazards.push({ check: "dynamic", reason: changes });
    const action = values[0];
    if (name === "trap" && action !== undefined && action !== "" && action !== "-")
      host.script(
        action,
        { ...c.st, cwd, dirs: [...c.st.dirs] },
        { wrappers: [...wrappers, "trap"], inherited: hazards, depth: c.frame.depth + 1 },
        undefined,
      );
  }
  return finish(c, name, args, cwd, wrappers, hazards, before);
}

function interpreter(
  c: Ctx,
  name: string,
  args: Arg[],
  cwd: string,
  wrappers: string[],
  hazards: Hazard[],
  before: number,
  interp: (typeof INTERPRETERS)[string],
): Flow | undefined {
  const { host } = c;
  const values = args.map((a) => a.value);
  if (name === "deno" || name === "bun") {
    // Only their inline forms are special; `deno run x.ts`, `bun test` go through the tables.
    const first = values[0];
    if (name === "deno" && first === "eval") {
      host.ops.push(
        execOp(name, args, cwd, c, wrappers, "development", "deno eval runs inline code", [
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
        name,
        args,
        cwd,
        c,
        wrappers,
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
    // `python -m pytest` is pytest; `python -m pip install` is pip.
    const modArgs: Arg[] = [{ value: mod.value, text: mod.value }, ...args.slice(p.rest)];
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
        name,
        args,
        cwd,
        c,
        wrappers,
        "read-only",
        `${name} --version only prints information`,
        hazards,
      ),
    );
    return { network: host.network > before, text: undefined };
  }
  const file = args[p.rest];
  if (file && file.value !== "-") {
    if (file.procsub || file.value === undefined) {
      host.ops.push(
        execOp(
          name,
          args,
          cwd,
          c,
          wrappers,
          "unknown",
          `${name} runs a script that is not a file`,
          [...hazards, dynamicOrRemote(file, name)],
        ),
      );
      return { network: host.network > before, text: undefined };
    }
    host.ops.push(
      execOp(
        name,
        args,
        cwd,
        c,
        wrappers,
        "development",
        `${name} runs the project script ${file.value}`,
        [...hazards, ...downloadedHazard(host, file.value, cwd, name)],
      ),
    );
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
  return stdinInterpreter(c, name, args, cwd, wrappers, hazards, before, false);
}

/** A shell or interpreter reading its program from stdin. */
function stdinInterpreter(
  c: Ctx,
  name: string,
  args: Arg[],
  cwd: string,
  wrappers: string[],
  hazards: Hazard[],
  before: number,
  shell: boolean,
): Flow {
  const { host, feed } = c;
  if (!feed) {
    host.ops.push(
      execOp(
        name,
        args,
        cwd,
        c,
        wrappers,
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
      name,
      args,
      cwd,
      c,
      wrappers,
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

function cd(
  c: Ctx,
  name: string,
  args: Arg[],
  wrappers: string[],
  hazards: Hazard[],
  before: number,
): Flow {
  const { host, st } = c;
  const p = parseArgs(
    args.map((a) => a.value),
    { stopAtOperand: false },
  );
  const target = p.operands[0] === undefined ? undefined : args[p.operands[0]];
  const from = st.cwd;
  let next: string | undefined;
  if (name === "popd") {
    next = st.dirs.pop();
    if (next === undefined)
      hazards.push({
        check: "dynamic",
        reason: "popd returns to a directory automode did not see",
      });
  } else if (!target) next = name === "cd" ? host.home : undefined;
  else if (target.value === undefined) {
    hazards.push({
      check: "dynamic",
      reason: `${name} ${target.text}: the directory is not a literal, so later paths are unknown`,
    });
  } else if (target.value === "-") {
    next = st.oldpwd;
    if (next === undefined)
      hazards.push({
        check: "dynamic",
        reason: "cd - returns to a directory automode did not see",
      });
  } else {
    next = posix.resolve(from, target.value);
    pathOp(host, "incidental", target, from, name);
  }
  host.ops.push(
    execOp(
      name,
      args,
      from,
      c,
      wrappers,
      "read-only",
      `${name} changes the working directory`,
      hazards,
    ),
  );
  if (next !== undefined) {
    if (name === "pushd") st.dirs.push(from);
    st.oldpwd = from;
    st.cwd = next;
  }
  return { network: host.network > before, text: undefined };
}

const GIT_CODE_CONFIG =
  /^(alias\.|core\.(pager|sshcommand|fsmonitor|hookspath|editor|askpass|gitproxy)|.*\.(command|cmd|program|textconv|helper|process|clean|smudge)$|diff\.external|protocol\.)/i;

/** The command that really runs: class, hazards and file operations from the tables. */
function finish(
  c: Ctx,
  name: string,
  args: Arg[],
  cwdIn: string,
  wrappers: string[],
  hazards: Hazard[],
  before: number,
): Flow {
  const { host, feed } = c;
  const values = args.map((a) => a.value);
  let cls = classify(name, values);
  const reading = isProjectFile(name) ? undefined : readInvocation(name, values);
  if (reading && reading.miss === undefined && reading.afterSub > cls.afterSub) {
    // The model found the subcommand past options the class table does not know (`pnpm -F web add`).
    const words = reading.program.path.slice(1);
    const again = classify(name, [...words, ...values.slice(reading.afterSub)]);
    cls = { ...again, sub: words, afterSub: reading.afterSub, chdir: cls.chdir };
  }
  let cwd = cwdIn;
  for (const d of cls.chdir) cwd = posix.resolve(cwd, d);
  // sed, awk, jq, yq, SQL and redis-cli programs: parsed, never pattern-matched; an option
  // or command they do not know makes the program not understood (a dynamic hazard).
  const program = isProjectFile(name)
    ? undefined
    : analyzeProgram(name, values, feed?.text, {
        stdinUnknown: feed !== undefined && feed.text === undefined,
      });
  let klass: CommandClass = cls.class;
  let reason = cls.reason;
  if (klass === "unknown" && isProjectFile(name)) {
    klass = "development";
    reason = `${name} runs a project file`;
  } else if (!isProjectFile(name) && program === undefined) {
    // sed, awk, jq, yq and the SQL clients are judged by languages/ (options and program).
    const cw = closedWorld(name, values, reading, klass, reason);
    klass = cw.class;
    reason = cw.reason;
  }
  if (c.envUnknown !== undefined && klass !== "global-config" && klass !== "unknown") {
    klass = "unknown";
    reason = `${c.envUnknown} is set for ${name}, and automode does not know what that variable changes`;
  }
  const opsBefore = host.ops.length;
  const effects = reading
    ? optionEffects(name, reading, values, cwd, {
        pathOp: (role, value, at, via) => {
          // The operand tables may already have emitted it (`sed -i`, `grep -f`).
          const same = host.ops.some(
            (o, k) => k >= opsBefore && o.kind === role && o.path === value && o.cwd === at,
          );
          if (!same) pathOp(host, role, { value, text: value }, at, via);
        },
        runLine: (line, at, via) => {
          host.script(line, innerState(c.st, at), innerFrame(c.frame, via, hazards), undefined);
        },
        runWords: (from, via, perInput) => {
          const words = args.slice(from);
          if (words.length === 0) return;
          const inner: Arg[] = perInput
            ? [...words, { value: undefined, text: "<input>", unknown: "input" }]
            : words;
          runSimple(
            host,
            inner,
            [],
            c.text,
            innerState(c.st, cwd),
            innerFrame(c.frame, via, hazards),
            undefined,
          );
        },
      })
    : undefined;
  if (name === "git" && reading) {
    // `git -c core.hooksPath=…`, `git config [--scope] CORE.HOOKSPATH …` move the hooks.
    const viaC = reading.found.some(
      (f) => f.def.value === "config" && HOOKS_PATH.test(f.value ?? ""),
    );
    const key =
      cls.sub[0] === "config"
        ? reading.operands.map((i) => values[i]).find((v) => v !== undefined)
        : undefined;
    // `git config KEY VALUE` setting a key that runs code (core.pager, alias.*) is dynamic.
    const setting = key !== undefined && reading.operands.length >= 2 ? gitSetting(key) : undefined;
    if (setting?.dynamic)
      hazards.push({ check: "dynamic", reason: `git config ${key} sets a command git runs later` });
    if (viaC || (key !== undefined && /^core\.hookspath$/i.test(key)))
      host.ops.push({
        kind: "write",
        path: hooksFolder(host, cwd),
        cwd,
        via: "git core.hooksPath",
      });
  }
  if (effects) {
    hazards.push(...effects.hazards);
    if (effects.hosts.length > 0 && (klass === "read-only" || klass === "development")) {
      klass = "network";
      reason = `${name} talks to ${effects.hosts[0]}`;
    }
  }
  if (name.includes("/")) {
    hazards.push(...downloadedHazard(host, name, cwd, name));
    // Running a file reads it: an ignored one is denied, one outside the project escalates.
    pathOp(host, "read", { value: name, text: name }, cwd, name);
  }
  if ((name === "source" || name === ".") && values[0] !== undefined)
    hazards.push(...downloadedHazard(host, values[0], cwd, name));
  const roles = assignRoles(name, values, cls.afterSub, cls.sub);
  if (
    roles.urls.length > 0 &&
    (klass === "read-only" || klass === "development" || klass === "unknown")
  ) {
    klass = "network";
    reason = `${name} talks to ${roles.urls[0]}`;
  }
  if (name === "find" && values.includes("-delete")) {
    roles.roles = roles.roles.map((r) => (r === "list" ? "delete-recursive" : r));
    roles.extra = roles.extra.map((e) =>
      e.role === "list" ? { ...e, role: "delete-recursive" } : e,
    );
  }
  // Destructive operations (SPEC section 5).
  const check = Object.hasOwn(DESTRUCTIVE, name) ? DESTRUCTIVE[name] : undefined;
  const d =
    check?.({
      name,
      args: values,
      afterSub: cls.afterSub,
      sub: cls.sub,
      wrappers,
      stdinText: feed?.text,
      cwd,
      fs: host.fs,
    }) ?? destructiveByName(name);
  if (d) hazards.push({ check: "destructive", reason: d });
  if (
    name === "rsync" &&
    values.some((v) => v?.startsWith("--delete") || v === "--remove-source-files")
  )
    hazards.push({
      check: "destructive",
      reason: "rsync --delete deletes files at the destination",
    });
  if (name === "git") {
    for (let i = 0; i < cls.afterSub; i++) {
      if (
        (values[i] === "-c" && GIT_CODE_CONFIG.test(values[i + 1] ?? "")) ||
        values[i] === "--config-env"
      )
        hazards.push({
          check: "dynamic",
          reason: `git ${values[i]} ${values[i + 1] ?? ""} can make git run another command`,
        });
    }
  }
  for (const r of program?.dynamic ?? []) hazards.push({ check: "dynamic", reason: r });
  for (const r of program?.destructive ?? []) hazards.push({ check: "destructive", reason: r });
  if (name === "git") {
    // `git show HEAD:.env` reads .env as committed: the path after the colon is a file.
    args.forEach((a, i) => {
      const m = a.value === undefined ? null : /^[^:\s-][^:\s]*:(.+)$/.exec(a.value);
      if (m?.[1] && !URL_LIKE.test(a.value as string) && !remoteLike(a.value as string))
        incidental(host, m[1], cwd, "git");
      void i;
    });
  }
  for (const reasonText of roles.dynamic)
    hazards.push({ check: "dynamic", reason: `${name}: ${reasonText}` });
  // Words automode cannot know, where a path may go.
  if (!NO_PATH_ARGS.has(name) && !TEST_COMMANDS.has(name)) {
    args.forEach((a, i) => {
      if (a.value !== undefined || roles.roles[i] === "plain") return;
      hazards.push(
        a.unknown === "input"
          ? {
              check: "dynamic",
              reason: `${wrappers.at(-1) ?? name} passes ${name} arguments from its input, which automode cannot see`,
            }
          : a.network
            ? {
                check: "remote-code",
                reason: `${name} is given ${a.text}, which comes from the network`,
              }
            : {
                check: "dynamic",
                reason: `${name} ${a.text}: the argument is not a literal, so the path it names is unknown`,
              },
      );
    });
  }
  const opsStart = host.ops.length;
  host.ops.push(execOp(name, args, cwd, c, wrappers, klass, reason, hazards));
  const via = name;
  args.forEach((a, i) => {
    const role = roles.roles[i];
    if (a.value === undefined || role === "plain" || role === "network") return;
    if (role === undefined) {
      if (NO_PATH_ARGS.has(name)) return;
      if (a.tree) pathOp(host, "read-recursive", a, cwd, via);
      // Global options (`git -C dir`) are read from where the command starts.
      else incidental(host, a.value, i < cls.afterSub ? cwdIn : cwd, via);
      return;
    }
    pathOp(host, role, a, cwd, via);
  });
  for (const e of roles.extra) pathOp(host, e.role, { value: e.path, text: e.path }, cwd, via);
  // The program's own files (`sed 'r f'`, `readfile('f')`), less those the tables already gave.
  const own = host.ops.slice(opsStart);
  for (const [kind, paths] of [
    ["read", program?.reads ?? []],
    ["write", program?.writes ?? []],
  ] as const) {
    for (const p of paths)
      if (!own.some((o) => o.kind === kind && o.path === p && o.cwd === cwd))
        pathOp(host, kind, { value: p, text: p }, cwd, via);
  }
  if (klass === "network") {
    // `curl -o x.sh URL`, `wget -O x.sh URL`: remember what now holds network content.
    args.forEach((a, i) => {
      if (roles.roles[i] === "write" && a.value !== undefined)
        host.downloaded.add(posix.resolve(cwd, a.value));
    });
    for (const e of roles.extra)
      if (e.role === "write") host.downloaded.add(posix.resolve(cwd, e.path));
  }
  for (const url of roles.urls) host.ops.push({ kind: "network", url, via });
  if (effects) {
    for (const url of effects.hosts)
      if (!roles.urls.includes(url)) host.ops.push({ kind: "network", url, via: name });
    effects.emit();
  }
  // `find … -exec cmd {} ;`: cmd runs on every file found under the roots.
  if (roles.execs.length > 0) {
    const rootIdx = roles.roles.flatMap((r, i) => (r === "list" ? [i] : []));
    const roots: Arg[] =
      rootIdx.length > 0 ? rootIdx.map((i) => args[i] as Arg) : [{ value: ".", text: "." }];
    for (const ex of roles.execs) {
      const words = args.slice(ex.start, ex.end);
      if (words.length === 0) continue;
      const inner: Arg[] = [];
      for (const w of words) {
        if (w.value === "{}") for (const r of roots) inner.push({ ...r, tree: true });
        else inner.push(w);
      }
      const innerCwd = ex.kind === "-execdir" || ex.kind === "-okdir" ? cwd : cwd;
      runSimple(
        host,
        inner,
        [],
        c.text,
        { ...c.st, cwd: innerCwd },
        {
          wrappers: [...wrappers, `find ${ex.kind}`],
          inherited: hazards.filter((h) => h.check === "privilege"),
          depth: c.frame.depth + 1,
        },
        undefined,
      );
    }
  }
  let text: string | undefined;
  if ((name === "echo" || name === "printf") && values.every((v) => v !== undefined))
    text = values.join(" ");
  else if (name === "cat" && args.length === 0) text = feed?.text;
  return { network: host.network > before, text };
}

/** Emits the operation for a path argument in a given role. */
export function pathOp(
  host: Host,
  role: Role | "incidental",
  a: Pick<Arg, "value" | "text" | "tree">,
  cwd: string,
  via: string,
): void {
  const path = a.value;
  if (path === undefined || path === "" || isHarmlessPath(path)) return;
  const tree = a.tree === true;
  switch (role) {
    case "read":
      host.ops.push(
        tree ? { kind: "read", path, cwd, recursive: true, via } : { kind: "read", path, cwd, via },
      );
      return;
    case "read-recursive":
      host.ops.push({ kind: "read", path, cwd, recursive: true, via });
      return;
    case "list":
      host.ops.push({ kind: "read", path, cwd, listing: true, via });
      return;
    case "write":
      host.ops.push({ kind: "write", path, cwd, via });
      if (isShellStartupFile(path, cwd, host.home)) {
        // SPEC tier matrix: shell rc files are global configuration, whoever writes them.
        host.ops.push({
          kind: "execute",
          command: { name: via, args: [path], cwd, text: `${via} ${path}`, wrappers: [] },
          class: "global-config",
          reason: `${via} writes ${path}, a shell startup file that runs in every new shell`,
          hazards: [],
        });
      }
      return;
    case "delete":
      host.ops.push(
        tree
          ? { kind: "delete", path, cwd, recursive: true, via }
          : { kind: "delete", path, cwd, via },
      );
      return;
    case "delete-recursive":
      host.ops.push({ kind: "delete", path, cwd, recursive: true, via });
      return;
    case "move":
      host.ops.push({ kind: "read", path, cwd, via });
      host.ops.push({ kind: "delete", path, cwd, recursive: tree || undefined, via });
      return;
    case "incidental":
      incidental(host, path, cwd, via);
      return;
    default:
      return;
  }
}

const STARTUP_FILES = new Set([
  ".bashrc",
  ".bash_profile",
  ".bash_login",
  ".bash_logout",
  ".profile",
  ".zshrc",
  ".zprofile",
  ".zshenv",
  ".zlogin",
  ".kshrc",
  ".cshrc",
  ".tcshrc",
  ".config/fish/config.fish",
]);

function isShellStartupFile(path: string, cwd: string, home: string): boolean {
  const rel = posix.relative(home, posix.resolve(cwd, path));
  return STARTUP_FILES.has(rel) || rel.startsWith(".config/fish/conf.d/");
}

/** `git@github.com:a/b`: an SSH remote, not `rev:path`. */
function remoteLike(v: string): boolean {
  return /^[^@:/]+@[^:]+:/.test(v);
}

/** Running a file that a network command wrote earlier in the same line is remote code. */
function downloadedHazard(host: Host, file: string, cwd: string, name: string): Hazard[] {
  if (host.downloaded.size === 0 || !host.downloaded.has(posix.resolve(cwd, file))) return [];
  return [
    {
      check: "remote-code",
      reason: `${name} runs ${file}, which was just downloaded from the network`,
    },
  ];
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * An argument of a command whose operands automode does not model: it may still name a
 * path (`vim .env`, `--env-file=.env`, `-o out`, `if=/dev/sda`), so it becomes an incidental
 * read that only the hard limits judge.
 */
export function incidental(host: Host, value: string, cwd: string, via: string): void {
  if (value === "" || URL_LIKE.test(value)) return;
  if (value.startsWith("--")) {
    const eq = value.indexOf("=");
    if (eq > 2) pushIncidental(host, value.slice(eq + 1), cwd, via);
    return;
  }
  if (value.startsWith("-") && value.length > 1) {
    // `-Isecrets/.env`, `-o.env`: a value glued to a short option.
    const rest = value.slice(2);
    if (/[./~]/.test(rest))
      pushIncidental(host, rest.startsWith("=") ? rest.slice(1) : rest, cwd, via);
    return;
  }
  pushIncidental(host, value, cwd, via);
  const eq = value.indexOf("=");
  if (eq > 0) pushIncidental(host, value.slice(eq + 1), cwd, via);
}

function pushIncidental(host: Host, path: string, cwd: string, via: string): void {
  if (path !== "" && !isHarmlessPath(path) && !URL_LIKE.test(path))
    host.ops.push({ kind: "read", path, cwd, incidental: true, via });
}

function incidentalAll(
  host: Host,
  args: readonly Arg[],
  cwd: string,
  via: string,
  name: string,
): void {
  if (NO_PATH_ARGS.has(name)) return;
  for (const a of args) if (a.value !== undefined) incidental(host, a.value, cwd, via);
}
