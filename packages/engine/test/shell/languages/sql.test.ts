import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeProgram } from "../../../src/shell/languages/index.js";
import { check, type Expect, harmless } from "./expect.js";

type Case = [string, string[], string | undefined, Expect];

const CASES: Case[] = [
  // issue 11's examples
  [
    "sqlite3",
    ["db", ".shell id"],
    undefined,
    { dynamic: true, understood: true, mentions: ".shell" },
  ],
  ["sqlite3", ["db", ".system rm -rf ~"], undefined, { dynamic: true }],
  [
    "sqlite3",
    ["db", ".import .env t"],
    undefined,
    { reads: [".env", "db"], writes: ["db"], dynamic: false },
  ],
  [
    "sqlite3",
    ["db", "select readfile('.env')"],
    undefined,
    { reads: [".env", "db"], writes: [], dynamic: false },
  ],
  ["sqlite3", ["-cmd", "DROP TABLE t", "db"], undefined, { destructive: true, understood: true }],
  ["sqlite3", ["db", "DROP/**/TABLE t"], undefined, { destructive: true, mentions: "DROP TABLE" }],
  ["psql", ["-c", "\\! id"], undefined, { dynamic: true, mentions: "\\!" }],
  ["duckdb", ["-c", "DROP TABLE t"], undefined, { destructive: true }],
  // read-only work is harmless
  ["sqlite3", ["db", "select 1"], undefined, harmless(["db"])],
  ["sqlite3", ["db", ".tables"], undefined, harmless(["db"])],
  ["sqlite3", ["db", ".schema t"], undefined, harmless(["db"])],
  [
    "sqlite3",
    ["-header", "-csv", "db", "SELECT * FROM t WHERE a = 'x; DROP TABLE t'"],
    undefined,
    harmless(["db"]),
  ],
  ["sqlite3", ["db", "PRAGMA table_info(t)"], undefined, harmless(["db"])],
  ["sqlite3", ["db", "EXPLAIN QUERY PLAN SELECT * FROM t"], undefined, harmless(["db"])],
  ["sqlite3", ["db", "select 1 -- DROP TABLE t"], undefined, harmless(["db"])],
  ["sqlite3", ["db", 'select "DROP", [drop] from t'], undefined, harmless(["db"])],
  ["sqlite3", ["db"], "-- the schema\n.tables\nSELECT count(*) FROM t;\n", harmless(["db"])],
  ["psql", ["-d", "app", "-c", "\\dt"], undefined, harmless()],
  ["psql", ["-X", "-A", "-t", "-c", "select now()"], undefined, harmless()],
  ["psql", ["-c", "select $$DROP TABLE t$$"], undefined, harmless()],
  ["mysql", ["-u", "root", "-e", "SHOW TABLES; DESCRIBE t"], undefined, harmless()],
  ["duckdb", ["-c", "SELECT 42"], undefined, harmless()],
  ["clickhouse-client", ["--query", "SELECT 1"], undefined, harmless()],
  // changes that are not destructive
  ["sqlite3", ["db", "insert into t values(1)"], undefined, harmless(["db"], ["db"])],
  ["sqlite3", ["db", "DELETE FROM t WHERE id = 3"], undefined, harmless(["db"], ["db"])],
  ["psql", ["-c", "UPDATE t SET a = 1 WHERE id = 2"], undefined, harmless()],
  [
    "psql",
    ["-c", "INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2"],
    undefined,
    harmless(),
  ],
  ["psql", ["-c", "ALTER TABLE t ADD COLUMN c int; CREATE INDEX i ON t(c)"], undefined, harmless()],
  // destroyers
  ["sqlite3", ["db", "DELETE FROM t"], undefined, { destructive: true, mentions: "without WHERE" }],
  ["psql", ["-c", "UPDATE t SET a = 1"], undefined, { destructive: true, mentions: "overwrites" }],
  ["psql", ["-c", "TRUNCATE t"], undefined, { destructive: true }],
  ["psql", ["-c", "ALTER TABLE t DROP COLUMN c"], undefined, { destructive: true }],
  [
    "psql",
    ["-c", "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d"],
    undefined,
    { destructive: true },
  ],
  ["psql", ["-c", "DELETE FROM t USING (SELECT 1 WHERE true) s"], undefined, { destructive: true }],
  ["psql", ["-c", "select '\\'; drop table t; --'"], undefined, { destructive: true }], // standard strings
  ["psql", ["-c", "select E'\\'; drop table t; --'"], undefined, harmless()], // E'' escapes
  [
    "psql",
    ["-c", "/* outer /* nested */ still comment */ DROP TABLE t"],
    undefined,
    { destructive: true },
  ],
  ["mysql", ["-e", "select 'a\\''; drop table t; -- '"], undefined, { destructive: true }],
  // a server may read backslashes the other way (NO_BACKSLASH_ESCAPES, standard_conforming_strings=off)
  [
    "mysql",
    ["-e", "SET sql_mode='NO_BACKSLASH_ESCAPES'; SELECT '\\'; DROP TABLE t; -- '"],
    undefined,
    { destructive: true },
  ],
  ["psql", ["-c", "select '\\''; drop table t; --'"], undefined, { destructive: true }],
  ["psql", ["-c", "select $é$'$é$; drop table t; --'"], undefined, { destructive: true }],
  ["mysql", ["-e", "select 'plain', \"double\""], undefined, harmless()],
  ["mysql", ["-e", "select 1 --1; drop table t"], undefined, { destructive: true }],
  ["mysql", ["-e", "/*!50000 DROP TABLE t */"], undefined, { destructive: true }],
  ["mysql", ["-e", "select 1 # DROP TABLE t"], undefined, harmless()],
  ["mysql", [], "DELIMITER //\nCREATE TABLE x (a int)//\nDROP TABLE y//\n", { destructive: true }],
  ["mariadb", ["db"], "DROP DATABASE app;", { destructive: true }],
  [
    "sqlite3",
    ["db", "CREATE TRIGGER x AFTER INSERT ON t BEGIN DELETE FROM u; END; select 1"],
    undefined,
    { destructive: true },
  ],
  ["sqlite3", ["db"], "SELECT 1;\nDROP TABLE t;\n", { destructive: true }],
  // sqlite3 skips a `#` line between statements, so its quote opens no string
  ["sqlite3", ["db"], "# '\nDROP TABLE t; -- '\n", { destructive: true }],
  ["duckdb", ["db"], "# '\nDROP TABLE t; -- '\n", { destructive: true }],
  ["clickhouse-client", ["-q", "TRUNCATE TABLE t"], undefined, { destructive: true }],
  [
    "clickhouse-client",
    ["-q", "SELECT 1 # it's\nDROP TABLE t # '"],
    undefined,
    { destructive: true },
  ],
  ["clickhouse-client", ["-q", "SELECT 1 #x"], undefined, { understood: false }],
  ["redis-cli", ["FLUSHALL"], undefined, { destructive: true }],
  ["redis-cli", ["-n", "2", "flushdb"], undefined, { destructive: true }],
  ["redis-cli", ["GET", "k"], undefined, harmless()],
  ["redis-cli", [], "SET a 1\nFLUSHALL\n", { destructive: true }],
  ["redis-cli", ["EVAL", "return 1", "0"], undefined, { dynamic: true }],
  // files and commands
  ["sqlite3", ["db", ".output out.txt"], undefined, { writes: ["out.txt"], dynamic: false }],
  ["sqlite3", ["db", ".once |cat"], undefined, { dynamic: true }],
  ["sqlite3", ["db", ".output '|sh -c id'"], undefined, { dynamic: true }],
  [
    "sqlite3",
    ["db", ".read init.sql"],
    undefined,
    { reads: ["init.sql", "db"], understood: false },
  ],
  ["sqlite3", ["db", ".open other.db"], undefined, { reads: ["db", "other.db"], understood: true }],
  ["sqlite3", ["db", ".backup copy.db"], undefined, { writes: ["copy.db"] }],
  ["sqlite3", ["db", ".restore .env"], undefined, { reads: [".env", "db"], writes: ["db"] }],
  [
    "sqlite3",
    ["db", "select writefile('.claudeignore', 'x')"],
    undefined,
    { writes: [".claudeignore"] },
  ],
  ["sqlite3", ["db", "select load_extension('./x.so')"], undefined, { dynamic: true }],
  [
    "sqlite3",
    ["db", "select readfile(name) from t"],
    undefined,
    { dynamic: true, mentions: "computed" },
  ],
  [
    "sqlite3",
    ["db", "ATTACH DATABASE 'secrets/x.db' AS s"],
    undefined,
    { writes: ["secrets/x.db", "db"] },
  ],
  ["sqlite3", ["db", "VACUUM INTO 'backup.db'"], undefined, { writes: ["backup.db", "db"] }],
  ["psql", ["-c", "\\o |cat"], undefined, { dynamic: true }],
  ["psql", ["-c", "\\i setup.sql"], undefined, { reads: ["setup.sql"], understood: false }],
  ["psql", ["-c", "\\copy t from '.env'"], undefined, { reads: [".env"], dynamic: false }],
  ["psql", ["-c", "\\copy t to program 'sh'"], undefined, { dynamic: true }],
  [
    "psql",
    ["-c", "\\copy (select (1) from t) to 'out.csv'"],
    undefined,
    { writes: ["out.csv"], reads: [] },
  ],
  ["psql", ["-c", "COPY t FROM PROGRAM 'id'"], undefined, { dynamic: true }],
  ["psql", ["-c", "COPY t TO '/tmp/out.csv'"], undefined, { writes: ["/tmp/out.csv"] }],
  ["psql", ["-c", "DO $$ BEGIN PERFORM 1; END $$"], undefined, { dynamic: true }],
  ["psql", ["-f", "migrate.sql"], undefined, { reads: ["migrate.sql"], understood: false }],
  ["psql", ["-c", "select :'secret'"], undefined, { dynamic: true }],
  ["mysql", ["-e", "system id"], undefined, { dynamic: true }],
  ["mysql", ["-e", "\\! id"], undefined, { dynamic: true }],
  ["mysql", [], "source dump.sql\n", { reads: ["dump.sql"], understood: false }],
  ["mysql", ["-e", "LOAD DATA LOCAL INFILE '.env' INTO TABLE t"], undefined, { reads: [".env"] }],
  ["mysql", ["-e", "SELECT * FROM t INTO OUTFILE '/tmp/x'"], undefined, { writes: ["/tmp/x"] }],
  ["mysql", ["-e", "SET GLOBAL general_log_file = '/tmp/x'"], undefined, { understood: false }],
  [
    "duckdb",
    ["db", "select * from read_csv('secrets/x.csv')"],
    undefined,
    { reads: ["secrets/x.csv", "db"] },
  ],
  ["duckdb", ["db", "select * from 'data.parquet'"], undefined, { reads: ["data.parquet", "db"] }],
  ["duckdb", ["db", "COPY t TO 'out.csv'"], undefined, { reads: ["db"], writes: ["out.csv"] }],
  ["duckdb", ["db", "INSTALL httpfs; LOAD httpfs"], undefined, { dynamic: true }],
  ["duckdb", ["db", "select * from query('DROP TABLE t')"], undefined, { dynamic: true }],
  [
    "duckdb",
    ["db", "select * from read_csv('s3://bucket/x.csv')"],
    undefined,
    { dynamic: true, mentions: "network" },
  ],
  ["psql", ["-c", "ALTER SYSTEM SET archive_command = 'sh -c id'"], undefined, { dynamic: true }],
  ["psql", ["-c", "SET session_preload_libraries = 'evil'"], undefined, { dynamic: true }],
  // not understood
  ["sqlite3", ["db", "FROBNICATE t"], undefined, { understood: false }],
  ["sqlite3", ["db", ".frobnicate"], undefined, { understood: false }],
  ["sqlite3", ["db", "select 'unterminated"], undefined, { understood: false }],
  ["sqlite3", ["--frobnicate", "db"], undefined, { understood: false }],
  ["psql", ["-c", "\\frobnicate"], undefined, { understood: false }],
  ["psql", [], undefined, harmless()], // an interactive session reads nothing automode cannot see
];

