import { open } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import type { ChainLink } from "./line-check.js";
import { decisionLinePattern, fastDecisionText } from "./line-check.js";
import { maxLineBytes } from "./lines.js";

/**
 * What a worker certifies about its byte range: its first `lines` lines each pass the fast
 * path and link to the line before them inside the range (`first` is the first of them,
 * `last` the last). `stop` is the byte offset of the first line it did not certify (a
 * fault, a recovery record, anything unusual), or null when it certified the whole range.
 * The main thread decides everything else, in order, so the first bad line is exactly the
 * one a sequential pass names.
 */
export interface RangeReport {
  lines: number;
  /** How many of the certified lines are checkpoint records. */
  checkpoints: number;
  first: ChainLink | null;
  last: ChainLink | null;
  stop: number | null;
}

// The worker is plain JavaScript evaluated from this string (it needs only Node's built-ins
// and the fast-path function's own source), so it runs the same from the sources (tsx,
// vitest), from dist/, and from the app's esbuild bundle, where no separate worker file
// would exist.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { createReadStream } = require("node:fs");
const crypto = require("node:crypto");
const { file, start, end, pattern, fastLine, maxLineBytes } = workerData;
const re = new RegExp(pattern);
const check = new Function("return (" + fastLine + ")")();
const hex = typeof crypto.hash === "function"
  ? (data) => crypto.hash("sha256", data, "hex")
  : (data) => crypto.createHash("sha256").update(data).digest("hex");
async function run() {
  let lines = 0, checkpoints = 0, first = null, last = null, stop = null;
  let offset = start; // where the current line starts
  let carry = [], carried = 0;
  const good = (buf, s, e) => {
    const link = check(buf.toString("utf8", s, e), re, hex);
    if (link === undefined) return false;
    if (last !== null && (link.seq !== last.seq + 1 || link.prev !== last.hash)) return false;
    if (first === null) first = link;
    last = link;
    lines++;
    if (buf[s + 2] === 0x63) checkpoints++; // {"checkpoint":…
    return true;
  };
  const stream = createReadStream(file, { start, end: end - 1, highWaterMark: 1024 * 1024 });
  try {
    scan: for await (const chunk of stream) {
      let s = 0;
      if (carried > 0) {
        const nl = chunk.indexOf(10);
        if (nl < 0) {
          carry.push(Buffer.from(chunk));
          carried += chunk.length;
          if (carried > maxLineBytes) { stop = offset; break scan; }
          continue;
        }
        const line = Buffer.concat([...carry, chunk.subarray(0, nl)]);
        carry = [];
        carried = 0;
        if (line.length > maxLineBytes || !good(line, 0, line.length)) { stop = offset; break scan; }
        offset += line.length + 1;
        s = nl + 1;
      }
      for (let nl = chunk.indexOf(10, s); nl >= 0; nl = chunk.indexOf(10, s)) {
        if (!good(chunk, s, nl)) { stop = offset; break scan; }
        offset += nl + 1 - s;
        s = nl + 1;
      }
      if (s < chunk.length) {
        carry = [Buffer.from(chunk.subarray(s))];
        carried = chunk.length - s;
        if (carried > maxLineBytes) { stop = offset; break scan; }
      }
    }
    if (stop === null && carried > 0) stop = offset; // an unterminated last line
  } finally {
    stream.destroy();
  }
  return { lines, checkpoints, first, last, stop };
}
run().then(
  (report) => parentPort.postMessage({ report }),
  (error) => parentPort.postMessage({ error: String((error && error.stack) || error) }),
);
`;

/** Runs a worker over `[start, end)`; a worker that fails certifies nothing (the main thread then does the range). */
export function certifyRange(
  file: string,
  start: number,
  end: number,
): { report: Promise<RangeReport>; stop: () => void } {
  const nothing: RangeReport = { lines: 0, checkpoints: 0, first: null, last: null, stop: start };
  let worker: Worker;
  try {
    worker = new Worker(workerSource, {
      eval: true,
      execArgv: [],
      workerData: {
        file,
        start,
        end,
        pattern: decisionLinePattern.source,
        fastLine: fastDecisionText.toString(),
        maxLineBytes,
      },
    });
  } catch {
    return { report: Promise.resolve(nothing), stop: () => {} };
  }
  const report = new Promise<RangeReport>((resolve) => {
    worker.once("message", (message: { report?: RangeReport }) => {
      resolve(message.report ?? nothing);
      void worker.terminate();
    });
    worker.once("error", () => resolve(nothing));
    worker.once("exit", () => resolve(nothing));
  });
  return { report, stop: () => void worker.terminate() };
}

/**
 * `parts` + 1 byte offsets from 0 to `size` that split the file into ranges of about equal
 * size, each starting at a line start (after a `\n`). Ranges may be empty.
 */
export async function lineAlignedSplits(
  file: string,
  size: number,
  parts: number,
): Promise<number[]> {
  const splits = [0];
  const handle = await open(file, "r");
  try {
    const window = Buffer.allocUnsafe(64 * 1024);
    for (let k = 1; k < parts; k++) {
      let at = Math.max(Math.floor((size * k) / parts), splits.at(-1)!);
      let found = size;
      while (at < size) {
        const { bytesRead } = await handle.read(window, 0, window.length, at);
        if (bytesRead === 0) break;
        const nl = window.subarray(0, bytesRead).indexOf(10);
        if (nl >= 0) {
          found = at + nl + 1;
          break;
        }
        at += bytesRead;
      }
      splits.push(found);
    }
  } finally {
    await handle.close();
  }
  splits.push(size);
  return splits;
}
