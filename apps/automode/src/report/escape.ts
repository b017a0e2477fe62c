import { safeText } from "@automode/engine";

/** Every control, bidi and zero-width character as a visible escape (one line, nothing hidden). */
export const oneLine = safeText;

/**
 * Long values are cut for display with a marker saying how much was left out. The cut is on
 * code points, after escaping, so it never splits a surrogate pair or an escape sequence.
 */
export function cut(text: string, max: number): string {
  const line = oneLine(text);
  const chars = [...line];
  if (chars.length <= max) return line;
  return `${chars.slice(0, max).join("")}…[+${chars.length - max} chars]`;
}

/** `&`, `<`, `>`, quotes: text safe in HTML content and in a quoted attribute. */
export function html(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Plain Markdown text inside a line (never at its start, so list and heading markers are
 * inert): HTML is escaped, the characters that make emphasis, links (`](`), code, tables (`|`)
 * and strike-through are backslash-escaped, and
 * an `@` that could start a mention is followed by a zero-width space, so that `@someone` in a
 * command notifies nobody.
 */
export function md(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, "@\u200b");
}

/**
 * A Markdown code span: its content is shown as written (no emphasis, links, HTML or
 * mentions), fenced by more backticks than any run inside it. In a table cell `|` still ends
 * the cell, so `cell` escapes it (GitHub removes the backslash inside the span).
 */
export function code(text: string, cell = false): string {
  let body = oneLine(text);
  if (cell) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body === "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** JSON for a `<script type="application/json">`: no `<`, `>`, `&` or line separators in it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * A value with every string in it escaped, object keys included: a summary is keyed by tool,
 * check and hour, and a tool name in a forged log can hold a newline or an ANSI escape.
 */
export function escapedDeep<T>(value: T): T {
  if (typeof value === "string") return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(escapedDeep) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [oneLine(k), escapedDeep(v)]),
  ) as T;
}
