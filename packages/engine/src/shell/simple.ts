import { posix } from "node:path";
import type { CommandClass, Hazard, Operation } from "../types.js";
import { cd } from "./cd.js";
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
import { caseFold, commandName, isProjectFile } from "./command-word.js";
import { contentsCopies } from "./contents.js";
import { contentsWrites } from "./contents-walk.js";
import { coverageRun } from "./coverage.js";
import { incidental, incidentalAll, pathOp } from "./emit.js";
import { onlyFileUrls } from "./file-urls.js";
import { findExecs } from "./find-exec.js";
import { hasOpt, parseArgs } from "./flags.js";
import { gitConfigEffects } from "./git-extras.js";
import { gitPaths } from "./git-paths.js";
import { expandGlob } from "./glob.js";
import { interpreter, stdinInterpreter } from "./interpreters.js";
import {
  assignment,
  type Ctx,
  downloadedHazard,
  dynamicOrRemote,
  execOp,
  flowSince,
  type Invocation,
  MAX_NESTING,
  runsNonLiteral,
  wordsAsLine,
} from "./invocation.js";
import { analyzeProgram } from "./languages/index.js";
import type { Feed, Flow, Frame, Host, State } from "./model.js";
import { assignRoles } from "./operands.js";
import { recordEffects } from "./overlay/effects.js";
import { workingTreeSwap } from "./overlay/swaps.js";
import { parallel } from "./parallel.js";
import { gitApplyWrites, patchWrites } from "./patch-targets.js";
import { cdTarget } from "./proc-paths.js";
import { runsCode } from "./runs-code.js";
import { stdinScript } from "./stdin-script.js";
import { NO_PATH_ARGS, TEST_COMMANDS } from "./tables/commands.js";
import { DESTRUCTIVE, destructiveByName } from "./tables/destructive.js";
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

export { caseFold, commandName } from "./command-word.js";
export { incidental, pathOp } from "./emit.js";

