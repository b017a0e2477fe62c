import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluationFindings } from "../../src/shell/evaluation.js";
import { checkArith, NO_NUMBERS } from "../../src/shell/evaluation-arith.js";
import { backtickScript, heredocScript } from "../../src/shell/evaluation-structure.js";
import { parseBash, type SyntaxNode } from "../../src/shell/parser.js";

const findings = (line: string) => evaluationFindings(parseBash(line).root);
const reasons = (line: string) => findings(line).map((f) => `${f.check}: ${f.reason}`);

function find(n: SyntaxNode, type: string): SyntaxNode | undefined {
  if (n.type === type) return n;
  for (const c of n.children) {
    const f = find(c, type);
    if (f) return f;
  }
  return undefined;
}

describe("arithmetic read statically", () => {
  it("accepts numbers, operators and the shell's own numbers", () => {
    for (const e of ["1+2", "16#ff * 0x10", "(3 << 2) % 5", "$# + $?", "${#x} > 2", "$((1+2))"])
      expect(checkArith(e, NO_NUMBERS, 0).problems, e).toEqual([]);
  });

  it("names what it cannot fix", () => {
    expect(checkArith("x + 1", NO_NUMBERS, 0).problems[0]).toMatch(/reads x/);
    expect(checkArith("$x", NO_NUMBERS, 0).problems[0]).toMatch(/expands \$x/);
    expect(checkArith("a[0]", NO_NUMBERS, 0).problems[0]).toMatch(/array element a/);
    expect(checkArith("$(id)", NO_NUMBERS, 0).problems[0]).toMatch(/command substitution/);
    expect(checkArith("`id`", NO_NUMBERS, 0).problems[0]).toMatch(/command substitution/);
    expect(checkArith("${x:-1}", NO_NUMBERS, 0).problems[0]).toMatch(/expansion/);
    expect(checkArith("'1'", NO_NUMBERS, 0).problems[0]).toMatch(/does not read/);
  });

  it("takes a plain assignment as a target, not a read", () => {
    const r = checkArith("i = 0, j++", NO_NUMBERS, 0);
    expect(r.targets.map((t) => t.name)).toEqual(["i", "j"]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/reads j/);
  });

  it("does not take the name after a postfix increment for a target", () => {
    const r = checkArith("i++ + j", NO_NUMBERS, 0);
    expect(r.targets.map((t) => t.name)).toEqual(["i"]);
  });
});

describe("variables the line fixes to numbers", () => {
  it("are safe after their assignment, not before", () => {
    expect(findings("n=3; echo $(( n * 2 ))")).toEqual([]);
    expect(reasons("echo $(( n * 2 )); n=3")[0]).toMatch(/reads n/);
  });

  it("never include _, which bash sets after every command", () => {
    expect(reasons("_=1; echo $(( _ ))")[0]).toMatch(/reads _/);
  });

  it("are not fixed when any assignment in the line is not a number", () => {
    expect(reasons("n=3; n=$1; echo $(( n ))")[0]).toMatch(/reads n/);
    expect(reasons("n=3; read n; (( n ))")[0]).toMatch(/reads n/);
    expect(reasons("for n in 1 x; do (( n )); done")[0]).toMatch(/reads n/);
  });

  it("hold for any name and any literal integer (property)", () => {
    fc.assert(
      fc.property(
        // `_` is bash's own: the last argument of the command before.
        fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/).filter((n) => n !== "_"),
        fc.integer({ min: -1000, max: 1000 }),
        (name, value) => {
          expect(findings(`${name}=${value}; echo $(( ${name} + 1 ))`)).toEqual([]);
          expect(findings(`${name}='${value}x'; echo $(( ${name} + 1 ))`)).not.toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("findings name the construct", () => {
  it.each([
    ["[[ $x -eq 1 ]]", /\[\[ … -eq … \]\]/],
    ["(( x ))", /\(\( \)\)/],
    ["let y", /^dynamic: let/],
    ["echo ${!x}", /indirect expansion/],
    ["echo ${x@P}", /prompt/],
    ["declare -n r=x", /declare -n/],
    ["declare -i n; n=$1", /integer variable/],
    ["unset 'a[$(id)]'", /^dynamic: unset/],
    ["printf -v 'a[i]' x", /printf -v/],
    ["test -v 'a[i]'", /test -v/],
    ["read 'a[i]'", /^dynamic: read/],
    ["mapfile -C cb a", /mapfile -C/],
    ["s=x; echo ${s:i}", /offset/],
    ["exec {a[i]}>/dev/null", /descriptor variable/],
    ["r\\\nm -rf src", /^unparseable: a backslash-newline/],
    ["{ echo; }# x", /^unparseable: a #/],
  ])("%s", (line, re) => {
    expect(
      reasons(line).some((r) => re.test(r)),
      reasons(line).join("\n"),
    ).toBe(true);
  });

  it("finds nothing in lines without evaluation", () => {
    for (const l of [
      "git status && npm test",
      "[[ $# -eq 0 ]] && echo none",
      "for ((i=0;i<3;i++)); do echo $i; done",
      "echo ${x:-a} ${#x} ${!prefix*} ${a[@]}",
      "declare -A m; m[$k]=1",
      "[ $x -eq 1 ]",
      "exec {fd}>/dev/null",
    ])
      expect(findings(l), l).toEqual([]);
  });
});

describe("text bash runs that the tree shows as data", () => {
  it("cuts the expansions out of a heredoc body", () => {
    const root = parseBash("cat <<-EOF\n\ta $(b c) `d \\`e\\``\n\t\\$(no)\n\tEOF").root;
    const body = find(root, "heredoc_body");
    expect(body && heredocScript(body)).toBe(': "$(b c)"\n: "$(d `e`)"');
  });

  it("gives the command bash runs inside backticks", () => {
    const sub = find(parseBash("echo `echo \\`rm x\\``").root, "command_substitution");
    expect(sub && backtickScript(sub)).toBe("echo `rm x`");
    const plain = find(parseBash("echo `ls`").root, "command_substitution");
    expect(plain && backtickScript(plain)).toBeUndefined();
  });
});
