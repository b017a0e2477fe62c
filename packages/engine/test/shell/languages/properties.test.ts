import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeProgram, type ProgramAnalysis } from "../../../src/shell/languages/index.js";

/** What a verdict can depend on (reasons carry positions, which a comment shifts). */
function signature(r: ProgramAnalysis | undefined) {
  expect(r).toBeDefined();
  const a = r as ProgramAnalysis;
  return {
    reads: [...a.reads].sort(),
    writes: [...a.writes].sort(),
    dynamic: a.dynamic.length > 0,
    destructive: a.destructive.length > 0,
    understood: a.understood,
  };
}

const SED = [
  "s/a/b/g",
  "1r.env",
  "/x/{p;d}",
  ":a;N;$!ba;s/\\n/ /g",
  "w out",
  "s/x/y/e",
  "$a\\\ntext",
  "y/ab/cd/",
];
const AWK = [
  "{print $1}",
  '{ print $1 > "out" }',
  'BEGIN { while ((getline l < ".env") > 0) print l }',
  'BEGIN { system("id") }',
  "function f(x) { return x } { print f($2) }",
  '{ print ">" $1 }',
];
const JQ = [".foo", ".a | @sh", "map(select(.n > 1))", "env.HOME", "def f: .; f", '"\\(.a) x"'];
const SQL: [string, string[]][] = [
  ["sqlite3", ["db", "select 1"]],
  ["sqlite3", ["db", "DROP TABLE t"]],
  ["sqlite3", ["db", ".tables"]],
  ["sqlite3", ["db", "select readfile('.env')"]],
  ["psql", ["-c", "UPDATE t SET a = 1"]],
  ["psql", ["-c", "select 1"]],
  ["mysql", ["-e", "DELETE FROM t WHERE id = 1"]],
  ["duckdb", ["-c", "COPY t TO 'x.csv'"]],
];

/** Text that fits in a line comment. */
const lineText = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, " "));
const unknownName = fc.stringMatching(/^[a-z]{3,8}$/).map((s) => `zq${s}`);

describe("the analysers never throw", () => {
  const names = [
    "sed",
    "awk",
    "jq",
    "yq",
    "sqlite3",
    "psql",
    "mysql",
    "duckdb",
    "clickhouse-client",
    "redis-cli",
  ];
  it("on arbitrary program text", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ maxLength: 120 }), (name, text) => {
        const r = analyzeProgram(
          name,
          name === "sqlite3" || name === "duckdb"
            ? ["db", text]
            : name === "psql"
              ? ["-c", text]
              : name === "mysql"
                ? ["-e", text]
                : [text, "f"],
        );
        expect(r).toBeDefined();
      }),
      { numRuns: 1500 },
    );
  });
  it("on arbitrary arguments and standard input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 20 }),
            fc.constantFrom("-e", "-f", "-c", "-i", "--", "-", "-cmd", "--rawfile", "-v"),
          ),
          { maxLength: 6 },
        ),
        fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
        (name, args, stdin) => {
          const r = analyzeProgram(name, args, stdin);
          expect(r).toBeDefined();
          if (r && !r.understood) expect(r.dynamic.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
  it("on characters that matter to the lexers", () => {
    const soup = [..."'\"`$\\/*-#;{}()[]<>|&!@:=.\n rwedsDROPTABLEgetline"];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.constantFrom(...soup), { maxLength: 80 }),
        (name, cs) => {
          const text = cs.join("");
          expect(analyzeProgram(name, name === "sqlite3" ? ["db", text] : [text])).toBeDefined();
          expect(analyzeProgram(name, [], text)).toBeDefined();
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("adding a comment never changes the result", () => {
  it("sed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SED), lineText, (p, c) => {
        expect(signature(analyzeProgram("sed", [`#${c}\n${p}`, "f"]))).toEqual(
          signature(analyzeProgram("sed", [p, "f"])),
        );
        expect(signature(analyzeProgram("sed", [`${p}\n#${c}`, "f"]))).toEqual(
          signature(analyzeProgram("sed", [p, "f"])),
        );
      }),
    );
  });
  it("awk", () => {
    fc.assert(
      fc.property(fc.constantFrom(...AWK), lineText, (p, c) => {
        expect(signature(analyzeProgram("awk", [`# ${c}\n${p}\n# ${c}`, "f"]))).toEqual(
          signature(analyzeProgram("awk", [p, "f"])),
        );
      }),
    );
  });
  it("jq", () => {
    fc.assert(
      fc.property(fc.constantFrom(...JQ), lineText, (p, c) => {
        expect(signature(analyzeProgram("jq", [`# ${c}\n${p}\n# ${c}`, "f"]))).toEqual(
          signature(analyzeProgram("jq", [p, "f"])),
        );
      }),
    );
  });
  it("SQL, line and block comments", () => {
    // No `/` or `*` inside (Postgres nests comments), and a space first (MySQL runs `/*! … */`).
    const block = fc.string({ maxLength: 40 }).map((s) => ` ${s.replace(/[/*]/g, " ")} `);
    fc.assert(
      fc.property(fc.constantFrom(...SQL), lineText, block, ([cmd, args], c, b) => {
        const base = signature(analyzeProgram(cmd, args));
        const last = args.length - 1;
        const withLine = args.map((a, k) => (k === last ? ` -- ${c}\n${a}\n-- ${c}` : a));
        expect(signature(analyzeProgram(cmd, withLine))).toEqual(base);
        if (!(args[last] ?? "").startsWith(".")) {
          const withBlock = args.map((a, k) => (k === last ? `/*${b}*/${a}/*${b}*/` : a));
          expect(signature(analyzeProgram(cmd, withBlock))).toEqual(base);
        }
      }),
    );
  });
});

describe("a program with an unknown command is never understood", () => {
  it("sed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SED), fc.constantFrom(..."jkoKLIoOuU&%"), (p, c) => {
        expect(analyzeProgram("sed", [`${p}\n${c}`, "f"])?.understood).toBe(false);
      }),
    );
  });
  it("awk", () => {
    fc.assert(
      fc.property(fc.constantFrom(...AWK), unknownName, (p, n) => {
        expect(analyzeProgram("awk", [`${p}\n{ ${n}($1) }`, "f"])?.understood).toBe(false);
      }),
    );
  });
  it("jq and yq", () => {
    fc.assert(
      fc.property(fc.constantFrom(...JQ), unknownName, (p, n) => {
        expect(analyzeProgram("jq", [`${p} | ${n}`, "f"])?.understood).toBe(false);
        expect(analyzeProgram("yq", [`${p} | ${n}`, "f"])?.understood).toBe(false);
      }),
    );
  });
  it("SQL statements and client commands", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SQL), unknownName, fc.boolean(), ([cmd, args], n, meta) => {
        const extra = meta
          ? cmd === "psql"
            ? `\\${n}`
            : cmd === "mysql"
              ? `${n.toUpperCase()} x`
              : `.${n}`
          : `${n.toUpperCase()} x`;
        const last = args.length - 1;
        const more = args.map((a, k) => (k === last ? `${a};\n${extra}` : a));
        expect(analyzeProgram(cmd, more)?.understood).toBe(false);
      }),
    );
  });
});
