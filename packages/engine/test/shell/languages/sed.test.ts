import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeProgram } from "../../../src/shell/languages/index.js";
import { check, type Expect, harmless } from "./expect.js";

const CASES: [string[], Expect][] = [
  // issue 11's examples
  [["-n", "1r.env", "x"], { reads: [".env", "x"], writes: [], understood: true }],
  [["w .claudeignore", "x"], { reads: ["x"], writes: [".claudeignore"], understood: true }],
  // everyday scripts
  [["s/a/b/g", "f"], harmless(["f"])],
  [["-n", "/foo/p", "f"], harmless(["f"])],
  [["-E", "s/([0-9]+)/<\\1>/g", "f"], harmless(["f"])],
  [["-i", "s/a/b/", "f"], harmless(["f"], ["f"])],
  [["-i.bak", "-e", "s/x/y/", "a", "b"], harmless(["a", "b"], ["a", "b"])],
  [["--in-place=.orig", "1d", "f"], harmless(["f"], ["f"])],
  [["s/a/b/", "f", "-i"], harmless(["f"], ["f"])], // GNU getopt permutes
  [[":a;N;$!ba;s/\\n/ /g", "f"], harmless(["f"])],
  [["/start/,/end/{/x/d;s/^/  /}", "f"], harmless(["f"])],
  [["-e", "1i\\", "-e", "header", "f"], harmless(["f"])],
  [["$a\\\nlast line", "f"], harmless(["f"])],
  [["y/abc/xyz/", "f"], harmless(["f"])],
  [["s|/usr/bin|/opt/bin|g", "f"], harmless(["f"])],
  [["s/\\/r x/y/", "f"], harmless(["f"])], // escaped delimiter: the `r` is part of the regex
  [["# comment w x\ns/a/b/", "f"], harmless(["f"])],
  [["0,/re/s//X/;5~2d;3,+2p;$!N;l 20;q5", "f"], harmless(["f"])],
  [["\\%x%d", "f"], harmless(["f"])],
  [["--expression=s/a/b/", "-s", "--posix", "f"], harmless(["f"])],
  [["--expr", "p", "f"], harmless(["f"])], // getopt_long accepts a unique prefix
  // files and commands inside the script
  [["1r /dev/stdin", "f"], harmless(["f"])],
  [["w /dev/stdout", "f"], harmless(["f"])],
  [["s/a/b/w out.txt", "f"], harmless(["f"], ["out.txt"])],
  [["/x/R secrets/key", "f"], { reads: ["f", "secrets/key"], understood: true }],
  [["1W log; s/a/b/", "f"], { writes: ["log; s/a/b/"], understood: true }], // the name runs to the line end
  [["2{r .env\n}", "f"], { reads: [".env", "f"], understood: true }],
  [["e id", "f"], { dynamic: true, understood: true, mentions: "shell command" }],
  [["1!e", "f"], { dynamic: true, understood: true }],
  [["s/.*/date/e", "f"], { dynamic: true, understood: true }],
  [["s/x/y/gew out", "f"], { dynamic: true, writes: ["out"] }],
  // a label ends at a blank and the next command may follow it; so may `a\ ` end its text
  [["b a w x", "f"], { writes: ["x"], understood: true }],
  [[":a p;t a w y", "f"], { writes: ["y"], understood: true }],
  [["a\\ \nw z", "f"], { writes: ["z"], understood: true }],
  [["a\\\nw z", "f"], harmless(["f"])], // here `w z` is the appended text
  [["-f", "script.sed", "f"], { reads: ["script.sed", "f"], understood: false }],
  // not understood: the closed world
  [["k", "f"], { understood: false }],
  [["s/a/b/Z", "f"], { understood: false }],
  [["s/a/b", "f"], { understood: false }],
  [["/x/{p", "f"], { understood: false }],
  [["p}", "f"], { understood: false }],
  [["--frobnicate", "p", "f"], { understood: false }],
  [["--s", "p", "f"], { understood: false }], // ambiguous: --separate, --silent, --sandbox
  [["1r", "f"], { understood: false }],
  [[], { understood: false }],
  [[undefined as unknown as string, "f"], { understood: false }],
];

