import { flag, type OptTable, parseOptions, two, value } from "../getopt.js";
import {
  Analysis,
  type ProgramAnalysis,
  type ProgramArg,
  type ProgramFiles,
  show,
} from "../result.js";
import { type Client, type Dialect, SqlLexError, splitSql, VARIANTS } from "./lexer.js";
import { metaCommand } from "./meta.js";
import { analyzeStatement, type SqlState } from "./statements.js";

export const DIALECT: Record<Client, Dialect> = {
  sqlite3: "sqlite",
  duckdb: "duckdb",
  psql: "postgres",
  mysql: "mysql",
  clickhouse: "clickhouse",
};

/** One SQL session: the databases it opens and what it does to them. */
export class Session {
  /** Local database files in use, in order; `undefined` is an in-memory database. */
  db: string | undefined;
  readonly state: SqlState = { modified: false };
  private readonly opened: { db: string; modified: boolean }[] = [];
  /** How deep `.read`/`\i` of analysed script texts has gone (a file reading itself). */
  depth = 0;

  constructor(
    readonly client: Client,
    readonly out: Analysis,
    readonly files: ProgramFiles | undefined,
    db: string | undefined,
  ) {
    this.db = db;
  }

  /** Switches to another database file (`.open`), settling the one in use. */
  open(db: string | undefined): void {
    this.settle();
    this.db = db;
  }

  private settle(): void {
    if (this.db !== undefined) this.opened.push({ db: this.db, modified: this.state.modified });
    this.state.modified = false;
  }

  /** Analyses program text in this session. */
  run(text: string, where: string): void {
    const dialect = DIALECT[this.client];
    // Every reading the server could apply (backslash escapes on or off, …): the union counts.
    for (const variant of VARIANTS[dialect]) {
      let units: ReturnType<typeof splitSql>;
      try {
        units = splitSql(text, dialect, this.client, variant);
      } catch (e) {
        if (e instanceof SqlLexError) {
          this.out.fail(`${this.client} ${where}: ${e.message}`);
          continue;
        }
        throw e;
      }
      for (const u of units) {
        if (u.kind === "meta") metaCommand(u.meta.text, this);
        else analyzeStatement(u.tokens, dialect, this.out, this.state);
      }
    }
  }

  /** A script file the client runs (`-f`, `.read`, `\i`, `source`). */
  script(path: string, what: string): void {
    this.out.script(path);
    const text = this.files?.get(path);
    if (text === undefined || this.depth > 8)
      this.out.fail(`${this.client} ${what} ${show(path)}: the SQL file is not analysed`);
    else {
      this.depth++;
      this.run(text, path);
      this.depth--;
    }
  }

  done(): void {
    this.settle();
    for (const o of this.opened) {
      if (o.db === ":memory:" || o.db === "") continue;
      this.out.read(o.db);
      if (o.modified) this.out.write(o.db);
    }
  }
}

/** sqlite3 3.4x's options (one dash or two, whole words). */
const SQLITE_OPTIONS: OptTable = {
  permute: true,
  prefixes: false,
  singleDash: true,
  long: {
    cmd: value("sql-then-stdin"),
    init: value("init"),
    separator: value("flag"),
    newline: value("flag"),
    nullvalue: value("flag"),
    lookaside: two("flag"),
    maxsize: value("flag"),
    mmap: value("flag"),
    pagecache: two("flag"),
    vfs: value("flag"),
    heap: two("flag"),
    nonce: value("flag"),
    escape: value("flag"),
    ...Object.fromEntries(
      (
        "append ascii bail batch box column csv deserialize echo header noheader help html " +
        "interactive json line list markdown memtrace nofollow quote readonly safe stats table " +
        "tabs version zip unsafe-testing no-rowid-in-view"
      )
        .split(" ")
        .map((o) => [o, flag("flag")]),
    ),
  },
};

