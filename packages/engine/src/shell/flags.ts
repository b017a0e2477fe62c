/** How a command's options are spelled, so values are not mistaken for operands. */
export interface OptSpec {
  /** Short options that take a value (`-n 5`, `-n5`), as one string of letters: "nc". */
  readonly shortValue?: string;
  /** Long options that take a value when given without `=` (`--lines 5`). With the dashes. */
  readonly longValue?: readonly string[];
  /** Options end at the first operand (POSIX, and every wrapper: `nice -n 5 cmd -x`). */
  readonly stopAtOperand?: boolean;
}

export interface Opt {
  /** `-r` or `--recursive`; a short cluster `-rf` gives `-r` and `-f`. */
  name: string;
  value?: string;
  /** Index of the argument that holds the value, when it is a separate argument. */
  valueIndex?: number;
  index: number;
}

export interface ParsedArgs {
  opts: Opt[];
  /** Indices of operands (non-option arguments), in order. */
  operands: number[];
  /** Index of the first operand when `stopAtOperand`: where the wrapped command starts. */
  rest: number;
}

const EMPTY: OptSpec = {};

/**
 * Parses GNU-style options. `args[i]` undefined means the word is not a literal: it is
 * taken as an operand (never as an option we could recognise).
 */
export function parseArgs(
  args: readonly (string | undefined)[],
  spec: OptSpec = EMPTY,
): ParsedArgs {
  const opts: Opt[] = [];
  const operands: number[] = [];
  let rest = args.length;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === undefined || a === "-" || !a.startsWith("-")) {
      if (spec.stopAtOperand) {
        rest = i;
        break;
      }
      operands.push(i);
      continue;
    }
    if (a === "--") {
      i++;
      if (spec.stopAtOperand) {
        rest = i;
        break;
      }
      for (; i < args.length; i++) operands.push(i);
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) {
        opts.push({ name: a.slice(0, eq), value: a.slice(eq + 1), index: i });
      } else if (spec.longValue?.includes(a) && i + 1 < args.length) {
        opts.push({ name: a, value: args[i + 1] ?? "", valueIndex: i + 1, index: i });
        i++;
      } else opts.push({ name: a, index: i });
      continue;
    }
    // Short cluster.
    for (let k = 1; k < a.length; k++) {
      const c = a[k] as string;
      if (spec.shortValue?.includes(c)) {
        const attached = a.slice(k + 1);
        if (attached !== "") opts.push({ name: `-${c}`, value: attached, index: i });
        else if (i + 1 < args.length) {
          opts.push({ name: `-${c}`, value: args[i + 1] ?? "", valueIndex: i + 1, index: i });
          i++;
        } else opts.push({ name: `-${c}`, index: i });
        break;
      }
      opts.push({ name: `-${c}`, index: i });
    }
  }
  if (!spec.stopAtOperand) rest = args.length;
  return { opts, operands, rest };
}

const FALSE = new Set(["false", "0", "no", "off", "never"]);

/** Is any of these options on? `--force=true` is on, `--force=false` is not. */
export function hasOpt(p: ParsedArgs, ...names: string[]): boolean {
  for (const o of p.opts) {
    if (names.includes(o.name) && (o.value === undefined || !FALSE.has(o.value.toLowerCase())))
      return true;
  }
  return false;
}

/**
 * GNU tools accept any unambiguous prefix of a long option: `rm --rec` is `rm --recursive`.
 * `min` is the shortest prefix that is unambiguous for that tool.
 */
export function hasLongAbbrev(p: ParsedArgs, full: string, min: number): boolean {
  for (const o of p.opts) {
    if (o.name.length >= min && full.startsWith(o.name)) {
      if (o.value === undefined || !FALSE.has(o.value.toLowerCase())) return true;
    }
  }
  return false;
}

/** Does a long option start with this prefix (`--force-with-lease=main`)? */
export function hasOptPrefix(p: ParsedArgs, prefix: string): boolean {
  return p.opts.some((o) => o.name.startsWith(prefix));
}

export function optValue(p: ParsedArgs, ...names: string[]): string | undefined {
  let v: string | undefined;
  for (const o of p.opts) if (names.includes(o.name) && o.value !== undefined) v = o.value;
  return v;
}

export function optValues(p: ParsedArgs, ...names: string[]): Opt[] {
  return p.opts.filter((o) => names.includes(o.name) && o.value !== undefined);
}
