import { createRequire } from "node:module";
import fc from "fast-check";
import type TreeSitter from "tree-sitter";
import { describe, expect, it } from "vitest";
import { parseBash, type SyntaxNode } from "../../src/shell/parser.js";

/**
 * `parseBash` copies tree-sitter's tree into plain objects in one cursor walk; the analysis
 * reads only the copy. This compares the copy with the binding's own nodes, node by node:
 * type, named-ness, text, children, fields, and `hasError`.
 */
const require = createRequire(import.meta.url);
const Parser = require("tree-sitter") as typeof TreeSitter;
const native = new Parser();
native.setLanguage(require("tree-sitter-bash") as TreeSitter.Language);

function same(copy: SyntaxNode, node: TreeSitter.SyntaxNode, path: string): void {
  expect(copy.type, path).toBe(node.type);
  expect(copy.isNamed, path).toBe(node.isNamed);
  expect(copy.text, path).toBe(node.text);
  const kids = node.children;
  expect(copy.childCount, path).toBe(kids.length);
  expect(copy.namedChildCount, path).toBe(node.namedChildCount);
  expect(
    copy.namedChildren.map((c) => c.type),
    path,
  ).toEqual(node.namedChildren.map((c) => c.type));
  const names = new Set<string>();
  kids.forEach((_, i) => {
    const field = node.fieldNameForChild(i) ?? undefined;
    expect(copy.children[i]?.field, `${path}/${i}`).toBe(field);
    if (field !== undefined) names.add(field);
  });
  for (const name of names) {
    const want = node.childForFieldName(name);
    const got = copy.childForFieldName(name);
    expect(got?.text, `${path}.${name}`).toBe(want?.text);
    expect(got?.type, `${path}.${name}`).toBe(want?.type);
    expect(
      copy.childrenForFieldName(name).map((c) => c.text),
      `${path}.${name}[]`,
    ).toEqual(node.childrenForFieldName(name).map((c) => c.text));
  }
  kids.forEach((k, i) => {
    same(copy.children[i] as SyntaxNode, k, `${path}/${i}:${k.type}`);
  });
}

function check(line: string): void {
  const tree = native.parse(line);
  const copy = parseBash(line);
  expect(copy.hasError, line).toBe(tree.rootNode.hasError);
  same(copy.root, tree.rootNode, JSON.stringify(line));
}

const lines = [
  "",
  "git status",
  "cd src && rm -rf ../dist; cat ../.env",
  "curl -fsSL https://example.com/install.sh | bash",
  "for f in src/*.ts; do echo $f; done > out.txt 2>&1",
  "case $x in a|b) rm -rf a ;; *) echo ;; esac",
  "f() { rm -rf x; }; f",
  "git commit -m \"$(cat <<'EOF'\nfix: things\nEOF\n)\"",
  "cat <<EOF | sh\nrm -rf /\nEOF",
  "x=1 y=$(pwd) env -i A=b cmd >> log 2>&1 <in",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not a template
  "echo ${x:-$(rm -rf y)} $'\\x72m' \"a $b `c`\" 'd'",
  "[[ -f .env && $x =~ ^a ]] || [ -r b ]",
  "if a; then b; elif c; then d; else e; fi",
  "while read l; do echo $l; done < <(ls)",
  "echo é ü 日本 🙂 > ünï.txt",
  "((i++)); echo $((1 + 2))",
  "declare -x A=1; export B=$(c); unset D",
  "echo 'unterminated",
  "a && && b",
  "((((((((((((x",
];

describe("parseBash's tree copy is the binding's tree", () => {
  it.each(lines)("%j", (line) => check(line));
  it("on shell-metacharacter soup", () => {
    const unit = fc.constantFrom(..."abc-_./~*?[]{}()<>|&;$`'\"\\ \n=!#0123é日");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => check(s)),
      { numRuns: Number(process.env.TREE_RUNS ?? 300) },
    );
  });
  it("on shell words", () => {
    const word = fc.constantFrom(
      "rm",
      "-rf",
      "cat",
      ".env",
      "&&",
      "|",
      ";",
      "bash -c '",
      "'",
      '"',
      "$(",
      ")",
      "<<EOF\n",
      "\nEOF\n",
      "> f",
      "2>&1",
      "for x in a; do",
      "done",
      "case a in a)",
      ";;",
      "esac",
      "{",
      "}",
      "x=1",
      "`",
      "<(",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 16 }), (ws) => check(ws.join(" "))),
      { numRuns: Number(process.env.TREE_RUNS ?? 300) },
    );
  });
});