/** DuckDB's CLI (derived from sqlite3's shell) adds `-c`, `-s`, `-f`, `-no-stdin`, `-unsigned`. */
const DUCKDB_OPTIONS: OptTable = {
  ...SQLITE_OPTIONS,
  long: {
    ...SQLITE_OPTIONS.long,
    c: value("sql"),
    s: value("sql"),
    f: value("file"),
    "no-stdin": flag("no-stdin"),
    unsigned: flag("unsigned"),
    storage_version: value("flag"),
    ui: flag("ui"),
  },
};

const PSQL_OPTIONS: OptTable = {
  permute: true,
  prefixes: true,
  short: {
    c: value("sql"),
    f: value("file"),
    d: value("flag"),
    h: value("flag"),
    p: value("flag"),
    U: value("flag"),
    v: value("variable"),
    P: value("flag"),
    F: value("flag"),
    R: value("flag"),
    T: value("flag"),
    o: value("output"),
    L: value("output"),
    ...Object.fromEntries([..."wWXAtqx1beEanlsSHz0V?"].map((o) => [o, flag("flag")])),
  },
  long: {
    command: value("sql"),
    file: value("file"),
    dbname: value("flag"),
    host: value("flag"),
    port: value("flag"),
    username: value("flag"),
    set: value("variable"),
    variable: value("variable"),
    pset: value("flag"),
    "field-separator": value("flag"),
    "record-separator": value("flag"),
    "table-attr": value("flag"),
    output: value("output"),
    "log-file": value("output"),
    ...Object.fromEntries(
      (
        "no-password password no-psqlrc no-align tuples-only quiet expanded single-transaction " +
        "echo-errors echo-queries echo-hidden echo-all no-readline single-step single-line html " +
        "field-separator-zero record-separator-zero csv list version help"
      )
        .split(" ")
        .map((o) => [o, flag("flag")]),
    ),
  },
};

const MYSQL_OPTIONS: OptTable = {
  permute: true,
  prefixes: true,
  short: {
    e: value("sql"),
    D: value("flag"),
    h: value("flag"),
    u: value("flag"),
    P: value("flag"),
    S: value("flag"),
    p: { kind: "attached", id: "flag" },
    ...Object.fromEntries([..."BNtsvrfAEHXcnqUVw?"].map((o) => [o, flag("flag")])),
  },
  long: {
    execute: value("sql"),
    database: value("flag"),
    host: value("flag"),
    user: value("flag"),
    port: value("flag"),
    socket: value("flag"),
    password: { kind: "attached", id: "flag" },
    "init-command": value("sql-then-stdin"),
    tee: value("output"),
    pager: { kind: "attached", id: "pager" },
    "defaults-file": value("read"),
    "defaults-extra-file": value("read"),
    "local-infile": { kind: "attached", id: "flag" },
    "default-character-set": value("flag"),
    protocol: value("flag"),
    "ssl-mode": value("flag"),
    "ssl-ca": value("read"),
    "ssl-cert": value("read"),
    "ssl-key": value("read"),
    "connect-timeout": value("flag"),
    ...Object.fromEntries(
      (
        "batch skip-column-names table silent verbose raw force no-auto-rehash auto-rehash " +
        "vertical html xml comments skip-comments unbuffered quick safe-updates i-am-a-dummy " +
        "version help no-beep no-defaults show-warnings binary-mode column-names line-numbers " +
        "skip-line-numbers sigint-ignore wait compress no-tee no-pager"
      )
        .split(" ")
        .map((o) => [o, flag("flag")]),
    ),
  },
};

const CLICKHOUSE_OPTIONS: OptTable = {
  permute: true,
  prefixes: false,
  short: {
    q: value("sql"),
    h: value("flag"),
    u: value("flag"),
    d: value("flag"),
    f: value("flag"),
    ...Object.fromEntries([..."nmtV"].map((o) => [o, flag("flag")])),
  },
  long: {
    query: value("sql"),
    "queries-file": value("file"),
    host: value("flag"),
    port: value("flag"),
    user: value("flag"),
    password: value("flag"),
    database: value("flag"),
    format: value("flag"),
    "output-format": value("flag"),
    "input-format": value("flag"),
    ...Object.fromEntries(
      "multiquery multiline time stacktrace secure version help vertical echo progress no-warnings"
        .split(" ")
        .map((o) => [o, flag("flag")]),
    ),
  },
};

