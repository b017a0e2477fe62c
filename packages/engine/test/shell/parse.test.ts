import { describe, expect, it } from "vitest";
import { analyzeCommand, initShellParser } from "../../src/shell/index.js";
import { CTX, checks, execs, fileOps, ops } from "./helpers.js";

describe("splitting on list and pipeline operators", () => {
  it.each(["&&", "||", ";", "|", "|&", "&", "\n"])("a %s b", (op) => {
    const names = execs(`cat a ${op} rm b`).map((e) => e.command.name);
    expect(names).toEqual(["cat", "rm"]);
  });
  it("long chains keep every command, in order", () => {
    const names = execs("a && b || c; d | e & f\ng").map((e) => e.command.name);
    expect(names).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });
});

/** `%` is replaced by `rm -rf dist`: every construct must be descended into. */
const nesting = [
  "( % )",
  "{ %; }",
  "echo $(%)",
  "echo `%`",
  'echo "$(%)"',
  "x=$(%)",
  "export X=$(%)",
  "cat <(%)",
  "tee >(%) < a",
  "diff <(%) README.md",
  "if true; then %; fi",
  "if %; then echo y; fi",
  "if false; then :; elif true; then %; fi",
  "if false; then :; else %; fi",
  "for f in a b; do %; done",
  "for ((i=0;i<2;i++)); do %; done",
  "for f in $(%); do :; done",
  "while false; do %; done",
  "until true; do %; done",
  "case x in x) %;; esac",
  "case $(%) in x) ;; esac",
  "f() { %; }",
  "function f { %; }",
  "! %",
  "[[ -n $(%) ]]",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
  "echo ${X:-$(%)}",
  "(( $(%) ))",
  "bash <<'EOF'\n%\nEOF",
  "sh <<EOF\n%\nEOF",
  "cat <<EOF | sh\n%\nEOF",
  "bash <<< '%'",
  "{ ( % ) ; }",
  "time ( % )",
];

describe("descending into nested constructs (SPEC section 4)", () => {
  it.each(nesting)("%s", (form) => {
    const line = form.replace("%", "rm -rf dist");
    expect(checks(line)).toContain("destructive");
    expect(fileOps(line).some((o) => o.startsWith("delete-r:dist@"))).toBe(true);
  });
  it("heredocs fed to a shell are also dynamic (a script on stdin)", () => {
    expect(checks("bash <<'EOF'\nls\nEOF")).toEqual(["dynamic"]);
    expect(checks("cat <<EOF | sh\nls\nEOF")).toEqual(["dynamic"]);
  });
  it("a heredoc fed to cat is data, not commands", () => {
    expect(checks("cat <<'EOF'\nrm -rf /\nEOF")).toEqual([]);
    expect(execs("cat <<'EOF' > out.txt\nrm -rf /\nEOF").map((e) => e.command.name)).toEqual([
      "cat",
    ]);
  });
  it("git commit with a heredoc message is a plain commit", () => {
    const line = `git commit -m "$(cat <<'EOF'\nfix: rm -rf handling\nEOF\n)"`;
    expect(checks(line)).toEqual([]);
    expect(execs(line).map((e) => e.class)).toEqual(["read-only", "development"]);
  });
  it("a subshell's cd does not leak out, a group's does", () => {
    expect(fileOps("(cd sub) && cat a")).toContain("read:a@/repo");
    expect(fileOps("{ cd sub; } && cat a")).toContain("read:a@/repo/sub");
    expect(fileOps("cd sub | cat a")).toContain("read:a@/repo");
  });
});

describe("what cannot be parsed is escalated", () => {
  it.each(["echo 'unterminated", "ls ((", "if then fi", "cat <<", "a && && b", "(("])(
    "%s",
    (line) => {
      const h = checks(line);
      expect(h).toContain("unparseable");
    },
  );
  it("a line over 10,000 characters is one unparseable operation", () => {
    const r = ops(`echo ${"a".repeat(10_001)}`);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ kind: "execute", hazards: [{ check: "unparseable" }] });
  });
  it("a NUL byte is unparseable", () => {
    expect(checks("ls\0rm")).toEqual(["unparseable"]);
  });
  it("an empty line or a comment runs nothing", () => {
    for (const line of ["", "   ", "# rm -rf /"]) {
      const r = execs(line);
      expect(r).toHaveLength(1);
      expect(r[0]).toMatchObject({ class: "read-only", hazards: [] });
    }
  });
  it("deep nesting is refused, not crashed on", () => {
    const line = `${"( ".repeat(3000)}rm -rf x${" )".repeat(3000)}`;
    expect(() => analyzeCommand(line, CTX)).not.toThrow();
    expect(checks(line)).toContain("unparseable");
    const deep = `bash -c ${JSON.stringify(`${"bash -c ".repeat(30)}ls`)}`;
    expect(() => analyzeCommand(deep, CTX)).not.toThrow();
  });
  it("initShellParser readies the parser AUTOMODE_PARSER names, idempotently", async () => {
    // vitest.config.ts runs the whole suite once per parser.
    const named = process.env.AUTOMODE_PARSER;
    expect(["native", "wasm"]).toContain(named);
    expect(await initShellParser()).toBe(named);
    expect(await initShellParser()).toBe(named);
    expect(execs("ls")[0]?.class).toBe("read-only");
  });
  it("a broken file system does not make it throw: it fails closed", () => {
    const broken = {
      lstat: () => {
        throw new Error("EIO");
      },
      realpath: () => undefined,
      readdir: () => {
        throw new Error("EIO");
      },
      readFile: () => undefined,
    };
    const r = analyzeCommand("cat *.txt", { ...CTX, fs: broken });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ kind: "execute", hazards: [{ check: "unparseable" }] });
  });
});
