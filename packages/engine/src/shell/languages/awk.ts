import { AwkLexError, type AwkToken, lexAwk } from "./awk-lexer.js";
import { attached, flag, type OptTable, parseOptions, value } from "./getopt.js";
import {
  Analysis,
  type ProgramAnalysis,
  type ProgramArg,
  type ProgramFiles,
  show,
} from "./result.js";

/** POSIX awk, gawk 5 and mawk options (mawk's `-W` takes a small closed set). */
const OPTIONS: OptTable = {
  permute: false,
  prefixes: true,
  short: {
    F: value("flag"),
    v: value("flag"),
    f: value("file"),
    E: value("file"),
    e: value("source"),
    i: value("include"),
    l: value("load"),
    d: attached("dump"),
    o: attached("pretty"),
    p: attached("profile"),
    D: attached("debug"),
    L: attached("flag"),
    W: value("mawk"),
    b: flag("flag"),
    c: flag("flag"),
    C: flag("flag"),
    g: flag("flag"),
    h: flag("flag"),
    k: flag("flag"),
    M: flag("flag"),
    n: flag("flag"),
    N: flag("flag"),
    O: flag("flag"),
    P: flag("flag"),
    r: flag("flag"),
    s: flag("flag"),
    S: flag("flag"),
    t: flag("flag"),
    V: flag("flag"),
  },
  long: {
    "field-separator": value("flag"),
    assign: value("flag"),
    file: value("file"),
    exec: value("file"),
    source: value("source"),
    include: value("include"),
    load: value("load"),
    "dump-variables": attached("dump"),
    "pretty-print": attached("pretty"),
    profile: attached("profile"),
    debug: attached("debug"),
    lint: attached("flag"),
    "characters-as-bytes": flag("flag"),
    traditional: flag("flag"),
    copyright: flag("flag"),
    "gen-pot": flag("flag"),
    help: flag("flag"),
    csv: flag("flag"),
    bignum: flag("flag"),
    "use-lc-numeric": flag("flag"),
    "no-optimize": flag("flag"),
    "non-decimal-data": flag("flag"),
    optimize: flag("flag"),
    posix: flag("flag"),
    "re-interval": flag("flag"),
    "lint-old": flag("flag"),
    sandbox: flag("flag"),
    version: flag("flag"),
  },
};

const MAWK_W = /^(version|v|interactive|i|usage|u|help|h|posix_space|sprintf=[0-9]+)$/;

/** awk's and gawk's built-in functions (`getline`, `system` and `close` handled apart). */
const BUILTINS = new Set(
  (
    "length substr index split sub gsub match sprintf sin cos atan2 exp log sqrt int rand " +
    "srand tolower toupper close fflush gensub strftime systime mktime asort asorti patsplit " +
    "isarray typeof and or xor lshift rshift compl strtonum dcgettext dcngettext " +
    "bindtextdomain mkbool"
  ).split(" "),
);

/** Statement words after which `(` is grouping, not a call. */
const KEYWORDS = new Set([
  "if",
  "while",
  "for",
  "switch",
  "return",
  "print",
  "printf",
  "in",
  "delete",
  "do",
  "else",
  "getline",
  "exit",
  "next",
  "nextfile",
  "break",
  "continue",
  "case",
  "default",
  "function",
  "func",
  "BEGIN",
  "END",
  "BEGINFILE",
  "ENDFILE",
]);

const ASSIGN = new Set(["=", "+=", "-=", "*=", "/=", "%=", "^=", "**=", "++", "--"]);

function isOp(t: AwkToken | undefined, ...v: string[]): boolean {
  return t !== undefined && t.t === "op" && v.includes(t.v);
}

/** The target of a redirect from token k: a literal file name, or undefined when computed. */
function literalTarget(
  toks: readonly AwkToken[],
  k: number,
  wholeStatement: boolean,
): string | undefined {
  let end = k;
  if (wholeStatement) {
    let depth = 0;
    while (end < toks.length) {
      const t = toks[end] as AwkToken;
      if (t.t === "op" && "([{".includes(t.v)) depth++;
      else if (t.t === "op" && ")]}".includes(t.v)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (t.t === "newline" || isOp(t, ";"))) break;
      end++;
    }
  } else end = isOp(toks[k], "(") ? k + 3 : k + 1;
  const span = toks.slice(k, end);
  const inner = span.length === 3 && isOp(span[0], "(") && isOp(span[2], ")") ? [span[1]] : span;
  return inner.length === 1 && inner[0]?.t === "string" ? inner[0].v : undefined;
}

