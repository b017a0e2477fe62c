import { createRequire } from "node:module";
import type TreeSitter from "tree-sitter";

export type SyntaxNode = TreeSitter.SyntaxNode;

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

export function parseBash(line: string): TreeSitter.Tree {
  return load().parse(line);
}