describe("SQL through its clients", () => {
  it.each(CASES)("%s %j <<< %j", (cmd, args, stdin, e) =>
    check(analyzeProgram(cmd, args, stdin), e),
  );

  it("judges statements from standard input it cannot see as not understood", () => {
    check(analyzeProgram("psql", ["app"], undefined, { stdinUnknown: true }), {
      understood: false,
    });
    check(
      analyzeProgram("sqlite3", ["db", "select 1"], undefined, { stdinUnknown: true }),
      harmless(["db"]),
    );
  });

  it("analyses a script file's text when the caller gives it", () => {
    const files = new Map([["m.sql", "CREATE TABLE a (x int);\nDROP TABLE b;\n"]]);
    check(analyzeProgram("psql", ["-f", "m.sql"], undefined, { files }), {
      reads: ["m.sql"],
      destructive: true,
      understood: true,
    });
  });

  it("returns undefined for commands that are not one of these languages", () => {
    expect(analyzeProgram("cat", ["x"])).toBeUndefined();
    expect(analyzeProgram("clickhouse", ["local"])).toBeUndefined();
  });
});

/**
 * The real sqlite3 as the judge of the lexer: each script runs against a fresh database whose
 * table `t` holds a row; the table survives exactly when automode saw nothing destructive.
 */