function target(
  out: Analysis,
  name: string | undefined,
  kind: "read" | "write",
  what: string,
): void {
  if (name === undefined) {
    out.runs(`awk ${what} a file whose name is computed, which automode cannot know`);
  } else if (name.startsWith("/inet")) {
    out.runs(`awk ${what} the network special file ${show(name)}`);
  } else if (kind === "read") out.read(name);
  else out.write(name);
}

/** Analyses one awk program's text into `out`. */
export function analyzeAwkProgram(text: string, out: Analysis): void {
  let toks: AwkToken[];
  try {
    toks = lexAwk(text);
  } catch (e) {
    if (e instanceof AwkLexError) {
      out.fail(`awk program: ${e.message}`);
      return;
    }
    throw e;
  }
  const defined = new Set<string>();
  toks.forEach((t, k) => {
    const n = toks[k + 1];
    if (
      t.t === "name" &&
      (t.v === "function" || t.v === "func") &&
      n &&
      (n.t === "funcname" || n.t === "name")
    )
      defined.add(n.v);
  });
  // Brackets must balance, or the token walk below means nothing.
  const stack: string[] = [];
  for (const t of toks) {
    if (t.t !== "op") continue;
    if ("([{".includes(t.v)) stack.push(t.v);
    else if (")]}".includes(t.v)) {
      const open = stack.pop();
      if (open !== { ")": "(", "]": "[", "}": "{" }[t.v]) {
        out.fail(`awk program: unbalanced \`${t.v}\` at ${t.at + 1}`);
        return;
      }
    }
  }
  if (stack.length > 0) {
    out.fail(`awk program: unclosed \`${stack.at(-1)}\``);
    return;
  }
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as AwkToken;
    const prev = toks[k - 1];
    if (t.t === "op" && t.v === "|&") out.runs("awk `|&` talks to a coprocess (a command)");
    if (t.t === "at") {
      if (t.v === "include") {
        const f = toks[k + 1];
        if (f?.t === "string") {
          out.script(f.v);
          out.fail(`awk @include ${show(f.v)}: the included file is not analysed`);
        } else out.fail("awk @include without a literal file");
      } else if (t.v === "load") out.runs("awk @load loads a shared library");
      else if (t.v !== "namespace") out.runs(`awk @${show(t.v)}() calls a function by name`);
      continue;
    }
    if (t.t === "funcname") {
      const called = prev?.t === "name" && (prev.v === "function" || prev.v === "func");
      if (t.v === "system") out.runs("awk system() runs a shell command");
      else if (
        !called &&
        !BUILTINS.has(t.v) &&
        !defined.has(t.v) &&
        !KEYWORDS.has(t.v) &&
        t.v !== "getline"
      )
        out.fail(`awk program calls the unknown function ${show(t.v)}()`);
    }
    if ((t.t === "name" || t.t === "funcname") && t.v === "getline") {
      if (isOp(prev, "|")) out.runs("awk `cmd | getline` runs a shell command");
      // `getline [lvalue] < file`: skip a plain variable, `$expr` or `name[…]`.
      let j = k + 1;
      const n = toks[j];
      if (n?.t === "name" && !KEYWORDS.has(n.v)) {
        j++;
        if (isOp(toks[j], "[")) {
          let depth = 0;
          for (; j < toks.length; j++) {
            if (isOp(toks[j], "[")) depth++;
            else if (isOp(toks[j], "]") && --depth === 0) break;
          }
          j++;
        }
      } else if (isOp(n, "$")) {
        j++;
        if (toks[j]?.t === "name" || toks[j]?.t === "number") j++;
        else if (isOp(toks[j], "(")) {
          let depth = 0;
          for (; j < toks.length; j++) {
            if (isOp(toks[j], "(")) depth++;
            else if (isOp(toks[j], ")") && --depth === 0) break;
          }
          j++;
        }
      }
      if (isOp(toks[j], "<"))
        target(out, literalTarget(toks, j + 1, false), "read", "getline reads");
      if (n?.t === "name" && (n.v === "ARGV" || n.v === "ARGC"))
        out.runs("awk getline into ARGV/ARGC changes the files awk reads");
      continue;
    }
    if ((t.t === "name" || t.t === "funcname") && (t.v === "print" || t.v === "printf")) {
      let depth = 0;
      for (let j = k + 1; j < toks.length; j++) {
        const u = toks[j] as AwkToken;
        if (u.t === "op" && "([{".includes(u.v)) depth++;
        else if (u.t === "op" && ")]}".includes(u.v)) {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (u.t === "newline" || isOp(u, ";"))) break;
        else if (depth === 0 && isOp(u, ">", ">>")) {
          target(out, literalTarget(toks, j + 1, true), "write", `${t.v} ${u.v} writes`);
          break;
        } else if (depth === 0 && isOp(u, "|")) {
          out.runs(`awk \`${t.v} | cmd\` runs a shell command`);
          break;
        }
      }
      continue;
    }
    if (t.t === "name" && (t.v === "ARGV" || t.v === "ARGC")) {
      let j = k + 1;
      if (t.v === "ARGV" && isOp(toks[j], "[")) {
        let depth = 0;
        for (; j < toks.length; j++) {
          if (isOp(toks[j], "[")) depth++;
          else if (isOp(toks[j], "]") && --depth === 0) break;
        }
        j++;
      } else if (t.v === "ARGV" && !(prev?.t === "name" && prev.v === "in")) {
        out.runs("awk passes ARGV to a function, which can change the files awk reads");
      }
      const after = toks[j];
      if (
        (after?.t === "op" && ASSIGN.has(after.v)) ||
        isOp(prev, "++", "--") ||
        (prev?.t === "name" && prev.v === "delete")
      )
        out.runs(`awk assigns to ${t.v}, which changes the files awk reads`);
    }
  }
}

