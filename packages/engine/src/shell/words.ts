import type { SyntaxNode } from "./parser.js";

/** One shell word after quote removal and the expansions automode can do statically. */
export interface Word {
  /** Source text, for messages. */
  text: string;
  /**
   * Glob-pattern form of the value: every character that was quoted or escaped and would
   * otherwise be special (`*?[]{},\`) is preceded by a backslash. Undefined when unknown.
   */
  pattern: string | undefined;
  /** Why the value is unknown: a variable, or the output of a command. */
  unknown?: "variable" | "substitution";
  /** It contains a `$( )`, backticks or `<( )` whose commands use the network. */
  network?: boolean;
  /** It is (or contains) a process substitution `<( )`: a pipe, not a file. */
  procsub?: boolean;
}

export interface WordScope {
  home: string;
  cwd: string;
  oldpwd: string | undefined;
  /** Analyses the commands inside a substitution; tells whether they use the network. */
  nested(node: SyntaxNode): boolean;
}

const SPECIAL = new Set(["*", "?", "[", "]", "{", "}", ",", "\\"]);

function escapeAll(s: string): string {
  let out = "";
  for (const c of s) out += SPECIAL.has(c) ? `\\${c}` : c;
  return out;
}

/** Removes pattern escapes: the literal value of a pattern. */
export function unescapePattern(p: string): string {
  if (!p.includes("\\")) return p;
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) {
      out += p[i + 1];
      i++;
    } else out += c;
  }
  return out;
}

/** True when the pattern has an unescaped `*`, `?` or `[`: the shell would glob it. */
export function hasGlob(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[") return true;
  }
  return false;
}

interface Builder {
  pattern: string;
  unknown: "variable" | "substitution" | undefined;
  network: boolean;
  procsub: boolean;
}

const KNOWN_VARS = new Set(["HOME", "PWD", "OLDPWD"]);

/** What can follow `$` as a variable: a name, a digit, or a special parameter. */
const VARIABLE = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!-])$/;

function knownVar(name: string, scope: WordScope): string | undefined {
  if (name === "HOME") return scope.home;
  if (name === "PWD") return scope.cwd;
  if (name === "OLDPWD") return scope.oldpwd;
  return undefined;
}

function variable(name: string, b: Builder, scope: WordScope): void {
  const v = KNOWN_VARS.has(name) ? knownVar(name, scope) : undefined;
  if (v === undefined) {
    if (b.unknown !== "variable") b.unknown = "variable";
  } else b.pattern += escapeAll(v);
}

/** Unquoted word text: backslash escapes the next character. */
function unquotedText(text: string, b: Builder): void {
  if (!text.includes("\\")) {
    b.pattern += text;
    return;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      const n = text[i + 1] as string;
      i++;
      if (n === "\n") continue; // line continuation
      b.pattern += SPECIAL.has(n) ? `\\${n}` : n;
    } else b.pattern += c;
  }
}

/** Text inside double quotes: backslash escapes only `$`, backtick, `"`, `\` and newline. */
function doubleQuotedText(text: string, b: Builder): void {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      const n = text[i + 1] as string;
      if (n === "$" || n === "`" || n === '"' || n === "\\") {
        out += n;
        i++;
        continue;
      }
      if (n === "\n") {
        i++;
        continue;
      }
    }
    out += c;
  }
  b.pattern += escapeAll(out);
}

const ANSI: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

