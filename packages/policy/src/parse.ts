import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import type { z } from "zod";
import { type Diagnostic, formatPath, type JsonPath } from "./diagnostic.js";
import { LineMap } from "./positions.js";
import { type Policy, policySchema } from "./schema.js";
import { allowedKeys } from "./shape.js";
import { closest } from "./suggest.js";

export type ParseResult =
  | { ok: true; policy: Policy; diagnostics: [] }
  | { ok: false; policy?: undefined; diagnostics: Diagnostic[] };

export interface ParseOptions {
  /** The file name put on diagnostics. */
  file?: string;
}

/**
 * Parses a policy written as JSON with comments and trailing commas. Never throws: every
 * problem comes back as a diagnostic with its JSON path, line and column.
 */
export function parsePolicy(source: string, options: ParseOptions = {}): ParseResult {
  // Editors on Windows save a UTF-8 byte order mark; it is not part of the JSON (RFC 8259
  // lets a parser ignore it), and line 1's columns are counted without it, as editors do.
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lines = new LineMap(text);
  const at = (code: string, message: string, path: JsonPath, offset: number, length: number) => {
    const start = lines.position(offset);
    const end = lines.position(offset + length);
    const diagnostic: Diagnostic = {
      code,
      message,
      path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
    if (options.file !== undefined) diagnostic.file = options.file;
    return diagnostic;
  };

  if (text.trim() === "")
    return { ok: false, diagnostics: [at("syntax", "the file is empty", [], 0, 0)] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || root === undefined) {
    if (errors.length === 0)
      return { ok: false, diagnostics: [at("syntax", "the file is empty", [], 0, 0)] };
    return {
      ok: false,
      diagnostics: errors.map((e) => at("syntax", syntaxMessage(e), [], e.offset, e.length)),
    };
  }

  const diagnostics = duplicateKeys(root, []).map(({ node, path }) =>
    at(
      "duplicate-key",
      `duplicate key "${node.value}" (a later value would silently win)`,
      path,
      node.offset,
      node.length,
    ),
  );

  const document: unknown = getNodeValue(root);
  const result = policySchema.safeParse(document);
  if (result.success && diagnostics.length === 0) {
    return { ok: true, policy: result.data, diagnostics: [] };
  }
  for (const issue of result.error?.issues ?? []) {
    diagnostics.push(...issueDiagnostics(issue, root, document, at));
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, diagnostics };
}

function syntaxMessage(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // "CommaExpected" → "comma expected"
  return `syntax error: ${code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`;
}

function duplicateKeys(node: Node, path: JsonPath): Array<{ node: Node; path: JsonPath }> {
  const found: Array<{ node: Node; path: JsonPath }> = [];
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key === undefined) continue;
      const name = String(key.value);
      if (seen.has(name)) found.push({ node: key, path: [...path, name] });
      seen.add(name);
      if (value !== undefined) found.push(...duplicateKeys(value, [...path, name]));
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, index) => {
      found.push(...duplicateKeys(child, [...path, index]));
    });
  }
  return found;
}

type At = (
  code: string,
  message: string,
  path: JsonPath,
  offset: number,
  length: number,
) => Diagnostic;

function issueDiagnostics(
  issue: z.core.$ZodIssue,
  root: Node,
  document: unknown,
  at: At,
): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const where = formatPath(path);

  if (issue.code === "unrecognized_keys") {
    const object = findNodeAtLocation(root, path) ?? root;
    const allowed = allowedKeys(document, path);
    return issue.keys.map((key) => {
      const keyNode =
        object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0] ?? object;
      const suggestion = closest(key, allowed);
      const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
      const owner = path.length === 0 ? "" : ` in ${where}`;
      return at(
        "unknown-key",
        `unknown key "${key}"${owner}${hint}`,
        [...path, key],
        keyNode.offset,
        keyNode.length,
      );
    });
  }

  const node = findNodeAtLocation(root, path);
  if (node === undefined) {
    // The value is absent: point at the nearest enclosing value that exists.
    let parentPath = path.slice(0, -1);
    let parent = findNodeAtLocation(root, parentPath);
    while (parent === undefined && parentPath.length > 0) {
      parentPath = parentPath.slice(0, -1);
      parent = findNodeAtLocation(root, parentPath);
    }
    const anchor = parent ?? root;
    const key = path[path.length - 1];
    const message =
      key === undefined
        ? issue.message
        : `missing required key "${key}"${parentPath.length > 0 ? ` in ${formatPath(parentPath)}` : ""}`;
    return [at("missing-key", message, path, anchor.offset, 1)];
  }

  const span = (code: string, message: string) => [
    at(code, message, path, node.offset, node.length),
  ];
  const received = getNodeValue(node);

  if (issue.code === "invalid_value") {
    const [only, ...others] = issue.values;
    if (others.length === 0 && typeof only !== "string") {
      // A literal such as `"version": 1`: name the type, or "1" and 1 read as the same thing.
      return span(
        "invalid-value",
        `${where} must be the ${typeof only} ${String(only)}, not ${typeof received === "object" ? describe(received) : `the ${describe(received)}`}`,
      );
    }
    return span("invalid-value", enumMessage(where, received, issue.values.map(String)));
  }
  if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options)) {
    return span("invalid-value", enumMessage(where, received, issue.options.map(String)));
  }
  if (issue.code === "invalid_type") {
    return span(
      "invalid-type",
      `${where} must be ${article(issue.expected)}, not ${describe(received)}`,
    );
  }
  if (issue.code === "too_small" && issue.origin === "string") {
    return span("invalid-value", `${where} must not be empty`);
  }
  if (issue.code === "too_small" && issue.origin === "array") {
    return span(
      "invalid-value",
      `${where} must list at least ${issue.minimum} item${issue.minimum === 1n || issue.minimum === 1 ? "" : "s"}`,
    );
  }
  return span("invalid", `${where}: ${issue.message}`);
}

function enumMessage(where: string, received: unknown, values: readonly string[]): string {
  const list = values.map((v) => `"${v}"`).join(", ");
  const suggestion = typeof received === "string" ? closest(received, values) : undefined;
  const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
  return `${where} must be one of ${list}, not ${JSON.stringify(received)}${hint}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
