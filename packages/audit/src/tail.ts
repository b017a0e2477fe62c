import { readSync } from "node:fs";
import { digestPattern } from "./schema.js";

/** The link the next record continues from. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface Tail {
  /** The last complete record, or undefined for an empty log (the next record starts the chain). */
  head: ChainHead | undefined;
  /** Byte offset just past the last complete record's newline. */
  goodEnd: number;
  /** Why the bytes from `goodEnd` to the end are not records, when there are any. */
  badReason?: string;
}

const NEWLINE = 0x0a;
const firstWindow = 64 * 1024;

/**
 * A line the chain can continue from: JSON with an integer `seq` and a well-formed `hash`.
 * Deliberately lenient (no schema, no hash check): the writer must never move aside a line
 * that is a record, even one a verifier would flag; only torn or foreign bytes go.
 */
function asHead(line: Buffer): ChainHead | undefined {
  try {
    const parsed: unknown = JSON.parse(line.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { seq, hash } = parsed as { seq?: unknown; hash?: unknown };
    if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1) return undefined;
    if (typeof hash !== "string" || !digestPattern.test(hash)) return undefined;
    return { seq, hash };
  } catch {
    return undefined;
  }
}

/**
 * Finds the last record by reading the file backwards from its end, in a window that
 * doubles until it holds a complete record (so the cost is one small read, whatever the
 * log's size). Everything after that record is a bad tail: a line with no newline (a
 * writer died mid-write) or complete lines that are not records.
 */
export function readTail(fd: number, size: number): Tail {
  let window = Math.min(firstWindow, size);
  for (;;) {
    const start = size - window;
    const buf = Buffer.allocUnsafe(window);
    let got = 0;
    while (got < window) {
      const n = readSync(fd, buf, got, window - got, start + got);
      if (n === 0) break;
      got += n;
    }
    const data = buf.subarray(0, got);
    const end = data.length;
    let badReason: string | undefined;
    if (end > 0 && data[end - 1] !== NEWLINE) badReason = "partial last line (no trailing newline)";
    // Walk complete lines backwards: [lineStart, lineEnd) excludes the newline at lineEnd.
    let lineEnd = data.lastIndexOf(NEWLINE, end - 1);
    while (lineEnd >= 0) {
      const prevNewline = lineEnd === 0 ? -1 : data.lastIndexOf(NEWLINE, lineEnd - 1);
      if (prevNewline < 0 && start > 0) break; // the line may begin before the window
      const head = asHead(data.subarray(prevNewline + 1, lineEnd));
      const goodEnd = start + lineEnd + 1;
      if (head)
        return badReason === undefined && goodEnd === size
          ? { head, goodEnd }
          : { head, goodEnd, badReason };
      badReason ??= "last line is not an audit record";
      lineEnd = prevNewline;
    }
    if (start === 0) {
      // No record at all: an empty log, or one that holds only bad bytes.
      return size === 0
        ? { head: undefined, goodEnd: 0 }
        : { head: undefined, goodEnd: 0, badReason: badReason ?? "not an audit record" };
    }
    window = Math.min(window * 2, size);
  }
}
