import { createRequire } from "node:module";
import type TreeSitter from "tree-sitter";

/**
 * The native binding (`tree-sitter` + `tree-sitter-bash`, prebuilt for every platform we ship)
 * loads in ~15 ms against ~55 ms for the WebAssembly build, and this runs once per hook call,
 * so the cold start matters more than anything else. Loaded lazily so importing the engine
 * for file actions never pays for it; one parser for the whole process.
 */
let parser: TreeSitter | undefined;

export function initShellParser(): void {
  load();
}

function load(): TreeSitter {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  const Parser = require("tree-sitter") as typeof TreeSitter;
  const bash = require("tree-sitter-bash") as TreeSitter.Language;
  const p = new Parser();
  p.setLanguage(bash);
  parser = p;
  return p;
}

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
    private readonly line: string,
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
 * field id: both are asked of the binding once per id, then read from these tables (a string
 * made once also makes the walker's `switch (node.type)` compare the same string object).
 */
const symbols = new Map<number, SymbolInfo>();
const fields = new Map<number, string>();

function symbolOf(cursor: TreeSitter.TreeCursor): SymbolInfo {
  const id = cursor.nodeTypeId;
  let info = symbols.get(id);
  if (info === undefined) {
    info = { type: cursor.nodeType, named: cursor.nodeIsNamed };
    symbols.set(id, info);
  }
  return info;
}

function fieldOf(cursor: TreeSitter.TreeCursor): string | undefined {
  const id = cursor.currentFieldId;
  if (id === 0) return undefined;
  let name = fields.get(id);
  if (name === undefined) {
    name = cursor.currentFieldName;
    fields.set(id, name);
  }
  return name;
}

const NO_NODES: readonly SyntaxNode[] = Object.freeze([]);

function nodeAt(cursor: TreeSitter.TreeCursor, line: string): SyntaxNode {
  const { type, named } = symbolOf(cursor);
  return new SyntaxNode(type, named, line, cursor.startIndex, cursor.endIndex, fieldOf(cursor));
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
  // The binding copies the input through a buffer of `bufferSize` UTF-16 units (32 Ki by
  // default, allocated and zeroed on every parse): one just large enough reads it in one go.
  const tree = load().parse(line, undefined, { bufferSize: line.length + 1 });
  const rootNode = tree.rootNode;
  const hasError = rootNode.hasError;
  let misread = false;
  const cursor = rootNode.walk();
  const root = nodeAt(cursor, line);
  const path: SyntaxNode[] = [root];
  for (;;) {
    const parent = path[path.length - 1] as SyntaxNode;
    if (cursor.gotoFirstChild()) {
      const child = nodeAt(cursor, line);
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
        const sibling = nodeAt(cursor, line);
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
