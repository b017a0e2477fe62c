/** One token of a jq (or yq) filter. */
export type JqToken =
  | { t: "ident"; v: string; at: number } // a bare name: a function, keyword or object key
  | { t: "var"; v: string; at: number } // `$name`, `$__loc__`, `$ENV`
  | { t: "field"; v: string; at: number } // `.foo`, `.`, `..`
  | { t: "format"; v: string; at: number } // `@sh`, `@base64`
  | { t: "string"; v: string; at: number } // literal parts only; interpolations are lexed inline
  | { t: "number"; v: string; at: number }
  | { t: "op"; v: string; at: number };

export class JqLexError extends Error {}

const OPS = [
  "?//=",
  "?//",
  "|=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "//=",
  "==",
  "!=",
  "<=",
  ">=",
  "//",
  "..",
  "and",
  "or",
];

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/;

/**
 * A lexer for jq's filter language (and yq's, which borrows it): string literals with
 * `\(…)` interpolation lexed as code, comments, `$variables`, `.fields`, `@formats`.
 */
export function lexJq(text: string): JqToken[] {
  const out: JqToken[] = [];
  let i = 0;
  // Each open interpolation waits for its `)` at this bracket depth.
  const interp: number[] = [];
  let depth = 0;

  const string = (start: number): void => {
    let v = "";
    for (;;) {
      const d = text[i++];
      if (d === undefined) throw new JqLexError(`unterminated string at ${start + 1}`);
      if (d === '"') break;
      if (d === "\\") {
        const e = text[i++];
        if (e === undefined) throw new JqLexError(`unterminated string at ${start + 1}`);
        if (e === "(") {
          out.push({ t: "string", v, at: start });
          v = "";
          interp.push(depth);
          depth++;
          out.push({ t: "op", v: "(", at: i - 1 });
          return; // the code runs until the matching `)`, then the string resumes
        }
        if (e === "u") {
          const hex = text.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JqLexError(`bad \\u escape at ${i}`);
          v += String.fromCharCode(Number.parseInt(hex, 16));
          i += 4;
        } else if ('"\\/bfnrt'.includes(e)) v += e;
        else throw new JqLexError(`bad escape \\${e} at ${i}`);
      } else v += d;
    }
    out.push({ t: "string", v, at: start });
  };

  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === '"') {
      const start = i++;
      string(start);
      continue;
    }
    if (c === ")" && interp.length > 0 && interp.at(-1) === depth - 1) {
      interp.pop();
      depth--;
      out.push({ t: "op", v: ")", at: i });
      i++;
      string(i - 1);
      continue;
    }
    if (c === "$") {
      const m = IDENT.exec(text.slice(i + 1));
      if (!m) throw new JqLexError(`stray \`$\` at ${i + 1}`);
      out.push({ t: "var", v: m[0], at: i });
      i += 1 + m[0].length;
      continue;
    }
    if (c === "@") {
      const m = IDENT.exec(text.slice(i + 1));
      if (!m) throw new JqLexError(`stray \`@\` at ${i + 1}`);
      out.push({ t: "format", v: m[0], at: i });
      i += 1 + m[0].length;
      continue;
    }
    if (c === "." && text[i + 1] !== ".") {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      out.push({ t: "field", v: m ? m[0] : "", at: i });
      i += 1 + (m ? m[0].length : 0);
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const v = m?.[0] ?? c;
      out.push({ t: "number", v, at: i });
      i += v.length;
      continue;
    }
    const m = IDENT.exec(text.slice(i));
    if (m) {
      out.push({ t: "ident", v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? c;
    if (op.length === 1 && !"|,+-*/%=<>()[]{}:;?".includes(op))
      throw new JqLexError(`unexpected character \`${c}\` at ${i + 1}`);
    if (op === "(" || op === "[" || op === "{") depth++;
    if (op === ")" || op === "]" || op === "}") {
      depth--;
      if (depth < 0) throw new JqLexError(`unbalanced \`${op}\` at ${i + 1}`);
    }
    out.push({ t: "op", v: op, at: i });
    i += op.length;
  }
  if (depth !== 0 || interp.length > 0) throw new JqLexError("unbalanced brackets");
  return out;
}
