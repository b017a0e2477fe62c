import { attached, flag, type OptTable, parseOptions, value } from "./getopt.js";
import {
  Analysis,
  type ProgramAnalysis,
  type ProgramArg,
  type ProgramFiles,
  show,
} from "./result.js";

/** GNU sed 4.9's options (BSD's `-i SUFFIX` as a separate word is read the GNU way). */
const OPTIONS: OptTable = {
  permute: true,
  prefixes: true,
  short: {
    n: flag("quiet"),
    e: value("expression"),
    f: value("file"),
    i: attached("in-place"),
    E: flag("flag"),
    r: flag("flag"),
    s: flag("flag"),
    z: flag("flag"),
    u: flag("flag"),
    b: flag("flag"),
    l: value("number"),
  },
  long: {
    quiet: flag("quiet"),
    silent: flag("quiet"),
    expression: value("expression"),
    file: value("file"),
    "in-place": attached("in-place"),
    "regexp-extended": flag("flag"),
    separate: flag("flag"),
    "null-data": flag("flag"),
    "zero-terminated": flag("flag"),
    unbuffered: flag("flag"),
    binary: flag("flag"),
    "line-length": value("number"),
    posix: flag("flag"),
    "follow-symlinks": flag("flag"),
    debug: flag("flag"),
    sandbox: flag("flag"),
    help: flag("flag"),
    version: flag("flag"),
  },
};

/** Commands without an argument; `l`, `q`, `Q` take an optional number (GNU sed 4.9 parses `L` but fails running it, so it is unknown here). */
const PLAIN = new Set([..."=dDgGhHnNpPxzF"]);
const NUMBERED = new Set([..."lqQ"]);

/** A label, as GNU sed 4.9 reads one. */
const LABEL = /^[^\s;}#]*/;

class SedError extends Error {}

/**
 * A parser for sed scripts, following GNU sed's compile.c: addresses, `!`, blocks, labels,
 * comments, `a`/`i`/`c` text, `s` and `y` with any delimiter and escapes, and the commands
 * that touch files or run commands (`r R w W`, `s///w`, `e`, `s///e`).
 */