export interface Assign {
  name: string;
  word: Word | undefined;
}

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
      if (hasGlob(p) && host.overlay.globUnknown(p, cwd)) {
        out.push({ value: undefined, text: w.text, unknown: "variable" });
        continue;
      }
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
  const c: Ctx = { host, st, frame, feed, text, envUnknown: undefined, before: host.network };
  const before = c.before;
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
          execOp(
            c,
            { name: text, args: [], cwd, wrappers },
            "read-only",
            "sets a shell variable",
            hazards,
          ),
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
          c,
          { name: head.text, args: args.slice(1), cwd, wrappers },
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
        if (w.chdirOpts?.includes(o.name))
          cwd = cdTarget(cwd, o.value, `${name} ${o.name}`, hazards) ?? cwd;
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
      if (script && !w.eachOperandScript) {
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
              c,
              { name, args: rest, cwd, wrappers },
              "unknown",
              `${name} ${script.name} runs a script that is not a literal`,
              [...hazards, h],
            ),
          );
          return { network: host.network > before, text: undefined };
        }
        // `env -S 'A=1' sudo id`: the split string is followed by the words after it.
        const tail = w.splitString ? rest.slice(p.rest) : [];
        if (tail.some((a) => a.value === undefined)) {
          const bad = tail.find((a) => a.value === undefined) as Arg;
          return runsNonLiteral(
            c,
            { name, args: rest, cwd, wrappers },
            `${name} runs a command that is not a literal`,
            bad,
            name,
            hazards,
          );
        }
        const line = [value, ...tail.map((a) => shellQuote(a.value as string))].join(" ");
        return host.script(
          line,
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
            c,
            { name, args: rest, cwd, wrappers },
            shell ? "unknown" : cls.class,
            shell ? `${name} starts a shell as another user` : cls.reason,
            hazards,
          ),
        );
        if (name === "env" && rest.length === 0) flowText = undefined;
        return { network: host.network > before, text: flowText };
      }
      if (w.eachOperandScript) {
        // `hyperfine 'a' 'b'`, `concurrently 'a' 'b'`: every operand is a command line.
        host.ops.push(...pending);
        let flow: Flow = { network: false, text: undefined };
        const optScripts: Arg[] = p.opts
          .filter((o) => w.scriptOpts?.includes(o.name))
          .map((o) =>
            o.valueIndex !== undefined
              ? (rest[o.valueIndex] as Arg)
              : { value: o.value, text: o.value ?? "" },
          );
        for (const a of [...optScripts, ...rest.slice(start)]) {
          if (a.value === undefined) {
            hazards.push(dynamicOrRemote(a, name));
            host.ops.push(
              execOp(
                c,
                { name, args: rest, cwd, wrappers },
                "unknown",
                `${name} runs a command that is not a literal`,
                hazards,
              ),
            );
            continue;
          }
          flow = host.script(
            a.value,
            { ...st, cwd, dirs: [...st.dirs] },
            { wrappers: [...wrappers, name], inherited: hazards, depth: frame.depth + 1 },
            undefined,
          );
        }
        return { network: host.network > before || flow.network, text: undefined };
      }
      if (w.joinsScript && !hasOpt(p, "-x", "--exec")) {
        host.ops.push(...pending);
        return wordsAsLine(
          c,
          { name, args: rest, cwd, wrappers },
          rest.slice(start),
          name,
          hazards,
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
    if (name === "coverage" && args[1]?.value === "run") {
      // `coverage run -m pytest` runs pytest: the program it runs decides.
      const py = coverageRun(args, cwd);
      if (py) {
        pending.push(...py.ops);
        wrappers.push("coverage run");
        args = py.args;
        continue;
      }
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
        const call = runner.callOpts
          ? p.opts.find((o) => runner.callOpts?.includes(o.name))
          : undefined;
        if (call) {
          // `npx -c 'cmd'`: the value is a shell command line.
          host.ops.push(...pending);
          const arg = call.valueIndex !== undefined ? rest[call.valueIndex] : undefined;
          if (call.value === undefined || (arg && arg.value === undefined)) {
            return runsNonLiteral(
              c,
              { name, args: rest, cwd, wrappers },
              `${runnerKey} ${call.name} runs a command that is not a literal`,
              arg ?? { value: undefined, text: "" },
              runnerKey,
              hazards,
            );
          }
          return host.script(
            call.value,
            { ...st, cwd, dirs: [...st.dirs] },
            {
              wrappers: [...wrappers, `${runnerKey} ${call.name}`],
              inherited: hazards,
              depth: frame.depth + 1,
            },
            feed,
          );
        }
        if (
          tool.length > 0 &&
          (runner.alwaysShell || (runner.shellMode && hasOpt(p, ...runner.shellMode)))
        ) {
          // `pnpm exec -c 'cmd'`: the words are one shell command line.
          host.ops.push(...pending);
          return wordsAsLine(c, { name, args: rest, cwd, wrappers }, tool, runnerKey, hazards);
        }
        if (tool.length > 0) {
          const t = tool[0]?.value;
          wrappers.push(runnerKey);
          if (runner.downloads && t !== undefined && !isKnownTool(commandName(t))) {
            host.ops.push(...pending);
            host.ops.push(
              execOp(
                c,
                { name: commandName(t), args: tool.slice(1), cwd, wrappers },
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
    if (kind === "parallel") return parallel(c, { name, args, cwd, wrappers, hazards }, pending);
    break;
  }
  const head = args[0] as Arg;
  const name = caseFold(commandName(head.value as string, cwd));
  host.ops.push(...pending);
  return special(c, { name, args: args.slice(1), cwd, wrappers, hazards });
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

function isKnownTool(name: string): boolean {
  return classify(name, []).class !== "unknown" || Object.hasOwn(INTERPRETERS, name);
}

/** Commands that need more than the tables: shells, interpreters, eval, source, cd. */
function special(c: Ctx, inv: Invocation): Flow {
  const { name, args, cwd, wrappers, hazards } = inv;
  const { host, feed, before } = c;
  const values = args.map((a) => a.value);
  if (c.frame.depth > MAX_NESTING) {
    host.ops.push(
      execOp(c, { name, args, cwd, wrappers }, "unknown", "nested too deeply to analyse", [
        ...hazards,
        { check: "unparseable", reason: "the command nests shells too deeply to analyse" },
      ]),
    );
    return flowSince(host, before);
  }
  const fromStdin = stdinScript(c, inv);
  if (fromStdin) return fromStdin;
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
          execOp(c, { name, args, cwd, wrappers }, "unknown", `${name} -c without a script`, [
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
            c,
            { name, args, cwd, wrappers },
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
        return runsNonLiteral(
          c,
          { name, args, cwd, wrappers },
          `${name} runs a script that is not a file`,
          file,
          name,
          hazards,
        );
      }
      host.ops.push(
        execOp(
          c,
          { name, args, cwd, wrappers },
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
    return stdinInterpreter(c, inv, true);
  }
  if (kind === "eval") {
    const h: Hazard = args.some((a) => a.network)
      ? { check: "remote-code", reason: "eval runs code downloaded from the network" }
      : { check: "dynamic", reason: "eval runs a string as a command" };
    host.ops.push(
      execOp(c, { name, args, cwd, wrappers }, "unknown", "eval runs a string as a command", [
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
    return runsNonLiteral(
      c,
      { name, args, cwd, wrappers },
      `${name} runs a script that is not a file`,
      args[0],
      name,
      hazards,
    );
  }
  const interp = kind === "interpreter" ? INTERPRETERS[name] : undefined;
  if (interp) {
    const r = interpreter(c, inv, interp);
    if (r) return r;
  }
  if (name === "cd" || name === "pushd" || name === "popd") return cd(c, inv);
  const changes = kind === "later" ? laterWords(name, values) : undefined;
  if (changes) {
    hazards.push({ check: "dynamic", reason: changes });
    // `trap [--] ACTION SIGNAL…`: the first word that is not an option.
    const action = values.find((v) => v === undefined || !v.startsWith("-") || v === "-");
    if (name === "trap" && action !== undefined && action !== "" && action !== "-")
      host.script(
        action,
        { ...c.st, cwd, dirs: [...c.st.dirs] },
        { wrappers: [...wrappers, "trap"], inherited: hazards, depth: c.frame.depth + 1 },
        undefined,
      );
  }
  return finish(c, inv);
}

/** The command that really runs: class, hazards and file operations from the tables. */
function finish(c: Ctx, inv: Invocation): Flow {
  const { name, args, cwd: cwdIn, wrappers, hazards } = inv;
  const { host, feed, before } = c;
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
  for (const d of cls.chdir) cwd = cdTarget(cwd, d, `${name} -C`, hazards) ?? cwd;
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
    ? optionEffects(name, reading, values, cwd, cwdIn, {
        pathOp: (role, value, at, via) => {
          // The operand tables may already have emitted it (`sed -i`, `grep -f`).
          const kind = role === "list" ? "read" : role;
          const same = host.ops.some(
            (o, k) =>
              k >= opsBefore &&
              o.kind === kind &&
              o.path === value &&
              o.cwd === at &&
              !(o.kind === "read" && o.incidental),
          );
          if (!same) pathOp(host, role, { value, text: value }, at, via);
        },
        runLine: (line, at, via) => {
          host.script(line, innerState(c.st, at), innerFrame(c.frame, via, hazards), undefined);
        },
        runWords: (from, via, perInput, first) => {
          const words =
            first === undefined
              ? args.slice(from)
              : [{ value: first, text: first }, ...args.slice(from)];
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
  if (name === "git" && reading) gitConfigEffects(host, reading, cls.sub, values, cwd, hazards);
  // A patch writes the files it names (`git apply x.patch` onto `.claude/policy.json`).
  const patched =
    name === "git" && (cls.sub[0] === "apply" || cls.sub[0] === "am")
      ? gitApplyWrites(cls.sub[0], values.slice(cls.afterSub), cwd, host.fs, feed?.text)
      : name === "patch"
        ? patchWrites(values, cwd, host.fs, feed?.text)
        : undefined;
  if (patched?.unseen) hazards.push({ check: "dynamic", reason: patched.unseen });
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
  if (klass === "network" && onlyFileUrls(name, values, roles.urls, effects?.hosts ?? [])) {
    klass = "read-only";
    reason = `${name} reads local files through file:// URLs`;
  }
  if (name === "find" && values.includes("-delete")) {
    roles.roles = roles.roles.map((r) => (r === "list" ? "delete-recursive" : r));
    roles.extra = roles.extra.map((e) =>
      e.role === "list" ? { ...e, role: "delete-recursive" } : e,
    );
  }
  // Destructive operations (SPEC section 5).
  // A command word that is a path is also judged by its file name: `./mvnw deploy` and
  // `./gradlew publish` forward to the tool they are named for. Only ever more severe.
  const destructiveName = Object.hasOwn(DESTRUCTIVE, name) ? name : posix.basename(name);
  const check = Object.hasOwn(DESTRUCTIVE, destructiveName)
    ? DESTRUCTIVE[destructiveName]
    : undefined;
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
    }) ?? destructiveByName(destructiveName);
  if (d) hazards.push({ check: "destructive", reason: d });
  if (
    name === "rsync" &&
    values.some((v) => v?.startsWith("--delete") || v === "--remove-source-files")
  )
    hazards.push({
      check: "destructive",
      reason: "rsync --delete deletes files at the destination",
    });
  for (const r of program?.dynamic ?? []) hazards.push({ check: "dynamic", reason: r });
  for (const r of program?.destructive ?? []) hazards.push({ check: "destructive", reason: r });
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
  host.ops.push(execOp(c, { name, args, cwd, wrappers }, klass, reason, hazards));
  const via = name;
  for (const p of patched?.paths ?? [])
    pathOp(host, "write", { value: p, text: p }, cwd, `${name} (patch)`);
  if (name === "git")
    gitPaths(host, {
      reading,
      args,
      sub: cls.sub,
      afterSub: cls.afterSub,
      cwdIn,
      cwd,
      class: klass,
      feed,
    });
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
  for (const c of contentsCopies(name, values)) contentsWrites(host, c, cwd, name);
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
  for (const url of roles.urls) host.ops.push({ kind: "network", url, via });
  if (effects) {
    for (const url of effects.hosts)
      if (!roles.urls.includes(url)) host.ops.push({ kind: "network", url, via: name });
    effects.emit();
  }
  if (name === "git") workingTreeSwap(host, values, cls.sub, cls.afterSub, cwd);
  recordEffects(host, {
    name,
    args,
    sub: cls.sub,
    cwd,
    klass,
    feedNetwork: feed?.network === true,
    opsStart,
    urls: roles.urls,
  });
  if (roles.execs.length > 0) findExecs(c, { ...inv, cwd }, roles);
  let text: string | undefined;
  if ((name === "echo" || name === "printf") && values.every((v) => v !== undefined))
    text = values.join(" ");
  else if (name === "cat" && args.length === 0) text = feed?.text;
  return { network: host.network > before, text };
}

/** A word as bash would read it back: plain when it has no special characters, else quoted. */
function shellQuote(v: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(v) ? v : `'${v.replaceAll("'", "'\\''")}'`;
}
