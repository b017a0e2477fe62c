import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeProgram } from "../../../src/shell/languages/index.js";
import { check, type Expect, harmless } from "./expect.js";

const CASES: [string[], Expect][] = [
  // issue 11's example
  [
    ['{ while ((getline line < ".env") > 0) print line }'],
    { reads: [".env"], understood: true, dynamic: false },
  ],
  [['BEGIN { getline < ".env"; print }'], { reads: [".env"], understood: true }],
  // everyday programs
  [["{print $1}", "f"], harmless(["f"])],
  [["-F:", "{print $1}", "/etc/passwd"], harmless(["/etc/passwd"])],
  [["-F", ",", "-v", "OFS=\t", "{$1=$1; print}", "a.csv"], harmless(["a.csv"])],
  [["NR==1 || /err/ {n++} END {print n}", "log"], harmless(["log"])],
  [['{ print ">" $1 }', "f"], harmless(["f"])], // `>` in a string is not a redirect
  [["$1 ~ />/ { print (a > b) }", "f"], harmless(["f"])], // nor in a regex, nor in parentheses
  [['{ s += $2 } END { printf "%d\\n", s / NR }', "f"], harmless(["f"])],
  [["function f(x) { return x*2 } { print f($1) }", "f"], harmless(["f"])],
  [
    ['{ a[$1]++ } END { for (k in a) print k, a[k] | "sort" }', "f"],
    { dynamic: true, mentions: "print | cmd" },
  ],
  [["{ getline; print }", "f"], harmless(["f"])],
  [["{ getline x; print x }", "f"], harmless(["f"])],
  [["{ print $1 }", "n=1", "f"], harmless(["f"])], // an assignment operand is not a file
  [['{ print > "/dev/stderr" }', "f"], harmless(["f"])],
  [['{ close("out"); fflush() }', "f"], harmless(["f"])],
  [['BEGIN { print ENVIRON["HOME"] }'], harmless()],
  [["{ print length($0), substr($0, 2), toupper($1) }", "f"], harmless(["f"])],
  [['{ print $1 }\n# print > "x"\n', "f"], harmless(["f"])],
  // writes
  [
    ['{ print $1 > "out.txt" }', "f"],
    { reads: ["f"], writes: ["out.txt"], dynamic: false, understood: true },
  ],
  [
    ['{ printf "%s\\n", $1 >> ".claudeignore" }', "f"],
    { writes: [".claudeignore"], understood: true },
  ],
  [['{ print $1 > ($2 ".txt") }', "f"], { dynamic: true, mentions: "computed" }],
  [["{ print > $1 }", "f"], { dynamic: true }],
  [["{ getline line < $1 }", "f"], { dynamic: true }],
  [['{ print $1,\n "x" > ".claudeignore" }', "f"], { writes: [".claudeignore"], understood: true }],
  // `print(` and `printf(` lex as calls; their redirects count all the same (found by gawk --sandbox)
  [['BEGIN { printf("%d\\n", 1) > "o4" }'], { writes: ["o4"], understood: true }],
  [['BEGIN { print(1)(2) > "o6" }'], { writes: ["o6"], understood: true }],
  [['BEGIN { print("x") | "sh" }'], { dynamic: true }],
  [['{ if ($1 &&\n $2) print > "y" }', "f"], { writes: ["y"], understood: true }],
  // commands and coprocesses
  [['BEGIN { system("id") }'], { dynamic: true, mentions: "system()" }],
  [['{ "date" | getline d; print d }'], { dynamic: true, mentions: "getline" }],
  [['{ print | "sh" }'], { dynamic: true }],
  [['BEGIN { "cmd" |& getline }'], { dynamic: true }],
  [['BEGIN { print "x" > "/inet/tcp/0/example.com/80" }'], { dynamic: true }],
  [['BEGIN { ARGV[1] = ".env"; ARGC = 2 } { print }'], { dynamic: true, mentions: "ARGV" }],
  [['BEGIN { f = "system"; @f("id") }'], { dynamic: true }],
  [['@load "filefuncs"; BEGIN { }'], { dynamic: true }],
  [["-l", "filefuncs", "BEGIN {}"], { dynamic: true }],
  // a regex after `if (…)` is a regex, so its quote cannot hide the redirect after it
  [['{ if (1) /a"/; print > "x" # "\n}', "f"], { writes: ["x"], understood: true }],
  [['{ while (0) /"/; print | "sh" # "\n}'], { dynamic: true }],
  [["{ x = (1) / 2; print x }", "f"], harmless(["f"])],
  // options and program files
  [["-f", "prog.awk", "f"], { reads: ["prog.awk", "f"], understood: false }],
  [["-o", "{print}", "f"], { writes: ["awkprof.out"] }],
  // not understood
  [['BEGIN { print "unterminated }'], { understood: false }],
  [["{ print $1 ", "f"], { understood: false }],
  [["{ frobnicate($1) }", "f"], { understood: false }],
  [["--frobnicate", "{}"], { understood: false }],
  [[], { understood: false }],
];