class SedScript {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly out: Analysis,
  ) {}

  private peek(): string | undefined {
    return this.text[this.i];
  }
  private fail(what: string): never {
    throw new SedError(`${what} at character ${this.i + 1}`);
  }
  private skipSpace(): void {
    while (this.i < this.text.length && /[ \t]/.test(this.text[this.i] as string)) this.i++;
  }
  private skipBlanks(): void {
    while (this.i < this.text.length && /[ \t\n;]/.test(this.text[this.i] as string)) this.i++;
  }

  parse(): void {
    for (;;) {
      this.skipBlanks();
      if (this.i >= this.text.length) break;
      this.command();
    }
    if (this.depth !== 0) this.fail("unmatched `{`");
  }

  /** A delimited part of `s`, `y` or an address: ends at the unescaped delimiter. */
  private delimited(delim: string): string {
    let s = "";
    for (;;) {
      const c = this.text[this.i++];
      if (c === undefined) this.fail("unterminated `s`, `y` or address");
      if (c === "\\") {
        const d = this.text[this.i++];
        if (d === undefined) this.fail("unterminated `s`, `y` or address");
        s += c + d;
      } else if (c === delim) return s;
      else if (c === "\n" && delim !== "\n") {
        // GNU sed allows a newline in a regex only when escaped.
        this.fail("unterminated `s`, `y` or address");
      } else s += c;
    }
  }

  private address(): boolean {
    const c = this.peek();
    if (c === undefined) return false;
    if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(this.peek() ?? "")) this.i++;
      if (this.peek() === "~") {
        this.i++;
        while (/[0-9]/.test(this.peek() ?? "")) this.i++;
      }
      return true;
    }
    if (c === "$") {
      this.i++;
      return true;
    }
    if (c === "/" || c === "\\") {
      this.i++;
      let delim = "/";
      if (c === "\\") {
        delim = this.text[this.i++] ?? this.fail("unterminated address");
        if (delim === "\n" || delim === "\\") this.fail("bad address delimiter");
      }
      this.delimited(delim);
      while (this.peek() === "I" || this.peek() === "M") this.i++;
      return true;
    }
    return false;
  }

  /** The rest of the line: a file name or `a`/`i`/`c` text (GNU's one-line forms). */
  private restOfLine(): string {
    const end = this.text.indexOf("\n", this.i);
    const stop = end < 0 ? this.text.length : end;
    const s = this.text.slice(this.i, stop);
    this.i = stop;
    return s;
  }

  private fileName(cmd: string): string {
    this.skipSpace();
    const name = this.restOfLine();
    if (name === "") this.fail(`missing file name after \`${cmd}\``);
    return name;
  }

  private endOfCommand(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === undefined || c === ";" || c === "\n") {
      if (c !== undefined) this.i++;
      return;
    }
    if (c === "}" || c === "#") return;
    this.fail(`unexpected \`${c}\` after a command`);
  }

  private command(): void {
    if (this.peek() === "#") {
      this.restOfLine();
      return;
    }
    if (this.address()) {
      this.skipSpace();
      if (this.peek() === ",") {
        this.i++;
        this.skipSpace();
        if (this.peek() === "+" || this.peek() === "~") {
          this.i++;
          if (!/[0-9]/.test(this.peek() ?? "")) this.fail("expected a number after `+`/`~`");
          while (/[0-9]/.test(this.peek() ?? "")) this.i++;
        } else if (!this.address()) this.fail("expected an address after `,`");
      }
    }
    this.skipSpace();
    while (this.peek() === "!") {
      this.i++;
      this.skipSpace();
    }
    const cmd = this.text[this.i++];
    if (cmd === undefined) this.fail("missing command");
    if (cmd === "{") {
      this.depth++;
      return;
    }
    if (cmd === "}") {
      if (this.depth === 0) this.fail("unexpected `}`");
      this.depth--;
      this.endOfCommand();
      return;
    }
    if (PLAIN.has(cmd)) {
      this.endOfCommand();
      return;
    }
    if (NUMBERED.has(cmd)) {
      this.skipSpace();
      while (/[0-9]/.test(this.peek() ?? "")) this.i++;
      this.endOfCommand();
      return;
    }
    switch (cmd) {
      // GNU sed 4.9 ends a label at a blank, `;`, `}` or `#`, and the next command may follow
      // right after it (`b a w x` writes x): the label must not swallow it.
      case ":": {
        this.skipSpace();
        const label = LABEL.exec(this.text.slice(this.i))?.[0] ?? "";
        if (label === "") this.fail("`:` needs a label");
        this.i += label.length;
        return;
      }
      case "b":
      case "t":
      case "T": {
        this.skipSpace();
        this.i += (LABEL.exec(this.text.slice(this.i))?.[0] ?? "").length;
        return;
      }
      case "a":
      case "i":
      case "c":
        this.text1();
        return;
      case "r":
      case "R":
        this.out.read(this.fileName(cmd));
        return;
      case "w":
      case "W":
        this.out.write(this.fileName(cmd));
        return;
      case "e": {
        this.skipSpace();
        const c = this.restOfLine();
        this.out.runs(
          c.trim() === ""
            ? "sed `e` runs the pattern space as a shell command"
            : `sed \`e ${show(c.trim())}\` runs a shell command`,
        );
        return;
      }
      case "v":
        this.restOfLine();
        return;
      case "s":
        this.substitute();
        return;
      case "y": {
        const delim = this.text[this.i++];
        if (delim === undefined || delim === "\n" || delim === "\\") this.fail("bad `y` delimiter");
        this.delimited(delim);
        this.delimited(delim);
        this.endOfCommand();
        return;
      }
      default:
        this.fail(`unknown sed command \`${cmd}\``);
    }
  }

  /** `a text`, `a\` newline text (lines joined by trailing backslashes). */
  private text1(): void {
    this.skipSpace();
    if (this.peek() === "\\") {
      this.i++;
      // Only a newline right after the backslash moves the text to the next line: `a\ ⏎w x`
      // is the text " " followed by the command `w x` (GNU sed 4.9).
      if (this.peek() === "\n") this.i++;
    }
    for (;;) {
      const line = this.restOfLine();
      let trailing = 0;
      for (let k = line.length - 1; k >= 0 && line[k] === "\\"; k--) trailing++;
      if (trailing % 2 === 1 && this.peek() === "\n") {
        this.i++;
        continue;
      }
      return;
    }
  }

  private substitute(): void {
    const delim = this.text[this.i++];
    if (delim === undefined || delim === "\n" || delim === "\\") this.fail("bad `s` delimiter");
    this.delimited(delim);
    // The replacement may hold escaped newlines (`\` newline): `delimited` keeps them.
    this.replacement(delim);
    for (;;) {
      const f = this.peek();
      if (f === undefined) return;
      if (/[gpiImM0-9]/.test(f)) {
        this.i++;
        continue;
      }
      if (f === "e") {
        this.i++;
        this.out.runs("sed `s///e` runs the result of the substitution as a shell command");
        continue;
      }
      if (f === "w") {
        this.i++;
        this.out.write(this.fileName("s///w"));
        return;
      }
      this.endOfCommand();
      return;
    }
  }

  private replacement(delim: string): void {
    for (;;) {
      const c = this.text[this.i++];
      if (c === undefined) this.fail("unterminated `s` command");
      if (c === "\\") {
        if (this.text[this.i] === undefined) this.fail("unterminated `s` command");
        this.i++;
      } else if (c === delim) return;
      else if (c === "\n") this.fail("unterminated `s` command");
    }
  }
}

