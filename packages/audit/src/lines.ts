import { createReadStream } from "node:fs";

/** Longer lines are reported, not buffered: memory stays bounded whatever the file holds. */
export const maxLineBytes = 16 * 1024 * 1024;

export type LineVisitor = (
  line: string,
  lineNo: number,
  terminated: boolean,
) => boolean | undefined;

/**
 * A line as bytes: `buf[start, end)` without its `\n`. The buffer is only valid during the
 * call (it is the read chunk, reused), so copy what must outlive it.
 */
export type ByteLineVisitor = (
  buf: Buffer,
  start: number,
  end: number,
  lineNo: number,
  terminated: boolean,
) => boolean | undefined;

export interface LineScan {
  lines: number;
  /** Set when a line exceeded `maxLineBytes`; its 1-based number. */
  tooLong?: number;
}

/**
 * Streams `file` line by line as bytes (split on `\n` bytes, which never occur inside UTF-8
 * sequences), calling `visit` synchronously for each; `false` from it stops the scan.
 * Memory is one chunk plus the longest line, never the file. No line is decoded. With
 * `range`, only the bytes `[start, end)` are read (a range starts at a line start), and line
 * numbers count from its start.
 */
export async function forEachLineBytes(
  file: string,
  visit: ByteLineVisitor,
  range?: { start: number; end: number },
): Promise<LineScan> {
  if (range !== undefined && range.end <= range.start) return { lines: 0 };
  const stream = createReadStream(file, {
    highWaterMark: 1024 * 1024,
    ...(range && { start: range.start, end: range.end - 1 }),
  });
  // The start of a line that straddles chunks, in pieces (copied: the chunks are not kept).
  let carry: Buffer[] = [];
  let carried = 0;
  let lineNo = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      if (carried > 0) {
        // Finish that line without copying the rest of the chunk.
        const nl = chunk.indexOf(10);
        if (nl < 0) {
          carry.push(Buffer.from(chunk));
          carried += chunk.length;
          if (carried > maxLineBytes) return { lines: lineNo + 1, tooLong: lineNo + 1 };
          continue;
        }
        const line = Buffer.concat([...carry, chunk.subarray(0, nl)]);
        carry = [];
        carried = 0;
        lineNo += 1;
        if (line.length > maxLineBytes) return { lines: lineNo, tooLong: lineNo };
        if (visit(line, 0, line.length, lineNo, true) === false) return { lines: lineNo };
        start = nl + 1;
      }
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        lineNo += 1;
        if (visit(chunk, start, nl, lineNo, true) === false) return { lines: lineNo };
        start = nl + 1;
      }
      if (chunk.length - start > maxLineBytes) return { lines: lineNo + 1, tooLong: lineNo + 1 };
      if (start < chunk.length) {
        carry = [Buffer.from(chunk.subarray(start))];
        carried = chunk.length - start;
      }
    }
    if (carried > 0) {
      const line = Buffer.concat(carry);
      lineNo += 1;
      visit(line, 0, line.length, lineNo, false);
    }
    return { lines: lineNo };
  } finally {
    stream.destroy();
  }
}

/** `forEachLineBytes` with each line decoded as UTF-8 text. */
export function forEachLine(file: string, visit: LineVisitor): Promise<LineScan> {
  return forEachLineBytes(file, (buf, start, end, lineNo, terminated) =>
    visit(buf.toString("utf8", start, end), lineNo, terminated),
  );
}
