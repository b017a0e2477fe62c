import { type Analysis, show } from "../result.js";
import type { Dialect, SqlToken } from "./lexer.js";

/** What the statements of one session did to the database they run against. */
export interface SqlState {
  /** Some statement changed the database (so a local database file is written). */
  modified: boolean;
}

type Word = Extract<SqlToken, { t: "word" }>;

function isWord(t: SqlToken | undefined, ...u: string[]): t is Word {
  return t !== undefined && t.t === "word" && (u.length === 0 || u.includes(t.u));
}
function isOp(t: SqlToken | undefined, v: string): boolean {
  return t !== undefined && t.t === "op" && t.v === v;
}

/** Statements that only read (or set session state, or control transactions). */
const READS = new Set(
  (
    "SELECT VALUES TABLE SHOW DESCRIBE DESC WITH FROM SUMMARIZE USE SET RESET BEGIN START COMMIT " +
    "END ROLLBACK SAVEPOINT RELEASE ABORT DISCARD LISTEN UNLISTEN NOTIFY CHECKPOINT DEALLOCATE " +
    "HANDLER PRAGMA EXPLAIN EXISTS"
  ).split(" "),
);

/** Statements that change the database; the destructive ones are found by the scan. */
const CHANGES = new Set(
  (
    "INSERT REPLACE UPSERT UPDATE DELETE MERGE CREATE ALTER COMMENT GRANT REVOKE ANALYZE VACUUM " +
    "REINDEX CLUSTER REFRESH RENAME OPTIMIZE LOCK UNLOCK ATTACH DETACH COPY EXPORT IMPORT LOAD " +
    "PREPARE TRUNCATE DROP"
  ).split(" "),
);

/** `CREATE <kind>` that installs code run later or elsewhere. */
const CODE_OBJECTS = new Set(
  "FUNCTION PROCEDURE EXTENSION LANGUAGE RULE EVENT SERVER FOREIGN PUBLICATION SUBSCRIPTION SECRET".split(
    " ",
  ),
);

/** SQLite pragmas that only report. */
const READ_PRAGMAS = new Set(
  (
    "table_info table_xinfo table_list index_list index_info index_xinfo foreign_key_list " +
    "foreign_key_check database_list collation_list compile_options integrity_check quick_check " +
    "user_version schema_version application_id page_count page_size freelist_count encoding " +
    "function_list module_list pragma_list data_version journal_mode foreign_keys " +
    "synchronous cache_size busy_timeout temp_store auto_vacuum max_page_count " +
    "show_tables show_tables_expanded database_size version platform storage_info metadata_info " +
    "show collations"
  ).split(" "),
);

/** Pragmas that may be set without harm. */
const SET_PRAGMAS = new Set(
  (
    "foreign_keys journal_mode synchronous cache_size busy_timeout temp_store recursive_triggers " +
    "case_sensitive_like user_version application_id threads memory_limit enable_progress_bar " +
    "disable_progress_bar enable_profiling disable_profiling enable_object_cache " +
    "defer_foreign_keys automatic_index"
  ).split(" "),
);

type FileEffect = { kind: "read" | "write"; arg: number } | { kind: "dynamic"; why: string };

const SQLITE_FUNCTIONS: Record<string, FileEffect> = {
  readfile: { kind: "read", arg: 0 },
  writefile: { kind: "write", arg: 0 },
  fsdir: { kind: "read", arg: 0 },
  zipfile: { kind: "read", arg: 0 },
  load_extension: { kind: "dynamic", why: "loads a native extension" },
  edit: { kind: "dynamic", why: "opens an editor" },
  fts3_tokenizer: { kind: "dynamic", why: "can register native code" },
};

const DUCKDB_READERS =
  "read_csv read_csv_auto read_parquet parquet_scan parquet_metadata parquet_schema read_json " +
  "read_json_auto read_json_objects read_ndjson read_ndjson_auto read_ndjson_objects read_text " +
  "read_blob read_xlsx st_read sqlite_scan sqlite_attach iceberg_scan delta_scan glob";

