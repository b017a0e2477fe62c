/** The SQL dialects automode lexes; each client speaks one. */
export type Dialect = "sqlite" | "postgres" | "mysql" | "duckdb" | "clickhouse";

export type SqlToken =
  | { t: "word"; v: string; u: string; at: number } // u: upper case
  | { t: "ident"; v: string; at: number } // a quoted identifier
  | { t: "string"; v: string; at: number }
  | { t: "number"; v: string; at: number }
  | { t: "param"; v: string; at: number } // psql `:var` interpolation
  | { t: "op"; v: string; at: number };

/** A client command between statements: a sqlite3 dot-command, a psql `\x`, a mysql `system`. */
export interface MetaCommand {
  text: string;
  at: number;
}

export type Unit =
  | { kind: "sql"; tokens: SqlToken[]; at: number }
  | { kind: "meta"; meta: MetaCommand };

/** Which client's own commands to recognise between statements. */
export type Client = "sqlite3" | "psql" | "mysql" | "duckdb" | "clickhouse";

export class SqlLexError extends Error {}

const MYSQL_LONG = new Set([
  "system",
  "source",
  "tee",
  "notee",
  "pager",
  "nopager",
  "edit",
  "use",
  "status",
  "exit",
  "quit",
  "delimiter",
  "connect",
  "charset",
  "warnings",
  "nowarning",
  "print",
  "rehash",
  "go",
  "ego",
  "clear",
  "prompt",
  "resetconnection",
  "query_attributes",
  "ssl_session_data_print",
  "help",
]);

function lineEnd(text: string, i: number): number {
  const n = text.indexOf("\n", i);
  return n < 0 ? text.length : n;
}

/**
 * Splits SQL text into statements (and client commands), the way the client would: quoted
 * strings and identifiers per dialect, `--` and block comments (nested in Postgres; MySQL's
 * executable `/*! … *\/` is code), dollar quotes, trigger bodies (`BEGIN … END`), MySQL's
 * `DELIMITER`. Every byte outside strings and comments ends up in a token, so `DROP/**\/TABLE`
 * is two words.
 */
/**
 * How a server may read strings and comments beyond its dialect's default: MySQL's
 * NO_BACKSLASH_ESCAPES and Postgres' standard_conforming_strings=off flip backslash escapes,
 * and a statement can change them. Callers lex once per variant and judge the union.
 */
export interface LexVariant {
  /** Backslashes escape in every string (`true`), in none (`false`), or per dialect. */
  backslashes?: boolean;
  /** Block comments nest. */
  nested?: boolean;
}

/** The readings of one dialect a server could apply; each is analysed. */
export const VARIANTS: Readonly<Record<Dialect, readonly LexVariant[]>> = {
  sqlite: [{}],
  duckdb: [{}],
  postgres: [{}, { backslashes: true }],
  mysql: [{}, { backslashes: false }],
  clickhouse: [{}, { nested: true }],
};

