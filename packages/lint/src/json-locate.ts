import { type JsonPath, LineMap } from "@automode/policy";
import { findNodeAtLocation, type Node, parseTree } from "jsonc-parser";
import type { Range } from "./types.js";

/** Maps JSON paths in a JSONC text to 1-based ranges, for reports on valid policies. */
export class JsonLocator {
  readonly #root: Node | undefined;
  readonly #lines: LineMap;

  constructor(text: string) {
    this.#root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
    this.#lines = new LineMap(text);
  }

  /** Whether the policy text gives a value at `path` (defaults are not written). */
  has(path: JsonPath): boolean {
    return this.#root !== undefined && findNodeAtLocation(this.#root, path) !== undefined;
  }

  /** The range of the value at `path`, or of its nearest existing parent; 1:1 when none. */
  locate(path: JsonPath): Range {
    let node: Node | undefined;
    for (let n = path.length; n >= 0 && node === undefined; n--) {
      node =
        this.#root === undefined ? undefined : findNodeAtLocation(this.#root, path.slice(0, n));
    }
    if (node === undefined) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const start = this.position(node.offset);
    const end = this.position(node.offset + node.length);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  position(offset: number): { line: number; column: number } {
    return this.#lines.position(offset);
  }
}