const DUCKDB_FUNCTIONS: Record<string, FileEffect> = {
  ...Object.fromEntries(
    DUCKDB_READERS.split(" ").map((f) => [f, { kind: "read", arg: 0 } as FileEffect]),
  ),
  query: { kind: "dynamic", why: "runs SQL given as text" },
  query_table: { kind: "dynamic", why: "reads tables named by text" },
};

const POSTGRES_FUNCTIONS: Record<string, FileEffect> = {
  pg_read_file: { kind: "read", arg: 0 },
  pg_read_binary_file: { kind: "read", arg: 0 },
  pg_ls_dir: { kind: "read", arg: 0 },
  pg_stat_file: { kind: "read", arg: 0 },
  lo_import: { kind: "read", arg: 0 },
  lo_export: { kind: "write", arg: 1 },
  dblink: { kind: "dynamic", why: "runs SQL on another server" },
  dblink_exec: { kind: "dynamic", why: "runs SQL on another server" },
  dblink_connect: { kind: "dynamic", why: "connects to another server" },
  query_to_xml: { kind: "dynamic", why: "runs SQL given as text" },
  query_to_xml_and_xmlschema: { kind: "dynamic", why: "runs SQL given as text" },
  query_to_xmlschema: { kind: "dynamic", why: "runs SQL given as text" },
};

const MYSQL_FUNCTIONS: Record<string, FileEffect> = {
  load_file: { kind: "read", arg: 0 },
  sys_exec: { kind: "dynamic", why: "runs a shell command" },
  sys_eval: { kind: "dynamic", why: "runs a shell command" },
};

const CLICKHOUSE_NET =
  "url s3 s3cluster hdfs remote remotesecure mysql postgresql jdbc odbc executable executablepool azureblobstorage mongodb redis sqlite gcs cluster clusterallreplicas";

const CLICKHOUSE_FUNCTIONS: Record<string, FileEffect> = {
  file: { kind: "read", arg: 0 },
  ...Object.fromEntries(
    CLICKHOUSE_NET.split(" ").map((f) => [
      f,
      { kind: "dynamic", why: "reaches another server or runs a program" } as FileEffect,
    ]),
  ),
};

const FUNCTIONS: Record<Dialect, Record<string, FileEffect>> = {
  sqlite: SQLITE_FUNCTIONS,
  duckdb: DUCKDB_FUNCTIONS,
  postgres: POSTGRES_FUNCTIONS,
  mysql: MYSQL_FUNCTIONS,
  clickhouse: CLICKHOUSE_FUNCTIONS,
};

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The literal file names at argument `arg` of a call whose `(` is at k (a list counts). */
function callArgument(toks: readonly SqlToken[], k: number, arg: number): string[] | undefined {
  let depth = 0;
  let index = 0;
  let start = k + 1;
  for (let j = k; j < toks.length; j++) {
    const t = toks[j] as SqlToken;
    if (isOp(t, "(") || isOp(t, "[")) depth++;
    else if (isOp(t, ")") || isOp(t, "]")) {
      depth--;
      if (depth === 0) return index === arg ? literalList(toks.slice(start, j)) : undefined;
    } else if (depth === 1 && isOp(t, ",")) {
      if (index === arg) return literalList(toks.slice(start, j));
      index++;
      start = j + 1;
    }
  }
  return undefined;
}

function literalList(span: readonly SqlToken[]): string[] | undefined {
  if (span.length === 1 && span[0]?.t === "string") return [span[0].v];
  if (span.length >= 2 && isOp(span[0], "[") && isOp(span.at(-1), "]")) {
    const out: string[] = [];
    for (let j = 1; j < span.length - 1; j++) {
      const t = span[j] as SqlToken;
      if (t.t === "string") out.push(t.v);
      else if (!isOp(t, ",")) return undefined;
    }
    return out;
  }
  return undefined;
}

function fileEffect(out: Analysis, kind: "read" | "write", path: string, what: string): void {
  if (REMOTE.test(path)) out.runs(`${what} reaches ${show(path)} over the network`);
  else if (kind === "read") out.read(path);
  else out.write(path);
}

