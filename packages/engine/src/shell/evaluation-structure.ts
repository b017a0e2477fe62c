import type { SyntaxNode } from "./parser.js";

/**
 * Where tree-sitter-bash reads a line differently from bash itself (found by the differential
 * test against real bash, test/differential/bash.test.ts). Each function either gives the text
 * bash really runs, to be walked in place of the tree's reading, or names the disagreement so
 * the line is unparseable.
 */

/**
 * An unquoted heredoc body is expanded like a double-quoted string, but tree-sitter-bash reads
 * such bodies unreliably: backticks stay text, after `<<-` the `$( )` often do too, a body
 * line after a substitution can end the body early, and the backslash-newlines bash removes
 * before it reads anything are kept. So the body is read here: lines joined, then every
 * expansion that can run code (`$( )`, backticks, `${ }`, `$(( ))`, `$[ ]`) is cut out and
 * given back as a script of `: "<expansion>"` lines, which the walk analyses in place of
 * the tree. An expansion that is not closed is given as is, so its script does not parse.
 * Undefined when the body expands nothing that runs (the tree's reading is then not used).
 */
export function heredocScript(body: SyntaxNode): string | undefined {
  // tree-sitter-bash may start the body node after a leading `\` or tab of its first line.
  const raw = body.line.slice(body.line.lastIndexOf("\n", body.start - 1) + 1, body.end);
  if (!raw.includes("`") && !raw.includes("$")) return undefined;
  const text = joinContinuations(raw);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "`") {
      const j = closingBacktick(text, i + 1);
      parts.push(j < 0 ? text.slice(i) : `$(${unescapeBackticks(text.slice(i + 1, j))})`);
      if (j < 0) break;
      i = j;
      continue;
    }
    if (c !== "$") continue;
    const n = text[i + 1];
    const close = n === "(" ? ")" : n === "{" ? "}" : n === "[" ? "]" : undefined;
    if (!close) continue;
    const j = closing(text, i + 2, n as string, close);
    parts.push(j < 0 ? text.slice(i) : text.slice(i, j + 1));
    if (j < 0) break;
    i = j;
  }
  if (parts.length === 0) return undefined;
  return parts.map((p) => `: "${p}"`).join("\n");
}

/** Index of the bracket that closes one opened before `from`; quotes and nesting skipped. */
function closing(text: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === "\\") k++;
    else if (c === "'" && open === "(") {
      k = text.indexOf("'", k + 1);
      if (k < 0) return -1;
    } else if (c === '"') {
      k = closingQuote(text, k + 1);
      if (k < 0) return -1;
    } else if (c === "`") {
      k = closingBacktick(text, k + 1);
      if (k < 0) return -1;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return k;
  }
  return -1;
}

function closingQuote(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === "\\") k++;
    else if (c === '"') return k;
    else if (c === "$" && text[k + 1] === "(") {
      k = closing(text, k + 2, "(", ")");
      if (k < 0) return -1;
    } else if (c === "`") {
      k = closingBacktick(text, k + 1);
      if (k < 0) return -1;
    }
  }
  return -1;
}

function closingBacktick(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    if (text[k] === "\\") k++;
    else if (text[k] === "`") return k;
  }
  return -1;
}

