import { activeShellParser, type ShellCursor, type ShellGrammar } from "./parser-load.js";

/**
 * Which parser reads a line (the native binding or the WebAssembly build of the same grammar)
 * is decided in parser-load.ts; this file copies either one's tree into plain objects, so the
 * walk never knows which it was.
 */
export { initShellParser } from "./parser-load.js";

/**
 * One node of a parsed command line, as plain JavaScript data. The binding's own
 * `SyntaxNode` answers every property (`type`, `text`, `namedChildren`, …) with a call into
 * C++, and every node object it hands out is registered with a weak reference and a
 * finaliser: the walk over those nodes cost several times the parse. So the tree is copied
 * out once, in a single cursor walk, and the analysis reads only these objects.
 */
export class SyntaxNode {
  /** Leaves (most nodes) share one empty, frozen list: two arrays fewer per leaf. */
  children: readonly SyntaxNode[] = NO_NODES;
  namedChildren: readonly SyntaxNode[] = NO_NODES;
  private source: string | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    /** The parsed line, sliced on first use: many nodes' text is never read. */
    readonly line: string,
    readonly start: number,
    readonly end: number,
    /** The grammar field this node fills in its parent (`name`, `body`, `value`, …). */
    readonly field: string | undefined,
  ) {}

  get text(): string {
    if (this.source === undefined) this.source = this.line.slice(this.start, this.end);
    return this.source;
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  /**
   * The first child in the field, as tree-sitter's `childForFieldName`, which answers from the
   * node's own grammar production: an ERROR node has none, so it has no field children even
   * where the cursor still names the field a recovered child had.
   */
  childForFieldName(field: string): SyntaxNode | null {
    if (this.type === "ERROR") return null;
    for (const c of this.children) if (c.field === field) return c;
    return null;
  }

  /** Every child in the field, as tree-sitter's `childrenForFieldName`. */
  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.field === field);
  }
}

export interface ParsedLine {
  root: SyntaxNode;
  /** tree-sitter found a syntax error or inserted a missing token somewhere. */
  hasError: boolean;
  /** tree-sitter's structure differs from bash's here (see `descriptorAsWord`): not parsed. */
  misread: boolean;
}

interface SymbolInfo {
  type: string;
  named: boolean;
}

/**
 * A node's type and named-ness depend only on its grammar symbol, and field names only on the
 * field id: both are asked of the parser once per id, then read from these tables (a string
 * made once also makes the walker's `switch (node.type)` compare the same string object).
 * One pair of tables per parser: ids are the grammar's, but nothing is assumed across builds.
 */
interface Tables {
  symbols: Map<number, SymbolInfo>;
  fields: Map<number, string>;
}
const tablesByParser = new WeakMap<ShellGrammar, Tables>();

function tablesFor(parser: ShellGrammar): Tables {
  let tables = tablesByParser.get(parser);
  if (tables === undefined) {
    tables = { symbols: new Map(), fields: new Map() };
    tablesByParser.set(parser, tables);
  }
  return tables;
}

function symbolOf(cursor: ShellCursor, { symbols }: Tables): SymbolInfo {
  const id = cursor.nodeTypeId;
  let info = symbols.get(id);
  if (info === undefined) {
    info = { type: cursor.nodeType, named: cursor.nodeIsNamed };
    symbols.set(id, info);
  }
  return info;
}

function fieldOf(cursor: ShellCursor, { fields }: Tables): string | undefined {
  const id = cursor.currentFieldId;
  if (id === 0) return undefined;
  let name = fields.get(id);
  if (name === undefined) {
    name = cursor.currentFieldName ?? undefined;
    if (name !== undefined) fields.set(id, name);
  }
  return name;
}

const NO_NODES: readonly SyntaxNode[] = Object.freeze([]);

function nodeAt(cursor: ShellCursor, line: string, tables: Tables): SyntaxNode {
  const { type, named } = symbolOf(cursor, tables);
  return new SyntaxNode(
    type,
    named,
    line,
    cursor.startIndex,
    cursor.endIndex,
    fieldOf(cursor, tables),
  );
}