/** Analyses one sed script's text into `out`. */
export function analyzeSedScript(text: string, out: Analysis): void {
  try {
    new SedScript(text, out).parse();
  } catch (e) {
    if (e instanceof SedError) out.fail(`sed script: ${e.message}`);
    else throw e;
  }
}

/** `sed [options] [script] [file…]`. */
export function analyzeSed(args: readonly ProgramArg[], files?: ProgramFiles): ProgramAnalysis {
  const out = new Analysis();
  const p = parseOptions(args, OPTIONS);
  if (!p.ok) {
    out.fail(`sed: ${p.error}`);
    return out.done();
  }
  const parts: string[] = [];
  let given = false;
  let inPlace = false;
  for (const o of p.opts) {
    if (o.id === "in-place") inPlace = true;
    if (o.id === "expression" || o.id === "file") {
      given = true;
      if (o.value === undefined) {
        out.fail(`sed ${o.spelled}: the value is not a literal`);
        continue;
      }
      if (o.id === "expression") parts.push(o.value);
      else if (o.value === "-") out.fail("sed -f -: the script comes from standard input");
      else {
        out.script(o.value);
        const text = files?.get(o.value);
        if (text === undefined)
          out.fail(`sed -f ${show(o.value)}: the script file is not analysed`);
        else parts.push(text.endsWith("\n") ? text.slice(0, -1) : text);
      }
    }
  }
  const operands = [...p.operands];
  if (!given) {
    const script = operands.shift();
    if (script === undefined) {
      out.fail(args.length === 0 ? "sed: no script" : "sed: the script is not a literal");
      return out.done();
    }
    parts.push(script);
  }
  // GNU sed joins -e and -f pieces with newlines, so `-e 'a\' -e text` is one command.
  if (parts.length > 0) analyzeSedScript(parts.join("\n"), out);
  for (const f of operands) {
    if (f === undefined) continue; // the caller judges non-literal operands itself
    out.read(f);
    if (inPlace && f !== "-") out.write(f);
  }
  return out.done();
}