export function splitSql(
  text: string,
  dialect: Dialect,
  client: Client,
  variant: LexVariant = {},
): Unit[] {
  const units: Unit[] = [];
  let cur: SqlToken[] = [];
  let curAt = 0;
  let delimiter = ";";
  let execComment = 0; // open MySQL `/*!` comments whose content is code
  let i = 0;
  const flush = (): void => {
    if (cur.length > 0) units.push({ kind: "sql", tokens: cur, at: curAt });
    cur = [];
  };
  const push = (t: SqlToken): void => {
    if (cur.length === 0) curAt = t.at;
    cur.push(t);
  };
  const atLineStart = (): boolean => {
    let k = i - 1;
    while (k >= 0 && (text[k] === " " || text[k] === "\t")) k--;
    return k < 0 || text[k] === "\n";
  };
  /** Depth of `BEGIN`/`CASE` … `END` inside a trigger or `BEGIN ATOMIC` body. */
  const bodyDepth = (): number => {
    const words = cur.filter((t) => t.t === "word").map((t) => (t as { u: string }).u);
    const isBody = (words[0] === "CREATE" && words.includes("TRIGGER")) || words.includes("ATOMIC");
    if (!isBody) return 0;
    let depth = 0;
    let opened = false;
    for (const w of words) {
      if (w === "BEGIN") {
        depth++;
        opened = true;
      } else if (w === "CASE" && opened) depth++;
      else if (w === "END" && opened) depth--;
    }
    return depth;
  };
  while (i < text.length) {
    const c = text[i] as string;
    // sqlite3's shell (and duckdb's, derived from it) skips a line that starts with `#` at the
    // left margin between statements: `# '` there opens no string.
    if (
      cur.length === 0 &&
      (client === "sqlite3" || client === "duckdb") &&
      c === "#" &&
      (i === 0 || text[i - 1] === "\n")
    ) {
      i = lineEnd(text, i);
      continue;
    }
    // Client commands.
    if (
      cur.length === 0 &&
      (client === "sqlite3" || client === "duckdb") &&
      c === "." &&
      atLineStart()
    ) {
      const e = lineEnd(text, i);
      units.push({ kind: "meta", meta: { text: text.slice(i, e), at: i } });
      i = e;
      continue;
    }
    if (client === "psql" && c === "\\") {
      let e = lineEnd(text, i);
      const sep = text.indexOf("\\\\", i + 1);
      if (sep >= 0 && sep < e) e = sep;
      units.push({ kind: "meta", meta: { text: text.slice(i, e), at: i } });
      i = e === sep ? e + 2 : e;
      continue;
    }
    if (client === "mysql" && c === "\\" && /[A-Za-z!.#?]/.test(text[i + 1] ?? "")) {
      const k = text[i + 1] as string;
      if (k === "g" || k === "G") {
        flush();
        i += 2;
        continue;
      }
      if (k === "c") {
        // `\c` clears the statement being typed; automode judges it as if it ran.
        flush();
        i += 2;
        continue;
      }
      const e = lineEnd(text, i);
      const body = text.slice(i, e);
      if (k === "d") {
        const d = body.slice(2).trim();
        if (d === "") throw new SqlLexError(`DELIMITER needs a value at ${i + 1}`);
        flush();
        delimiter = d;
      } else units.push({ kind: "meta", meta: { text: body, at: i } });
      i = e;
      continue;
    }
    if (client === "mysql" && cur.length === 0 && /[A-Za-z]/.test(c) && atLineStart()) {
      const word = /^[A-Za-z_]+/.exec(text.slice(i))?.[0] ?? "";
      const after = text[i + word.length];
      if (MYSQL_LONG.has(word.toLowerCase()) && (after === undefined || /[\s;]/.test(after))) {
        const e = lineEnd(text, i);
        let body = text.slice(i, e).trimEnd();
        if (word.toLowerCase() === "delimiter") {
          const d = body.slice(word.length).trim();
          if (d === "") throw new SqlLexError(`DELIMITER needs a value at ${i + 1}`);
          delimiter = d;
        } else if (word.toLowerCase() !== "go" && word.toLowerCase() !== "ego") {
          if (body.endsWith(delimiter)) body = body.slice(0, -delimiter.length);
          units.push({ kind: "meta", meta: { text: body, at: i } });
        }
        i = e;
        continue;
      }
    }
    // Statement ends.
    if (text.startsWith(delimiter, i) && !(delimiter === ";" && bodyDepth() > 0)) {
      flush();
      i += delimiter.length;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // Comments.
    if (c === "-" && text[i + 1] === "-") {
      // MySQL needs whitespace after `--`; `1--1` is arithmetic there.
      if (dialect !== "mysql" || /[\s]/.test(text[i + 2] ?? " ")) {
        i = lineEnd(text, i);
        continue;
      }
    }
    if (c === "#" && dialect === "mysql") {
      i = lineEnd(text, i);
      continue;
    }
    if (c === "#" && dialect === "clickhouse") {
      // ClickHouse takes `# ` and `#!` as comments; anything else after `#` is not known here.
      if (!/[\s!]/.test(text[i + 1] ?? " ")) throw new SqlLexError(`unexpected \`#\` at ${i + 1}`);
      i = lineEnd(text, i);
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      if (
        dialect === "mysql" &&
        (text[i + 2] === "!" || (text[i + 2] === "M" && text[i + 3] === "!"))
      ) {
        i += text[i + 2] === "!" ? 3 : 4;
        while (/[0-9]/.test(text[i] ?? "")) i++;
        execComment++;
        continue;
      }
      let depth = 1;
      let k = i + 2;
      while (k < text.length && depth > 0) {
        if (text[k] === "*" && text[k + 1] === "/") {
          depth--;
          k += 2;
        } else if (
          (variant.nested ?? dialect === "postgres") &&
          text[k] === "/" &&
          text[k + 1] === "*"
        ) {
          depth++;
          k += 2;
        } else k++;
      }
      if (depth > 0 && dialect !== "sqlite")
        throw new SqlLexError(`unterminated comment at ${i + 1}`);
      i = k;
      continue;
    }
    if (c === "*" && text[i + 1] === "/" && execComment > 0) {
      execComment--;
      i += 2;
      continue;
    }
    // Strings and quoted identifiers.
    const ePrefix =
      dialect === "postgres" &&
      /[eE]/.test(text[i - 1] ?? "") &&
      !/[A-Za-z0-9_]/.test(text[i - 2] ?? "");
    const backslashes =
      variant.backslashes ?? (dialect === "mysql" || dialect === "clickhouse" || ePrefix);
    if (c === "'" || (c === '"' && dialect === "mysql")) {
      const start = i++;
      let v = "";
      for (;;) {
        const d = text[i++];
        if (d === undefined) throw new SqlLexError(`unterminated string at ${start + 1}`);
        if (d === "\\" && backslashes) {
          const e = text[i++];
          if (e === undefined) throw new SqlLexError(`unterminated string at ${start + 1}`);
          v += e;
        } else if (d === c) {
          if (text[i] === c) {
            v += c;
            i++;
          } else break;
        } else v += d;
      }
      // Postgres' E'…' prefix was lexed as a word: drop it.
      const last = cur.at(-1);
      if (ePrefix && last?.t === "word" && last.at === start - 1) cur.pop();
      push({ t: "string", v, at: start });
      continue;
    }
    if (c === '"' || c === "`" || (c === "[" && dialect === "sqlite")) {
      const close = c === "[" ? "]" : c;
      const start = i++;
      let v = "";
      for (;;) {
        const d = text[i++];
        if (d === undefined) throw new SqlLexError(`unterminated quoted name at ${start + 1}`);
        if (d === "\\" && dialect === "clickhouse") v += text[i++] ?? "";
        else if (d === close) {
          if (close !== "]" && text[i] === close) {
            v += close;
            i++;
          } else break;
        } else v += d;
      }
      push({ t: "ident", v, at: start });
      continue;
    }
    if (c === "$" && (dialect === "postgres" || dialect === "duckdb")) {
      // Tags are identifiers, non-ASCII letters included (`$é$…$é$`).
      const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i));
      if (m) {
        const end = text.indexOf(m[0], i + m[0].length);
        if (end < 0) throw new SqlLexError(`unterminated dollar quote at ${i + 1}`);
        push({ t: "string", v: text.slice(i + m[0].length, end), at: i });
        i = end + m[0].length;
        continue;
      }
    }
    if (c === ":" && client === "psql" && text[i + 1] !== ":" && text[i - 1] !== ":") {
      const m =
        /^:(?:'[A-Za-z0-9_]+'|"[A-Za-z0-9_]+"|[A-Za-z_][A-Za-z0-9_]*|\{\?[A-Za-z0-9_]+\})/.exec(
          text.slice(i),
        );
      if (m) {
        push({ t: "param", v: m[0], at: i });
        i += m[0].length;
        continue;
      }
    }
    const word = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(text.slice(i));
    if (word) {
      push({ t: "word", v: word[0], u: word[0].toUpperCase(), at: i });
      i += word[0].length;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+)/.exec(
      text.slice(i),
    );
    if (num) {
      push({ t: "number", v: num[0], at: i });
      i += num[0].length;
      continue;
    }
    push({ t: "op", v: c, at: i });
    i++;
  }
  if (execComment > 0 && dialect === "mysql") {
    // an unclosed `/*!` still runs what follows; nothing to do
  }
  flush();
  return units;
}
