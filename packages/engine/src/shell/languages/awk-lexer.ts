/** One awk token. Strings and regex literals carry their decoded body. */
export type AwkToken =
  | { t: "name"; v: string; at: number }
  | { t: "funcname"; v: string; at: number } // a name immediately followed by `(`
  | { t: "string"; v: string; at: number }
  | { t: "regex"; v: string; at: number }
  | { t: "number"; v: string; at: number }
  | { t: "op"; v: string; at: number; condition?: boolean } // `)` closing `if (…)`, `while (…)`, `for (…)`
  | { t: "newline"; v: "\n"; at: number }
  | { t: "at"; v: string; at: number }; // gawk `@include`, `@load`, `@f()` indirect call

export class AwkLexError extends Error {}

const OPS = [
  "**=",
  "&&",
  "||",
  "|&",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "!~",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "^=",
  "**",
];

/** Keywords after which an operand (so a regex) follows. */
const BEFORE_OPERAND = new Set([
  "print",
  "printf",
  "return",
  "in",
  "getline",
  "case",
  "do",
  "else",
]);

/** Tokens after which a `/` divides; anywhere else it starts a regex literal. */
function divides(prev: AwkToken | undefined): boolean {
  if (!prev) return false;
  if (prev.t === "name") return !BEFORE_OPERAND.has(prev.v);
  if (prev.t === "number" || prev.t === "string" || prev.t === "regex") return true;
  // `if (x) /re/` starts a regex: a statement follows the condition.
  if (prev.t === "op" && prev.condition === true) return false;
  if (prev.t === "op")
    return prev.v === ")" || prev.v === "]" || prev.v === "++" || prev.v === "--";
  return false;
}

/**
 * A lexer for POSIX awk with gawk's extensions, enough to tell a redirect from a comparison
 * inside a string (`">"`) or a regex (`/>/`): strings, regex literals (by the usual
 * division-or-regex rule), comments, line continuations.
 */
export function lexAwk(text: string): AwkToken[] {
  const out: AwkToken[] = [];
  /** For each open `(`: whether it holds an `if`, `while` or `for` condition. */
  const parens: boolean[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
      i += text[i + 1] === "\n" ? 2 : 3;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      // awk ignores a newline after `,`, `{`, `&&`, `||`, `do`, `else` (gawk also after `?`
      // and `:`): `print a,⏎ b > "f"` is one statement.
      const before = out.at(-1);
      const joins =
        (before?.t === "op" && [",", "{", "&&", "||", "?", ":"].includes(before.v)) ||
        (before?.t === "name" && (before.v === "do" || before.v === "else"));
      if (!joins) out.push({ t: "newline", v: "\n", at: i });
      i++;
      continue;
    }
    if (c === '"') {
      const start = i++;
      let v = "";
      for (;;) {
        const d = text[i++];
        if (d === undefined || d === "\n")
          throw new AwkLexError(`unterminated string at ${start + 1}`);
        if (d === '"') break;
        if (d === "\\") {
          const e = text[i++];
          if (e === undefined) throw new AwkLexError(`unterminated string at ${start + 1}`);
          v +=
            e === "n"
              ? "\n"
              : e === "t"
                ? "\t"
                : e === "\n"
                  ? ""
                  : e === "/"
                    ? "/"
                    : e === '"'
                      ? '"'
                      : e === "\\"
                        ? "\\"
                        : `\\${e}`;
        } else v += d;
      }
      out.push({ t: "string", v, at: start });
      continue;
    }
    if (c === "/" && !divides(out.at(-1))) {
      const start = i++;
      let v = "";
      let bracket = false;
      for (;;) {
        const d = text[i++];
        if (d === undefined || d === "\n")
          throw new AwkLexError(`unterminated regex at ${start + 1}`);
        if (d === "\\") {
          v += d + (text[i++] ?? "");
          continue;
        }
        if (bracket) {
          if (d === "]") bracket = false;
        } else if (d === "[") {
          bracket = true;
          if (text[i] === "^") v += text[i++];
          if (text[i] === "]") v += text[i++];
        } else if (d === "/") break;
        v += d;
      }
      out.push({ t: "regex", v, at: start });
      continue;
    }
    if (/[0-9.]/.test(c) && /[0-9]/.test(c === "." ? (text[i + 1] ?? "") : c)) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(
        text.slice(i),
      );
      const v = m?.[0] ?? c;
      out.push({ t: "number", v, at: i });
      i += v.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)?/.exec(text.slice(i));
      const v = m?.[0] ?? c;
      const at = i;
      i += v.length;
      out.push({ t: text[i] === "(" ? "funcname" : "name", v, at });
      continue;
    }
    if (c === "@") {
      const m = /^@([A-Za-z_][A-Za-z0-9_:]*)/.exec(text.slice(i));
      if (!m) throw new AwkLexError(`stray \`@\` at ${i + 1}`);
      out.push({ t: "at", v: m[1] as string, at: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? c;
    if (op.length === 1 && !"-+*%^!<>=~?:,;{}()[]$|/".includes(op))
      throw new AwkLexError(`unexpected character \`${c}\` at ${i + 1}`);
    if (op === "(") {
      const before = out.at(-1);
      parens.push(
        before?.t === "name" && (before.v === "if" || before.v === "while" || before.v === "for"),
      );
    }
    if (op === ")" && parens.pop() === true) out.push({ t: "op", v: op, at: i, condition: true });
    else out.push({ t: "op", v: op, at: i });
    i += op.length;
  }
  return out;
}