/** `awk [options] 'program' [file | var=value …]`. */
export function analyzeAwk(args: readonly ProgramArg[], files?: ProgramFiles): ProgramAnalysis {
  const out = new Analysis();
  const p = parseOptions(args, OPTIONS);
  if (!p.ok) {
    out.fail(`awk: ${p.error}`);
    return out.done();
  }
  const texts: string[] = [];
  let given = false;
  const fromFile = (f: ProgramArg, what: string): void => {
    given = true;
    if (f === undefined) {
      out.fail(`awk ${what}: the file name is not a literal`);
      return;
    }
    if (f === "-" || f === "/dev/stdin") {
      out.fail(`awk ${what} -: the program comes from standard input`);
      return;
    }
    out.script(f);
    const text = files?.get(f);
    if (text === undefined) out.fail(`awk ${what} ${show(f)}: the program file is not analysed`);
    else texts.push(text);
  };
  for (const o of p.opts) {
    if (o.id === "file") fromFile(o.value, o.spelled);
    else if (o.id === "include") fromFile(o.value, o.spelled);
    else if (o.id === "source") {
      given = true;
      if (o.value === undefined) out.fail(`awk ${o.spelled}: the program is not a literal`);
      else texts.push(o.value);
    } else if (o.id === "load") out.runs(`awk ${o.spelled} loads a shared library`);
    else if (o.id === "dump") out.write(o.value ?? "awkvars.out");
    else if (o.id === "pretty" || o.id === "profile") out.write(o.value ?? "awkprof.out");
    else if (o.id === "debug") out.fail(`awk ${o.spelled} starts the interactive debugger`);
    else if (o.id === "mawk" && (o.value === undefined || !MAWK_W.test(o.value)))
      out.fail(`awk -W ${show(o.value ?? "?")} is not known`);
  }
  const operands = [...p.operands];
  if (!given) {
    const program = operands.shift();
    if (program === undefined) {
      out.fail(args.length === 0 ? "awk: no program" : "awk: the program is not a literal");
      return out.done();
    }
    texts.push(program);
  }
  for (const t of texts) analyzeAwkProgram(t, out);
  for (const f of operands) {
    // `var=value` operands are assignments, not files.
    if (f === undefined || /^[A-Za-z_][A-Za-z0-9_]*=/.test(f)) continue;
    out.read(f);
  }
  return out.done();
}