describe("sed scripts", () => {
  it.each(CASES)("sed %j", (args, e) => check(analyzeProgram("sed", args), e));

  it("reads a -f script's text when the caller gives it", () => {
    const files = new Map([["s.sed", "1r .env\ns/a/b/\n"]]);
    check(analyzeProgram("sed", ["-f", "s.sed", "f"], undefined, { files }), {
      reads: ["s.sed", ".env", "f"],
      understood: true,
      dynamic: false,
    });
  });
});

/**
 * GNU sed itself as the judge: in --sandbox mode it refuses `e`, `r` and `w` when it compiles
 * a script, so a script it accepts there touches nothing. Every script automode calls
 * harmless must compile there, and every script it fails to parse must fail there too.
 */
describe("agrees with GNU sed --sandbox", () => {
  const hasSed = spawnSync("sed", ["--version"]).stdout?.toString().includes("GNU") === true;
  // `r /dev/stdin` and `w /dev/stdout` are harmless to automode but still refused by --sandbox.
  const scripts = CASES.filter(
    ([a]) => a.length === 2 && a[1] === "f" && typeof a[0] === "string" && !a[0].includes("/dev/"),
  ).map(([a]) => a[0] as string);
  it.skipIf(!hasSed).each(scripts)("%j", (script) => {
    const r = analyzeProgram("sed", [script, "f"]);
    const real = spawnSync("sed", ["--sandbox", "-n", "-e", script, "/dev/null"]);
    const clean =
      r?.understood === true &&
      r.dynamic.length === 0 &&
      r.writes.length === 0 &&
      r.reads.length === 1;
    if (clean) check(r, harmless(["f"]));
    if (clean && real.status !== 0) throw new Error(`GNU sed rejects ${script}: ${real.stderr}`);
    if (r?.understood === false && real.status === 0)
      throw new Error(`GNU sed accepts ${script}, automode does not understand it`);
    if (!clean && r?.understood === true && real.status === 0)
      throw new Error(
        `GNU sed --sandbox accepts ${script}, which automode says touches files or runs commands`,
      );
  });
});

/**
 * Generated scripts against GNU sed: whenever automode calls a script clean (understood, no
 * file but the operand, no command), `sed --sandbox` must not refuse it for an `e`, `r` or
 * `w` that automode missed. (This found labels and `a\ ` text swallowing a `w` command.)
 */
describe("generated scripts never hide e/r/w from the parser", () => {
  const hasSed = spawnSync("sed", ["--version"]).stdout?.toString().includes("GNU") === true;
  const pieces = [
    ..."pd1$,!{};\n =NxqM",
    "s/a/b/",
    "s|x|y|g",
    "/re/",
    "r x",
    "w y",
    "e id",
    "\\",
    "/",
    "a foo",
    "a\\ \n",
    "a\\\n",
    "i foo\\\n",
    "\t",
    "c\\",
    "y/a/b/",
    ":l",
    "b l",
    "t l",
    "#c",
    "s/x/\\/w z/",
    "w",
    "r",
    "e",
    "s/a/b/w q",
    "s/a/b/e",
    "0~3",
    "+2",
    "l 5",
    "\\%x%",
  ];
  it.skipIf(!hasSed)("on 300 generated scripts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (ps) => {
        const script = ps.join("");
        const r = analyzeProgram("sed", [script, "f"]);
        const clean =
          r?.understood === true &&
          r.dynamic.length === 0 &&
          r.writes.length === 0 &&
          r.reads.length === 1;
        if (!clean) return;
        const real = spawnSync("sed", ["--sandbox", "-n", "-e", script, "/dev/null"]);
        expect(real.stderr.toString()).not.toContain("sandbox");
      }),
      { numRuns: 300 },
    );
  });
});