const OPTIONS: Record<Client, OptTable> = {
  sqlite3: SQLITE_OPTIONS,
  duckdb: DUCKDB_OPTIONS,
  psql: PSQL_OPTIONS,
  mysql: MYSQL_OPTIONS,
  clickhouse: CLICKHOUSE_OPTIONS,
};

export interface StdinInput {
  /** The literal text on standard input (a heredoc, a herestring, `echo … |`). */
  text?: string;
  /** Standard input is a pipe or file automode cannot see. */
  unknown?: boolean;
}

/**
 * `sqlite3`, `duckdb`, `psql`, `mysql`/`mariadb`, `clickhouse-client`: the statements from
 * options, operands, script files and standard input, in the order the client runs them.
 */
export function analyzeSqlClient(
  client: Client,
  args: readonly ProgramArg[],
  stdin: StdinInput,
  files?: ProgramFiles,
): ProgramAnalysis {
  const out = new Analysis();
  let rest = [...args];
  if (client === "clickhouse" && rest[0] === "client") rest = rest.slice(1);
  const p = parseOptions(rest, OPTIONS[client]);
  if (!p.ok) {
    out.fail(`${client}: ${p.error}`);
    return out.done();
  }
  const local = client === "sqlite3" || client === "duckdb";
  const operands = [...p.operands];
  const db = local ? operands.shift() : undefined;
  if (local && db === undefined && p.operands.length > 0)
    out.fail(`${client}: the database file is not a literal`);
  const session = new Session(client, out, files, db);
  let ran = false;
  let noStdin = false;
  for (const o of p.opts) {
    if (o.id === "sql" || o.id === "sql-then-stdin") {
      // sqlite3's and duckdb's -cmd, mysql's --init-command run first; the client still reads stdin.
      if (o.id === "sql") ran = true;
      if (o.value === undefined) out.fail(`${client} ${o.spelled}: the SQL is not a literal`);
      else session.run(o.value, o.spelled);
    } else if (o.id === "file" || o.id === "init") {
      if (o.id === "file") ran = true;
      if (o.value === undefined) out.fail(`${client} ${o.spelled}: the file name is not a literal`);
      else if (o.value === "-")
        ran = false; // `psql -f -` reads standard input
      else session.script(o.value, o.spelled);
    } else if (o.id === "output") {
      if (o.value === undefined) out.fail(`${client} ${o.spelled}: the file name is not a literal`);
      else out.write(o.value);
    } else if (o.id === "read") {
      if (o.value !== undefined) out.read(o.value);
    } else if (o.id === "pager")
      out.runs(`${client} ${o.spelled} runs its output through a command`);
    else if (o.id === "variable") {
      // psql -v name=value: the value reaches statements only through `:name`, judged there.
    } else if (o.id === "no-stdin") noStdin = true;
    else if (o.id === "unsigned")
      out.runs("duckdb -unsigned loads extensions without checking signatures");
    else if (o.id === "ui") out.runs("duckdb -ui starts a web server");
  }
  if (local) {
    for (const sql of operands) {
      ran = true;
      if (sql === undefined) out.fail(`${client}: an SQL argument is not a literal`);
      else session.run(sql, "argument");
    }
  } else if (operands.length > (client === "psql" ? 2 : 1))
    out.fail(`${client}: unexpected operand ${show(operands.at(-1) ?? "?")}`);
  if (!ran && !noStdin) {
    if (stdin.text !== undefined) session.run(stdin.text, "standard input");
    else if (stdin.unknown)
      out.fail(`${client} reads statements from standard input, which automode cannot see`);
  }
  session.done();
  return out.done();
}
