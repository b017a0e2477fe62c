import type { OptionDef, OptionEffect, Program } from "./types.js";

/** One option found in an invocation, with its value. */
export interface Found {
  readonly def: OptionEffect & Pick<OptionDef, "value">;
  /** The spelling given (after abbreviation: the full name). */
  readonly name: string;
  readonly value: string | undefined;
  /** Index of the option word in `args`. */
  readonly index: number;
  /** Index of the value word, when it is a separate word. */
  readonly valueIndex: number | undefined;
}

/** How an invocation reads against its model. */
export interface Reading {
  /** The deepest program reached (`git log`). */
  readonly program: Program;
  /** Why the invocation is outside the model, when it is (the closed world's miss). */
  readonly miss: string | undefined;
  readonly found: Found[];
  readonly operands: number[];
  /** Index after the last subcommand word. */
  readonly afterSub: number;
  /** Index where a command it runs starts (`git bisect run CMD…`, `fd -x CMD…`). */
  readonly runsFrom: number | undefined;
  /** The operands are a shell script (`git submodule foreach '…'`). */
  readonly runsScript: boolean;
  /** The first operand names a package script it runs (`pnpm build`). */
  readonly script: string | undefined;
}

function lookupLong(p: Program, name: string): { def: OptionDef; full: string } | undefined {
  const exact = p.options.get(name);
  if (exact) return { def: exact, full: name };
  if (p.negatable && name.startsWith("--no-") && p.options.has(`--${name.slice(5)}`))
    return { def: { names: [name] }, full: name };
  if (!p.abbrev || name.length < 3) return undefined;
  // getopt_long and git's parse-options take a unique prefix; `--no-` forms are listed as such.
  let hit: string | undefined;
  for (const l of p.longs) {
    if (!l.startsWith(name)) continue;
    if (hit !== undefined && p.options.get(hit) !== p.options.get(l)) return undefined;
    hit = l;
  }
  if (hit === undefined) return undefined;
  const def = p.options.get(hit);
  return def ? { def, full: hit } : undefined;
}

/**
 * Reads `args` (the words after the command name; undefined where not a literal) against a
 * program model. Total: anything the model does not know is reported as `miss`.
 */
export function readArgs(top: Program, args: readonly (string | undefined)[]): Reading {
  let p = top;
  const found: Found[] = [];
  const operands: number[] = [];
  let afterSub = 0;
  let endOpts = false;
  let script: string | undefined;
  const done = (miss: string | undefined, runsFrom?: number, runsScript = false): Reading => ({
    program: p,
    miss,
    found,
    operands,
    afterSub,
    runsFrom,
    runsScript,
    script,
  });
  const words = () => p.path.join(" ");
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!endOpts && a === "--") {
      endOpts = true;
      continue;
    }
    const isOption =
      !endOpts &&
      !(p.unknownAreOperands && a !== undefined && !p.options.has(a)) &&
      a !== undefined &&
      a.length > 1 &&
      a.startsWith("-") &&
      !(p.numberOption && /^-\d+$/.test(a));
    if (!isOption) {
      // An operand.
      // A number option (`git reflog -10`) is not a subcommand; like an operand, it ends the
      // search for one (git reads only the first word as `reflog`'s subcommand).
      const numberOpt = p.numberOption && a !== undefined && /^-\d+$/.test(a);
      if (p.sub && operands.length === 0 && script === undefined && !numberOpt) {
        const next = a === undefined ? undefined : p.sub.get(a);
        if (next) {
          p = next;
          afterSub = i + 1;
          endOpts = next.passRest;
          continue;
        }
        if (a === undefined) return done(`${words()} is given a subcommand that is not a literal`);
        if (p.scriptFallback && !a.startsWith("-")) {
          script = a;
          operands.push(i);
          // The script's own arguments are passed to it, not read by the package manager.
          endOpts = true;
          continue;
        }
        return done(`${words()} ${a} is not a subcommand automode knows`);
      }
      if (p.operands === "runs") return done(undefined, i);
      if (p.operands === "script") return done(undefined, i, true);
      if (p.operands === "none" && script === undefined)
        return done(`${words()} takes no operand ${a ?? ""}`.trimEnd());
      operands.push(i);
      if (p.stopAtOperand) endOpts = true;
      continue;
    }
    if (a.startsWith("--") || p.singleDashLong || (a.length > 2 && p.options.has(a))) {
      const eq = a.indexOf("=");
      const given = eq > 0 ? a.slice(0, eq) : a;
      const name = p.singleDashLong && !given.startsWith("--") ? given : given;
      let hit = lookupLong(p, name);
      if (!hit && p.singleDashLong) {
        // Go's flag package takes `-flag` and `--flag` alike.
        const alt = name.startsWith("--") ? name.slice(1) : `-${name}`;
        hit = lookupLong(p, alt);
      }
      if (!hit) return done(`${words()} ${given} is not an option automode knows`);
      const { def, full } = hit;
      if (def.value !== undefined) {
        if (eq > 0)
          found.push({ def, name: full, value: a.slice(eq + 1), index: i, valueIndex: undefined });
        else if (def.optionalValue)
          found.push({ def, name: full, value: undefined, index: i, valueIndex: undefined });
        else if (i + 1 < args.length) {
          found.push({ def, name: full, value: args[i + 1], index: i, valueIndex: i + 1 });
          i++;
        } else found.push({ def, name: full, value: undefined, index: i, valueIndex: undefined });
      } else {
        // `--force=true` is the flag on (as hasOpt reads it); the value is not a path.
        found.push({
          def,
          name: full,
          value: eq > 0 ? a.slice(eq + 1) : undefined,
          index: i,
          valueIndex: undefined,
        });
      }
      if (def.runsRest) return done(undefined, i + 1);
      continue;
    }
    // A cluster of short options: `-rf`, `-n5`, `-ofile`.
    for (let k = 1; k < a.length; k++) {
      const c = `-${a[k]}`;
      const def = p.options.get(c);
      if (!def) return done(`${words()} ${c} is not an option automode knows`);
      if (def.value !== undefined) {
        const attached = a.slice(k + 1);
        if (attached !== "")
          found.push({
            def,
            name: c,
            value: attached.startsWith("=") && def.value !== "text" ? attached.slice(1) : attached,
            index: i,
            valueIndex: undefined,
          });
        else if (def.optionalValue)
          found.push({ def, name: c, value: undefined, index: i, valueIndex: undefined });
        else if (i + 1 < args.length) {
          found.push({ def, name: c, value: args[i + 1], index: i, valueIndex: i + 1 });
          i++;
        } else found.push({ def, name: c, value: undefined, index: i, valueIndex: undefined });
        if (def.runsRest) return done(undefined, i + 1);
        break;
      }
      if (def.runsRest) {
        // `fd -xrm -rf x`: the rest of the cluster is the command word.
        const attached = a.slice(k + 1);
        found.push({
          def,
          name: c,
          value: attached === "" ? undefined : attached,
          index: i,
          valueIndex: undefined,
        });
        return done(undefined, i + 1);
      }
      found.push({ def, name: c, value: undefined, index: i, valueIndex: undefined });
    }
  }
  if (p.sub && afterSub === 0 && script === undefined && p === top && p.operands === "none") {
    // A bare program with subcommands and no operand: only its options (`git --version`).
  }
  return done(undefined);
}