describe("agrees with the real sqlite3 on what destroys data", () => {
  const has = spawnSync("sqlite3", ["-version"]).status === 0;
  const dir = mkdtempSync(join(tmpdir(), "automode-sql-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const SCRIPTS = [
    "DROP/**/TABLE t",
    "select 1 -- ; DROP TABLE t",
    "select 'x; DROP TABLE t'",
    'select "DROP TABLE t" from t',
    "select 1; /* DROP TABLE t; */ select 2",
    "DELETE FROM t",
    "DELETE FROM t WHERE a = 2",
    "UPDATE t SET a = 5 WHERE a = 2",
    "select [drop] from (select 1 as [drop]); DELETE\nFROM\nt",
    "select 1 /* unterminated comment DROP TABLE t",
  ];
  it.skipIf(!has).each(SCRIPTS)("%j", (sql) => {
    const db = join(dir, `${Math.random().toString(36).slice(2)}.db`);
    expect(
      spawnSync("sqlite3", [db, "CREATE TABLE t (a int); INSERT INTO t VALUES (1);"]).status,
    ).toBe(0);
    spawnSync("sqlite3", ["-safe", db, sql]);
    const left = spawnSync("sqlite3", [db, "SELECT count(*) FROM t WHERE a = 1"])
      .stdout.toString()
      .trim();
    const r = analyzeProgram("sqlite3", [db, sql]);
    expect(r?.understood).toBe(true);
    expect((r?.destructive.length ?? 0) > 0).toBe(left !== "1");
  });
});

/**
 * Generated scripts against the real sqlite3: whenever automode finds nothing destructive
 * and understands the script, table `t` must still hold its row after sqlite3 ran it (in
 * `-safe` mode, so nothing else is touched). Comments, strings, quoted names and statement
 * breaks are mixed around the destroyers.
 */
describe("generated scripts never hide a destroyer from the lexer", () => {
  const has = spawnSync("sqlite3", ["-version"]).status === 0;
  const pieces = [
    "DROP TABLE t",
    "DELETE FROM t",
    "UPDATE t SET a = 2",
    "DELETE FROM t WHERE a = 9",
    "SELECT 1",
    ";",
    "\n",
    " ",
    "--",
    "/*",
    "*/",
    "'",
    '"',
    "`",
    "[",
    "]",
    "''",
    "x'00'",
    "--x\n",
    "/**/",
    "(",
    ")",
    "WHERE",
    "BEGIN",
    "END",
    "CREATE TRIGGER g AFTER INSERT ON t BEGIN",
    "\n#",
  ];
  const dir = mkdtempSync(join(tmpdir(), "automode-sqlgen-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.skipIf(!has)(
    "on 200 generated scripts",
    () => {
      let n = 0;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }), (ps) => {
          const sql = ps.join(" ");
          // Half through an argument, half on standard input (sqlite3 reads those differently).
          const stdin = n % 2 === 1;
          const db = join(dir, `${n++}.db`);
          const r = stdin
            ? analyzeProgram("sqlite3", [db], sql)
            : analyzeProgram("sqlite3", [db, sql]);
          if (r?.understood !== true || r.destructive.length > 0) return;
          spawnSync("sqlite3", [db, "CREATE TABLE t (a int); INSERT INTO t VALUES (1);"]);
          if (stdin) spawnSync("sqlite3", ["-safe", db], { input: sql });
          else spawnSync("sqlite3", ["-safe", db, sql]);
          const left = spawnSync("sqlite3", [db, "SELECT count(*) FROM t WHERE a = 1"]);
          expect(left.stdout.toString().trim(), sql).toBe("1");
        }),
        { numRuns: 200 },
      );
    },
    120_000,
  );
});

