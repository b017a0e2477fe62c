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
  const cursor = rootNode.walk();
  const root = nodeAt(cursor, line);
  const path: SyntaxNode[] = [root];
  for (;;) {
    const parent = path[path.length - 1] as SyntaxNode;
    if (cursor.gotoFirstChild()) {
      const child = nodeAt(cursor, line);
      adopt(parent, child);
      path.push(child);
      continue;
    }
    // A leaf: on to the next sibling of it or of the nearest ancestor that has one.
    for (;;) {
      if (path.length === 1) return { root, hasError };
      path.pop();
      if (cursor.gotoNextSibling()) {
        const sibling = nodeAt(cursor, line);
        adopt(path[path.length - 1] as SyntaxNode, sibling);
        path.push(sibling);
        break;
      }
      cursor.gotoParent();
    }
  }
}
