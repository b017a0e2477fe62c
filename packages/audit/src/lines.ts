import { createReadStream } from "node:fs";

/** Longer lines are reported, not buffered: memory stays bounded whatever the file holds. */
export const maxLineBytes = 16 * 1024 * 1024;

export type LineVisitor = (
  line: string,
  lineNo: number,
  terminated: boolean,
) => boolean | undefined;

export interface LineScan {
  lines: number;
  /** Set when a line exceeded `maxLineBytes`; its 1-based number. */
  tooLong?: number;
}

/**
 * Streams `file` line by line (split on `\n` bytes, which never occur inside UTF-8
 * sequences), calling `visit` synchronously for each; `false` from it stops the scan.
 * Memory is one chunk plus the longest line, never the file.
 */
export async function forEachLine(file: string, visit: LineVisitor): Promise<LineScan> {
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  let carry: Buffer | undefined;
  let lineNo = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let data = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        lineNo += 1;
        if (visit(data.toString("utf8", start, nl), lineNo, true) === false)
          return { lines: lineNo };
        start = nl + 1;
      }
      data = data.subarray(start);
      if (data.length > maxLineBytes) return { lines: lineNo + 1, tooLong: lineNo + 1 };
      carry = data.length > 0 ? Buffer.from(data) : undefined;
    }
    if (carry) {
      lineNo += 1;
      visit(carry.toString("utf8"), lineNo, false);
    }
    return { lines: lineNo };
  } finally {
    stream.destroy();
  }
}