/** `$'…'` strings: `$'\x72m'` is `rm`. */
export function decodeAnsiC(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== "\\" || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[i + 1] as string;
    i++;
    const simple = ANSI[n];
    if (simple !== undefined) {
      out += simple;
    } else if (n === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (m) {
        out += String.fromCharCode(Number.parseInt(m[0], 16));
        i += m[0].length;
      } else out += "\\x";
    } else if (n === "u" || n === "U") {
      const m = (n === "u" ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(body.slice(i + 1));
      if (m) {
        const cp = Number.parseInt(m[0], 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
        i += m[0].length;
      } else out += `\\${n}`;
    } else if (n >= "0" && n <= "7") {
      const m = /^[0-7]{1,3}/.exec(body.slice(i));
      const digits = m ? m[0] : n;
      out += String.fromCharCode(Number.parseInt(digits, 8) & 0xff);
      i += digits.length - 1;
    } else if (n === "c" && i + 1 < body.length) {
      out += String.fromCharCode((body.charCodeAt(i + 1) as number) & 0x1f);
      i++;
    } else out += `\\${n}`;
  }
  return out;
}

function part(node: SyntaxNode, b: Builder, scope: WordScope, first: boolean): void {
  switch (node.type) {
    case "word":
    case "number":
    case "variable_name": {
      const text = node.text;
      if (first && text.startsWith("~")) {
        tilde(text, b, scope);
        return;
      }
      unquotedText(text, b);
      return;
    }
    case "raw_string":
      b.pattern += escapeAll(node.text.slice(1, -1));
      return;
    case "ansi_c_string":
      b.pattern += escapeAll(decodeAnsiC(node.text.slice(2, -1)));
      return;
    case "string":
    case "translated_string": {
      // tree-sitter-bash leaves the newlines between pieces of a string out of every child
      // (`"a⏎b"` is `a` and `b`): the text between two children is part of the string.
      let at: number | undefined;
      for (const c of node.children) {
        if (at !== undefined && c.start > at)
          doubleQuotedText(node.text.slice(at - node.start, c.start - node.start), b);
        at = c.end;
        if (c.type === "string_content") doubleQuotedText(c.text, b);
        else if (c.isNamed) part(c, b, scope, false);
        // A `$` that starts no expansion (`"$"`, `"a$"`) is itself.
        else if (c.type === "$") b.pattern += "$";
      }
      // A double-quoted string nested in an unknown construct is still a literal: nothing else.
      return;
    }
    case "string_content":
      doubleQuotedText(node.text, b);
      return;
    case "simple_expansion": {
      const name = node.namedChildren[0];
      const text = name ? name.text : "";
      // tree-sitter-bash reads `"$ x"` as an expansion of " x"; bash keeps `$ x` as it is.
      if (!VARIABLE.test(text)) {
        b.pattern += escapeAll(node.text);
        return;
      }
      variable(text, b, scope);
      return;
    }
    case "expansion": {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(node.text);
      if (m?.[1]) variable(m[1], b, scope);
      else {
        b.unknown = "variable";
        // `${x:-$(cmd)}` still runs cmd.
        scanNested(node, b, scope);
      }
      return;
    }
    case "command_substitution":
      // `$(pwd)` is the tracked cwd: common in `docker run -v "$(pwd)":/app`.
      if (/^(\$\(\s*pwd\s*\)|`\s*pwd\s*`)$/.test(node.text)) {
        b.pattern += escapeAll(scope.cwd);
        return;
      }
      if (b.unknown !== "variable") b.unknown = "substitution";
      if (scope.nested(node)) b.network = true;
      return;
    case "process_substitution":
      b.procsub = true;
      b.pattern += "/dev/fd/63";
      if (scope.nested(node)) b.network = true;
      return;
    case "arithmetic_expansion":
      b.unknown = "variable";
      scanNested(node, b, scope);
      return;
    case "concatenation": {
      let i = 0;
      for (const c of node.children) {
        part(c, b, scope, first && i === 0);
        i++;
      }
      return;
    }
    default:
      // Anything else (brace expressions, stray tokens) is taken as unquoted text.
      if (node.childCount === 0) unquotedText(node.text, b);
      else {
        let i = 0;
        for (const c of node.children) {
          part(c, b, scope, first && i === 0);
          i++;
        }
      }
  }
}

function scanNested(node: SyntaxNode, b: Builder, scope: WordScope): void {
  for (const c of node.namedChildren) {
    if (c.type === "command_substitution" || c.type === "process_substitution") {
      if (scope.nested(c)) b.network = true;
    } else if (c.childCount > 0) scanNested(c, b, scope);
  }
}

function tilde(text: string, b: Builder, scope: WordScope): void {
  const slash = text.indexOf("/");
  const head = slash < 0 ? text : text.slice(0, slash);
  const rest = slash < 0 ? "" : text.slice(slash);
  let base: string | undefined;
  if (head === "~") base = scope.home;
  else if (head === "~+") base = scope.cwd;
  else if (head === "~-") base = scope.oldpwd;
  if (base === undefined) {
    // `~user` is another account's home: automode cannot know where that is.
    b.unknown = "variable";
    return;
  }
  b.pattern += escapeAll(base);
  unquotedText(rest, b);
}

/** Evaluates one argument node to a word. */
export function evalWord(node: SyntaxNode, scope: WordScope): Word {
  const b: Builder = { pattern: "", unknown: undefined, network: false, procsub: false };
  part(node, b, scope, true);
  const w: Word = { text: node.text, pattern: b.unknown ? undefined : b.pattern };
  if (b.unknown) w.unknown = b.unknown;
  if (b.network) w.network = true;
  if (b.procsub) w.procsub = true;
  return w;
}

/** A literal word made from a string (for words split out of `bash -c` strings etc.). */
export function literalWord(value: string): Word {
  return { text: value, pattern: escapeAll(value) };
}

export function wordValue(w: Word): string | undefined {
  return w.pattern === undefined ? undefined : unescapePattern(w.pattern);
}

const MAX_BRACE = 256;

/** Bash brace expansion on a pattern (`.e{n,}v` → `.env`, `.ev`; `{1..3}`). */
export function braceExpand(p: string): string[] {
  if (!p.includes("{")) return [p];
  const out: string[] = [];
  const stack = [p];
  while (stack.length > 0 && out.length < MAX_BRACE) {
    const cur = stack.pop() as string;
    const found = findBrace(cur);
    if (!found) {
      out.push(cur);
      continue;
    }
    const { open, close, alts } = found;
    const pre = cur.slice(0, open);
    const post = cur.slice(close + 1);
    for (let i = alts.length - 1; i >= 0; i--) stack.push(pre + alts[i] + post);
  }
  return out;
}

function findBrace(p: string): { open: number; close: number; alts: string[] } | undefined {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === "\\") {
      i++;
      continue;
    }
    if (p[i] !== "{") continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i + 1; j < p.length; j++) {
      const c = p[j];
      if (c === "\\") {
        j++;
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) {
          const inner = p.slice(i + 1, j);
          if (commas.length > 0) {
            const alts: string[] = [];
            let start = i + 1;
            for (const k of commas) {
              alts.push(p.slice(start, k));
              start = k + 1;
            }
            alts.push(p.slice(start, j));
            return { open: i, close: j, alts };
          }
          const seq = sequence(inner);
          if (seq) return { open: i, close: j, alts: seq };
          break;
        }
        depth--;
      } else if (c === "," && depth === 0) commas.push(j);
    }
  }
  return undefined;
}

function sequence(inner: string): string[] | undefined {
  const m = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!m?.[1] || !m[2]) return undefined;
  const numeric = /\d/.test(m[1]);
  const a = numeric ? Number(m[1]) : m[1].charCodeAt(0);
  const z = numeric ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(m[3] ?? 1)));
  const out: string[] = [];
  const dir = a <= z ? 1 : -1;
  for (let v = a; dir > 0 ? v <= z : v >= z; v += dir * step) {
    out.push(numeric ? String(v) : String.fromCharCode(v));
    if (out.length >= MAX_BRACE) break;
  }
  return out;
}