/**
 * sqlite3's `-safe` mode refuses what can touch files other than the database or run code
 * (`.shell`, `.output FILE`, `readfile()`, `ATTACH`, …). Whenever automode calls a script
 * clean (understood, nothing dynamic, no file but the database), sqlite3 -safe must run it
 * without refusing anything.
 */
describe("generated scripts with client commands never hide a file or a command", () => {
  const has = spawnSync("sqlite3", ["-version"]).status === 0;
  const pieces = [
    "\n.tables\n",
    "\n.shell true\n",
    "\n.system true\n",
    "\n.output o1\n",
    "\n.once o2\n",
    // (`.output` alone goes back to the terminal: harmless, though -safe refuses it too)
    "\n.import o3 t\n",
    "\n.read o4\n",
    "\n.load o5\n",
    "\n.open o6\n",
    "\n.backup o7\n",
    "\n.log o8\n",
    "\n.headers on\n",
    "\n# x\n",
    "select writefile('o9', 'y')",
    "select readfile('o10')",
    "select load_extension('o11')",
    "ATTACH 'o12' AS y",
    "VACUUM INTO 'o13'",
    "SELECT 1",
    ";",
    "'",
    "--",
    "/*",
    "*/",
    "\n",
  ];
  const dir = mkdtempSync(join(tmpdir(), "automode-sqlsafe-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.skipIf(!has)(
    "on 200 generated scripts",
    () => {
      let n = 0;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (ps) => {
          const sql = ps.join(" ");
          const stdin = n % 2 === 1;
          const db = join(dir, `${n++}.db`);
          const r = stdin
            ? analyzeProgram("sqlite3", [db], sql)
            : analyzeProgram("sqlite3", [db, sql]);
          const clean =
            r?.understood === true &&
            r.dynamic.length === 0 &&
            r.reads.every((f) => f === db) &&
            r.writes.every((f) => f === db);
          if (!clean) return;
          const run = stdin
            ? spawnSync("sqlite3", ["-safe", db], { input: sql, cwd: dir })
            : spawnSync("sqlite3", ["-safe", db, sql], { cwd: dir });
          expect(`${run.stdout}${run.stderr}`, sql).not.toMatch(
            /safe mode|not authorized|prohibited/i,
          );
        }),
        { numRuns: 200 },
      );
    },
    120_000,
  );
});