/** The next string literal after position k, skipping the given words. */
function stringAfter(
  toks: readonly SqlToken[],
  k: number,
  skip: readonly string[] = [],
): string | undefined {
  let j = k;
  while (isWord(toks[j], ...skip)) j++;
  const t = toks[j];
  return t?.t === "string" ? t.v : undefined;
}

/** Where a DELETE or UPDATE begins a (sub)statement, not `ON DELETE`, `FOR UPDATE`, `DO UPDATE`. */
function startsStatement(toks: readonly SqlToken[], k: number): boolean {
  const prev = toks[k - 1];
  if (prev === undefined) return true;
  if (isOp(prev, "(") || isOp(prev, ")") || isOp(prev, ";")) return true;
  return (
    isWord(prev, "BEGIN", "ATOMIC", "AS", "THEN", "ELSE") &&
    !(isWord(prev, "THEN") && isWord(toks[k - 2], "MATCHED"))
  );
}

/** Whether a WHERE follows at the same bracket depth before the (sub)statement ends. */
function hasWhere(toks: readonly SqlToken[], k: number): boolean {
  let depth = 0;
  for (let j = k + 1; j < toks.length; j++) {
    const t = toks[j] as SqlToken;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && isOp(t, ";")) return false;
    else if (depth === 0 && isWord(t, "WHERE")) return true;
    else if (depth === 0 && isWord(t, "END") && j > k) return false;
  }
  return false;
}

function head(toks: readonly SqlToken[], k: number, n = 4): string {
  return toks
    .slice(k, k + n)
    .map((t) => (t.t === "string" ? `'${t.v}'` : t.t === "ident" ? `"${t.v}"` : t.v))
    .join(" ");
}

/**
 * Judges one SQL statement: its kind must be known, and every effect the statement has on
 * files, on other programs or on the data (DROP, TRUNCATE, DELETE or UPDATE without WHERE,
 * ALTER … DROP) is reported.
 */