function adopt(parent: SyntaxNode, child: SyntaxNode): void {
  if (parent.children === NO_NODES) parent.children = [child];
  else (parent.children as SyntaxNode[]).push(child);
  if (!child.isNamed) return;
  if (parent.namedChildren === NO_NODES) parent.namedChildren = [child];
  else (parent.namedChildren as SyntaxNode[]).push(child);
}

/**
 * Parses one command line and copies its syntax tree out (pre-order, without recursion: a
 * 10,000-character line of `((((` is deep, and the walker, not this copy, is where depth
 * limits are enforced).
 */
export function parseBash(line: string): ParsedLine {
  const parser = activeShellParser();
  const tree = parser.open(neutralInput(line));
  try {
    return copyTree(tree.cursor, tree.hasError, line, tablesFor(parser));
  } finally {
    tree.close();
  }
}

/**
 * The grammar's scanner asks the C library whether a character is a letter or a space
 * (`iswalpha`, `iswspace`), and the answer for non-ASCII characters depends on the library and
 * the locale: the WebAssembly build calls `é` a letter (so `é=x` became an assignment and ran
 * nothing) where the native one, in the C locale, does not. Bash itself takes only ASCII
 * letters in names and only ASCII blanks between words. So every non-ASCII UTF-16 unit is
 * parsed as a private-use character (neither letter nor space in any library): the offsets
 * stay the same, the copy reads the real text, and both parsers read the line as bash does.
 * Two characters may map to the same one; the only place that compares characters is a
 * heredoc's end marker, which can then only end early, so more of the line is read as commands.
 */
function neutralInput(line: string): string {
  return NON_ASCII.test(line)
    ? line.replace(NON_ASCII_ALL, (c) => String.fromCharCode(0xe000 + (c.charCodeAt(0) % 0x1900)))
    : line;
}
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

function copyTree(
  cursor: ShellCursor,
  hasError: boolean,
  line: string,
  tables: Tables,
): ParsedLine {
  const root = nodeAt(cursor, line, tables);
  let misread = false;
  const path: SyntaxNode[] = [root];
  for (;;) {
    const parent = path[path.length - 1] as SyntaxNode;
    if (cursor.gotoFirstChild()) {
      const child = nodeAt(cursor, line, tables);
      adopt(parent, child);
      misread ||= misreadAt(child, parent, line);
      path.push(child);
      continue;
    }
    // A leaf: on to the next sibling of it or of the nearest ancestor that has one.
    for (;;) {
      if (path.length === 1) return { root, hasError, misread };
      path.pop();
      if (cursor.gotoNextSibling()) {
        const sibling = nodeAt(cursor, line, tables);
        adopt(path[path.length - 1] as SyntaxNode, sibling);
        misread ||= misreadAt(sibling, path[path.length - 1] as SyntaxNode, line);
        path.push(sibling);
        break;
      }
      cursor.gotoParent();
    }
  }
}

/**
 * Where tree-sitter-bash's structure differs from bash's, so the line counts as not parsed:
 * - it reads `0` right before `<` or `>` as an argument (`bash 0<&0` is `bash 0` with `<&0`),
 *   where bash reads the descriptor of the redirect (`curl … | bash 0<&0` would run a file `0`);
 * - it drops a word right before a heredoc (`make -f - <<EOF` loses the `-`): text that no
 *   node holds, between a redirect and what comes before it.
 */
function misreadAt(node: SyntaxNode, parent: SyntaxNode, line: string): boolean {
  if (node.type === "number")
    return (
      (parent.type === "command" || parent.type === "command_name") &&
      (line[node.end] === "<" || line[node.end] === ">")
    );
  if (!node.type.endsWith("_redirect")) return false;
  const before = parent.children[parent.children.length - 2];
  return before !== undefined && /[^\s\\]/u.test(line.slice(before.end, node.start));
}
