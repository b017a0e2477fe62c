/**
 * Terminal tables for `replay` and `demo`: how wide, and how to cut a row so it never
 * exceeds that width. Widths count code points; East Asian wide characters and emoji count
 * as one column each, so a row holding them can still run past the edge.
 */

/** The default ceilings of the call and reason columns, when there is room (and off a terminal). */
export const CALL_WIDTH = 44;
export const REASON_WIDTH = 90;

/**
 * The width tables must fit: the terminal's columns when standard output is one; otherwise
 * `COLUMNS` when set to a positive whole number; otherwise undefined: output to a pipe or a
 * file is not cut to any screen (the columns keep their default ceilings).
 */
export function tableWidth(
  stdout: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
): number | undefined {
  if (stdout.isTTY === true && typeof stdout.columns === "number" && stdout.columns > 0) {
    return stdout.columns;
  }
  const columns = env.COLUMNS;
  if (columns !== undefined && /^[1-9]\d*$/.test(columns)) return Number(columns);
  return undefined;
}

/**
 * Control characters in a cell (a multi-line command, an escape sequence in a transcript)
 * would break the row or drive the reader's terminal: shown escaped instead.
 */
export function cellText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}

export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` in exactly `width` columns: padded, or cut with an ellipsis. */
export function fit(text: string, width: number): string {
  if (width <= 0) return "";
  const chars = Array.from(text);
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return `${chars.slice(0, width - 1).join("")}…`;
}

/** A piece of a row: its plain text, and how to style it once cut. */
export interface Segment {
  text: string;
  style?: (text: string) => string;
}

/**
 * Joins a row's segments, cut with an ellipsis where the row would pass `width` (undefined:
 * never cut). Styles are applied after cutting, so escape codes never count as columns and
 * are never cut in half. Trailing spaces are dropped.
 */
export function renderRow(segments: readonly Segment[], width: number | undefined): string {
  let used = 0;
  let out = "";
  const total = segments.reduce((n, s) => n + textWidth(s.text), 0);
  const cut = width !== undefined && total > width;
  const room = cut ? Math.max(width - 1, 0) : Number.POSITIVE_INFINITY;
  for (const segment of segments) {
    const chars = Array.from(segment.text);
    const take = Math.min(chars.length, room - used);
    if (take <= 0) break;
    const piece = chars.slice(0, take).join("");
    used += take;
    out += segment.style ? segment.style(piece) : piece;
  }
  if (cut && width > 0) out += "…";
  return out.trimEnd();
}