export function analyzeStatement(
  toks: readonly SqlToken[],
  dialect: Dialect,
  out: Analysis,
  state: SqlState,
): void {
  let s = 0;
  while (isOp(toks[s], "(")) s++;
  // EXPLAIN ANALYZE runs the statement; judge every EXPLAIN as if it did.
  if (isWord(toks[s], "EXPLAIN")) {
    s++;
    while (
      isWord(
        toks[s],
        "ANALYZE",
        "ANALYSE",
        "VERBOSE",
        "QUERY",
        "PLAN",
        "EXTENDED",
        "FORMAT",
        "JSON",
        "TEXT",
        "TREE",
      )
    )
      s++;
    if (isOp(toks[s], "(")) {
      while (s < toks.length && !isOp(toks[s], ")")) s++;
      s++;
    }
  }
  const first = toks[s];
  if (first === undefined) return;
  if (!isWord(first)) {
    out.fail(`SQL statement starting with ${show(head(toks, s))} is not known`);
    return;
  }
  const verb = first.u;
  const isSelectish = verb === "SELECT" || verb === "WITH" || verb === "VALUES" || verb === "FROM";
  if (!READS.has(verb) && !CHANGES.has(verb)) {
    if (verb === "CALL" || verb === "DO" || verb === "EXECUTE" || verb === "EXEC")
      out.runs(`SQL ${verb} runs stored code automode cannot see`);
    else if (verb === "INSTALL") out.runs("SQL INSTALL downloads and loads an extension");
    else out.fail(`SQL statement ${show(head(toks, s, 2))} is not known`);
    return;
  }
  // COPY … TO and EXPORT only read the database; `copy` marks COPY … FROM itself.
  if (CHANGES.has(verb) && verb !== "COPY" && verb !== "EXPORT") state.modified = true;

  if (verb === "PRAGMA") {
    let k = s + 1;
    if (toks[k + 1] !== undefined && isOp(toks[k + 1], ".")) k += 2;
    const name = toks[k];
    const n = name?.t === "word" || name?.t === "ident" ? name.v.toLowerCase() : "";
    const assigns = isOp(toks[k + 1], "=");
    if (assigns && SET_PRAGMAS.has(n)) state.modified = true;
    else if (assigns || !READ_PRAGMAS.has(n)) out.fail(`SQL PRAGMA ${show(n || "?")} is not known`);
    return;
  }
  if (
    verb === "SET" &&
    dialect === "mysql" &&
    toks.some((t) => isWord(t, "GLOBAL", "PERSIST", "PERSIST_ONLY"))
  ) {
    out.fail("SQL SET GLOBAL changes the server's settings (it can make the server write files)");
    return;
  }
  if (
    verb === "SET" &&
    dialect === "duckdb" &&
    toks.some((t) => t.t === "word" && /directory|unsigned|external_access|secret/i.test(t.v))
  ) {
    out.fail("SQL SET of a DuckDB file or extension setting is not known");
    return;
  }
  if (verb === "ALTER" && isWord(toks[s + 1], "SYSTEM")) {
    out.runs(
      "SQL ALTER SYSTEM changes the server's configuration (it can make the server run commands)",
    );
    return;
  }
  if (
    (verb === "SET" || verb === "ALTER") &&
    toks.some((t) => t.t === "word" && /preload_libraries|dynamic_library_path/i.test(t.v))
  ) {
    out.runs("SQL sets libraries the server loads");
    return;
  }
  if (verb === "LOAD" && !isWord(toks[s + 1], "DATA", "XML")) {
    out.runs("SQL LOAD loads a native extension or library");
    return;
  }
  if (verb === "CREATE") {
    for (let k = s + 1; k < Math.min(toks.length, s + 6); k++) {
      const t = toks[k];
      if (isWord(t) && CODE_OBJECTS.has(t.u)) {
        out.runs(`SQL CREATE ${t.u} installs code that runs later`);
        return;
      }
      if (
        isWord(
          t,
          "TABLE",
          "VIEW",
          "INDEX",
          "TRIGGER",
          "SCHEMA",
          "SEQUENCE",
          "TYPE",
          "DATABASE",
          "MACRO",
        )
      )
        break;
    }
  }
  if (verb === "IMPORT" && isWord(toks[s + 1], "DATABASE")) {
    const dir = stringAfter(toks, s + 2);
    if (dir === undefined) out.fail("SQL IMPORT DATABASE without a literal folder");
    else {
      out.read(dir);
      out.fail(
        `SQL IMPORT DATABASE ${show(dir)} runs the SQL files in that folder, which automode does not analyse`,
      );
    }
    return;
  }

  for (let k = s; k < toks.length; k++) {
    const t = toks[k] as SqlToken;
    if (t.t === "param") {
      out.runs(`psql variable ${show(t.v)} inserts text automode cannot see`);
      continue;
    }
    if (t.t !== "word") continue;
    const next = toks[k + 1];
    switch (t.u) {
      case "DROP":
        out.destroys(`SQL ${show(head(toks, k, 3))} deletes data irreversibly`);
        continue;
      case "TRUNCATE":
        if (!isOp(toks[k - 1], "="))
          out.destroys(`SQL ${show(head(toks, k, 3))} deletes every row`);
        continue;
      case "DELETE":
        if (!startsStatement(toks, k)) continue;
        state.modified = true;
        if (!hasWhere(toks, k))
          out.destroys(`SQL ${show(head(toks, k, 3))} without WHERE deletes every row`);
        continue;
      case "UPDATE":
        if (!startsStatement(toks, k)) continue;
        state.modified = true;
        if (!hasWhere(toks, k))
          out.destroys(`SQL ${show(head(toks, k, 2))} without WHERE overwrites every row`);
        continue;
      case "INSERT":
      case "REPLACE":
      case "MERGE":
        if (startsStatement(toks, k) && !isOp(next, "(")) state.modified = true;
        continue;
      case "EXECUTE":
        if (verb !== "GRANT" && verb !== "REVOKE")
          out.runs("SQL EXECUTE runs code automode cannot see");
        continue;
      case "OUTFILE":
      case "DUMPFILE": {
        const f = stringAfter(toks, k + 1);
        if (isWord(toks[k - 1], "INTO") && f !== undefined)
          fileEffect(out, "write", f, "SQL INTO OUTFILE");
        else if (isWord(toks[k - 1], "INTO")) out.fail("SQL INTO OUTFILE without a literal file");
        continue;
      }
      case "INFILE": {
        const f = stringAfter(toks, k + 1);
        if (f !== undefined) fileEffect(out, "read", f, "SQL INFILE");
        else out.fail("SQL INFILE without a literal file");
        continue;
      }
      case "INTO":
        if (isWord(toks[k - 1], "VACUUM")) {
          const f = stringAfter(toks, k + 1);
          if (f === undefined) out.fail("SQL VACUUM INTO without a literal file");
          else out.write(f);
        } else if (isSelectish && dialect === "postgres" && !isWord(next, "OUTFILE", "DUMPFILE"))
          state.modified = true; // SELECT … INTO creates a table
        continue;
      case "ATTACH":
        if (k === s) {
          const f = stringAfter(toks, k + 1, ["DATABASE", "IF", "NOT", "EXISTS"]);
          if (f === undefined) out.fail("SQL ATTACH without a literal file");
          else if (f !== ":memory:" && f !== "") fileEffect(out, "write", f, "SQL ATTACH");
        }
        continue;
      case "COPY":
        if (k === s) copy(toks, k, dialect, out, state);
        continue;
      case "EXPORT":
        if (k === s && isWord(next, "DATABASE")) {
          const f = stringAfter(toks, k + 2);
          if (f === undefined) out.fail("SQL EXPORT DATABASE without a literal folder");
          else out.write(f);
        }
        continue;
      case "ALTER":
        continue;
      case "FROM":
      case "JOIN":
        // DuckDB reads a file named in FROM: `SELECT * FROM 'data.csv'`.
        if (dialect === "duckdb" && next?.t === "string")
          fileEffect(out, "read", next.v, "SQL FROM");
        continue;
      default:
        break;
    }
    if (isOp(next, "(")) {
      const effect = FUNCTIONS[dialect][t.v.toLowerCase()];
      if (!effect) continue;
      const name = t.v.toLowerCase();
      if (effect.kind === "dynamic") {
        out.runs(`SQL ${name}() ${effect.why}`);
        continue;
      }
      const files = callArgument(toks, k + 1, effect.arg);
      if (files === undefined) out.runs(`SQL ${name}() touches a file whose name is computed`);
      else {
        const writes =
          effect.kind === "write" ||
          (dialect === "clickhouse" && isWord(toks[k - 1], "FUNCTION") && verb === "INSERT");
        for (const f of files) fileEffect(out, writes ? "write" : "read", f, `SQL ${name}()`);
      }
    }
  }
}

/** `COPY t FROM 'file'`, `COPY t TO 'file'`, `… PROGRAM 'cmd'`, `… STDIN/STDOUT`. */
function copy(
  toks: readonly SqlToken[],
  k: number,
  dialect: Dialect,
  out: Analysis,
  state: SqlState,
): void {
  let depth = 0;
  for (let j = k + 1; j < toks.length; j++) {
    const t = toks[j] as SqlToken;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "FROM", "TO")) {
      const dir = t.u === "FROM" ? "read" : "write";
      if (dir === "read") state.modified = true;
      const n = toks[j + 1];
      if (isWord(n, "PROGRAM")) out.runs(`SQL COPY … ${t.u} PROGRAM runs a shell command`);
      else if (isWord(n, "STDIN", "STDOUT")) {
        // the client's own streams
      } else if (n?.t === "string") fileEffect(out, dir, n.v, `SQL COPY ${t.u}`);
      else if (dialect === "postgres" || dialect === "duckdb")
        out.fail(`SQL COPY ${t.u} without a literal file`);
      return;
    }
  }
  out.fail("SQL COPY without FROM or TO");
}
