import type { SyntaxNode } from "./parser.js";

/**
 * Where tree-sitter-bash reads a line differently from bash itself (found by the differential
 * test against real bash, test/differential/bash.test.ts). Each function either gives the text
 * bash really runs, to be walked in place of the tree's reading, or names the disagreement so
 * the line is unparseable.
 */

/**
 * An unquoted heredoc body is expanded like a double-quoted string, but tree-sitter-bash
 * leaves backticks in it as text and, after `<<-`, often the `$( )` too. The body is rewritten
 * as `: "<body>"` (the same expansions) so the walk sees every substitution in it.
 * Undefined when the body expands nothing.
 */
export function heredocScript(body: SyntaxNode): string | undefined {
  const text = body.text;
  if (!text.includes("`") && !text.includes("$")) return undefined;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\") {
      const n = text[i + 1];
      if (n === "$" || n === "`" || n === "\\" || n === "\n") {
        out += c + n;
        i++;
      } else out += "\\\\";
      continue;
    }
    out += c === '"' ? '\\"' : c;
  }
  return `: "${out}"`;
}

/**
 * Inside backticks bash removes the backslash before `` ` ``, `$` and `\` before it parses
 * the command, so `` `echo \`rm -rf src\`` `` runs rm; tree-sitter-bash reads `` \` `` as a
 * literal. Gives the command text bash runs when that matters, else undefined.
 */
export function backtickScript(node: SyntaxNode): string | undefined {
  const text = node.text;
  if (text[0] !== "`") return undefined;
  const inner = text.slice(1, text.endsWith("`") ? -1 : undefined);
  if (!/\\[`$\\]/.test(inner)) return undefined;
  return inner.replace(/\\([`$\\])/g, "$1");
}

const METACHARS = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);
const OPERATORS = new Set([";", "&", "|", "<", ">"]);

/** Node types whose text bash reads as content, not as syntax. */
const CONTENT = new Set([
  "comment",
  "raw_string",
  "string_content",
  "ansi_c_string",
  "heredoc_body",
  "heredoc_content",
  "word",
]);

/**
 * bash removes an unquoted backslash-newline before it splits words, so `r\⏎m -rf src` runs
 * `rm`; tree-sitter-bash takes it for a blank between two words. When a continuation sits
 * between two word characters (or two operator characters, `&\⏎&`), the two readings differ.
 */
export function continuationProblem(root: SyntaxNode, line: string): string | undefined {
  if (!line.includes("\\\n")) return undefined;
  const covered: Array<[number, number]> = [];
  collect(root, covered);
  for (let k = line.indexOf("\\\n"); k >= 0; k = line.indexOf("\\\n", k + 2)) {
    let slashes = 0;
    for (let j = k; j >= 0 && line[j] === "\\"; j--) slashes++;
    if (slashes % 2 === 0) continue;
    if (covered.some(([s, e]) => s <= k && k < e)) continue;
    const before = line[k - 1];
    const after = line[k + 2];
    if (before === undefined || after === undefined) continue;
    const words = !METACHARS.has(before) && !METACHARS.has(after);
    const ops = OPERATORS.has(before) && OPERATORS.has(after);
    if (words || ops)
      return "a backslash-newline joins two words that tree-sitter-bash reads apart";
  }
  return undefined;
}

function collect(node: SyntaxNode, out: Array<[number, number]>): void {
  if (CONTENT.has(node.type) && node.childCount === 0) {
    out.push([node.start, node.end]);
    return;
  }
  if (node.type === "comment" || node.type === "raw_string" || node.type === "heredoc_body") {
    out.push([node.start, node.end]);
    return;
  }
  for (const c of node.children) collect(c, out);
}