/** Removes every backslash-newline whose backslash is not itself escaped. */
function joinContinuations(text: string): string {
  if (!text.includes("\\\n")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && text[i + 1] === "\n") {
      i++;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      out += c + text[i + 1];
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

function unescapeBackticks(inner: string): string {
  // One pass, left to right: `\\` is one backslash, `\⏎` joins lines (even inside quotes).
  return inner.replace(/\\([`$\\\n])/g, (_, c: string) => (c === "\n" ? "" : c));
}

/**
 * Inside backticks bash removes the backslash before `` ` ``, `$` and `\` before it parses
 * the command (and joins continued lines), so `` `echo \`rm -rf src\`` `` runs rm;
 * tree-sitter-bash reads `` \` `` as a literal. Gives the command text bash runs when that matters, else undefined.
 */
export function backtickScript(node: SyntaxNode): string | undefined {
  const text = node.text;
  if (text[0] !== "`") return undefined;
  const inner = text.slice(1, text.endsWith("`") ? -1 : undefined);
  if (!/\\[`$\\\n]/.test(inner)) return undefined;
  return unescapeBackticks(inner);
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
 * Where the two read a line apart, what differs (the line is then unparseable).
 *
 * bash removes an unquoted backslash-newline before it splits words, so `r\⏎m -rf src` runs
 * `rm`; tree-sitter-bash takes it for a blank between two words. When a continuation sits
 * between two word characters (or two operator characters, `&\⏎&`), the two readings differ.
 */
export function structureProblem(root: SyntaxNode, line: string): string | undefined {
  return treeProblem(root, line) ?? continuationProblem(root, line);
}

/**
 * `#` starts a comment only at the start of a word: `{ foo; }# x` is the word `}#`, and the
 * group is not closed; tree-sitter-bash starts a comment at any `#` after a `}`. Inside
 * double quotes, bash also removes the backslash of `\"` in backticks before it reads them
 * (`"`echo \"x`"` does not parse); tree-sitter-bash does not.
 */
function treeProblem(root: SyntaxNode, line: string): string | undefined {
  if (!line.includes("\n") && !line.includes("#") && !line.includes("`")) return undefined;
  const stack: Array<[SyntaxNode, boolean]> = [[root, false]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [n, quoted] = top;
    if (n.type === "comment") {
      const before = beforeContinuations(line, n.start);
      if (before !== undefined && !COMMENT_AFTER.has(before))
        return "a # inside a word, which bash does not read as a comment, starts one for tree-sitter-bash";
      continue;
    }
    if (
      quoted &&
      n.type === "command_substitution" &&
      n.text.startsWith("`") &&
      n.text.includes('\\"')
    )
      return 'a \\" in backticks inside double quotes is read differently by bash and tree-sitter-bash';
    // The misreading walk.ts works around: a body whose first line starts with `\`.
    if (n.type === "heredoc_redirect" && heredocMisread(n, line))
      return "a heredoc body that starts with a backslash is read differently by bash and tree-sitter-bash";
    if ((n.type === "command" || n.type === "redirected_statement") && joinsLines(n, line))
      return "tree-sitter-bash reads two lines as one command, where bash ends the command at the newline";
    if ((n.type === "word" || n.type === "string_content") && hasBacktick(n.text))
      return "a backtick substitution that tree-sitter-bash reads as text (inside ${ }) runs in bash";
    const q = quoted || n.type === "string";
    for (const c of n.children) stack.push([c, q]);
  }
  return undefined;
}

/** A newline between two parts of one command (not a continuation): bash ends it there. */
function joinsLines(node: SyntaxNode, line: string): boolean {
  const kids = node.children;
  for (let i = 1; i < kids.length; i++) {
    const gap = line.slice((kids[i - 1] as SyntaxNode).end, (kids[i] as SyntaxNode).start);
    if (gap.includes("\n") && gap.replace(/\\\n/g, "").includes("\n")) return true;
  }
  return false;
}

/** An unescaped backtick in text the tree holds as a literal. */
function hasBacktick(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "`") return true;
  }
  return false;
}

/** After these, a `#` starts a comment; after anything else (`}`, `)`, `>`) it may not. */
const COMMENT_AFTER = new Set([" ", "\t", "\n", ";", "&", "|", "("]);

/** The character before `at`, looking past backslash-newlines (bash removed them). */
function beforeContinuations(line: string, at: number): string | undefined {
  let j = at - 1;
  while (j >= 1 && line[j] === "\n" && line[j - 1] === "\\" && !escaped(line, j - 1)) j -= 2;
  return line[j];
}

const HEREDOC_NODES = new Set(["heredoc_start", "heredoc_body", "heredoc_end"]);

/** Nodes of the redirect that lie inside the body: tree-sitter read body lines as words. */
function heredocMisread(redirect: SyntaxNode, line: string): boolean {
  const start = redirect.children.find((c) => c.type === "heredoc_start");
  if (!start) return false;
  const nl = line.indexOf("\n", start.end);
  if (nl < 0) return false;
  return redirect.namedChildren.some((c) => !HEREDOC_NODES.has(c.type) && c.start > nl);
}

/**
 * bash removes an unquoted backslash-newline before it splits words, so `r\⏎m -rf src` runs
 * `rm`; tree-sitter-bash takes it for a blank between two words. When a continuation sits
 * between two word characters (or two operator characters, `&\⏎&`), or right after a `$`
 * (`"$\⏎(rm -rf src)"` runs rm), the two readings differ.
 */
function continuationProblem(root: SyntaxNode, line: string): string | undefined {
  if (!line.includes("\\\n")) return undefined;
  const covered: Array<[number, number, string]> = [];
  collect(root, covered);
  for (let k = line.indexOf("\\\n"); k >= 0; k = line.indexOf("\\\n", k + 2)) {
    if (escaped(line, k)) continue;
    const leaf = covered.find(([s, e]) => s <= k && k < e);
    const before = line[k - 1];
    const after = line[k + 2];
    if (before === "$")
      return "a backslash-newline right after a $ makes an expansion bash runs and tree-sitter-bash does not see";
    if (leaf) {
      if (leaf[2] === "string_content" && expandsInto(line, k))
        return "a backslash-newline inside a variable name in double quotes joins it for bash, not for tree-sitter-bash";
      continue;
    }
    if (before === undefined || after === undefined) continue;
    const wordBefore = !METACHARS.has(before) || escaped(line, k - 1);
    const words = wordBefore && !METACHARS.has(after);
    const ops = OPERATORS.has(before) && OPERATORS.has(after) && !escaped(line, k - 1);
    if (words || ops)
      return "a backslash-newline joins two words that tree-sitter-bash reads apart";
  }
  return undefined;
}

/** The character at `at` is escaped by an odd run of backslashes before it. */
function escaped(line: string, at: number): boolean {
  let n = 0;
  for (let j = at - 1; j >= 0 && line[j] === "\\"; j--) n++;
  return n % 2 === 1;
}

/** `$NAME\⏎REST` or `${NAME\⏎`: the continuation is inside a variable name. */
function expandsInto(line: string, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && /[A-Za-z0-9_]/.test(line[j] as string)) j--;
  return line[j] === "$" || (line[j] === "{" && line[j - 1] === "$");
}

function collect(node: SyntaxNode, out: Array<[number, number, string]>): void {
  if (CONTENT.has(node.type) && node.childCount === 0) {
    out.push([node.start, node.end, node.type]);
    return;
  }
  if (node.type === "comment" || node.type === "raw_string" || node.type === "heredoc_body") {
    out.push([node.start, node.end, node.type]);
    return;
  }
  for (const c of node.children) collect(c, out);
}