describe("awk programs", () => {
  it.each(CASES)("awk %j", (args, e) => check(analyzeProgram("awk", args), e));

  it("analyses a -f program's text when the caller gives it", () => {
    const files = new Map([["p.awk", '{ print $0 > "copy" }\n']]);
    check(analyzeProgram("gawk", ["-f", "p.awk", "in"], undefined, { files }), {
      reads: ["p.awk", "in"],
      writes: ["copy"],
      understood: true,
      dynamic: false,
    });
  });
});

/**
 * The system's awk (gawk when installed) as the judge: each program automode understands as running nothing runs
 * in an empty folder on one line of input; the files it creates are exactly the writes
 * automode reported (reads of missing files create nothing).
 */
describe("agrees with the real awk on the files a program writes", () => {
  // gawk when installed: it accepts the gawk syntax the analyser must see through.
  const awk = spawnSync("gawk", ["BEGIN { exit 0 }"]).status === 0 ? "gawk" : "awk";
  const has = spawnSync(awk, ["BEGIN { exit 0 }"]).status === 0;
  const programs = CASES.filter(([a]) => a.length <= 2 && (a.length === 1 || a[1] === "f"))
    .map(([a]) => a[0] as string)
    .filter((p) => {
      const r = analyzeProgram("awk", [p]);
      return r?.understood === true && r.dynamic.length === 0;
    });
  it.skipIf(!has).each(programs)("%j", (program) => {
    const dir = mkdtempSync(join(tmpdir(), "automode-awk-"));
    try {
      writeFileSync(join(dir, "in"), "a b c\n");
      const run = spawnSync(awk, [program, "in"], { cwd: dir, input: "", timeout: 10_000 });
      // mawk rejects some gawk syntax (`if (1) /re/`); a program that does not run proves nothing.
      if (run.status !== 0) return;
      const created = readdirSync(dir).filter((f) => f !== "in");
      const r = analyzeProgram("awk", [program, "in"]);
      expect(created.sort()).toEqual([...(r?.writes ?? [])].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Generated programs against gawk --sandbox, which refuses every redirect, pipe and system()
 * when it runs them: a program automode calls clean must run there without that refusal and
 * create no file. (This found `printf(…) > "f"`, which lexed as a call.)
 */
describe("generated programs never hide a redirect from the lexer", () => {
  const hasGawk = spawnSync("gawk", ["BEGIN { exit 0 }"]).status === 0;
  const pieces = [
    'print "a"',
    'print "a" > "o1"',
    'print ">" "x"',
    "print (1 > 2)",
    'printf "%s", "x" > "o2"',
    'getline l < "in"',
    '"echo" | getline z',
    'system("true")',
    'print | "cat"',
    "x = 1 / 2",
    'if (1) /a"/',
    'print "a",\n "b" > "o3"',
    '# "',
    '"',
    "/re/",
    'x = "q\\""',
    "print x > y",
    "x = /[/]/",
    "y = (1) / 2 / 1",
    'printf("%d\\n", 1) > "o4"',
    'print(1)(2) > "o6"',
    "if (1 &&\n 1) x",
    'do print > "o7"; while (0)',
    'if (0) x; else print > "o8"',
    'print 1 ? 2 : 3 > "o9"',
    "print /=/",
    "k /= 2",
    '{ print >> "ob" }',
    "{",
    "}",
    ")",
    "(",
  ];
  it.skipIf(!hasGawk)("on 60 generated programs", () => {
    const dir = mkdtempSync(join(tmpdir(), "automode-awkgen-"));
    try {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (ps) => {
          const program = `BEGIN { ${ps.join("; ")} }`;
          const r = analyzeProgram("awk", [program]);
          const clean =
            r?.understood === true &&
            r.dynamic.length === 0 &&
            r.writes.length === 0 &&
            r.reads.length === 0;
          if (!clean) return;
          const run = spawnSync("gawk", ["--sandbox", program], {
            cwd: dir,
            input: "",
            timeout: 10_000,
          });
          expect(run.stderr.toString()).not.toContain("sandbox");
          expect(readdirSync(dir)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
