import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { genesis, recordHash, recordLine, verifyLog } from "../src/index.js";
import { certifyRange, lineAlignedSplits } from "../src/verify-parallel.js";
import { chainRecords, sampleEntry, toJsonl } from "./helpers/records.js";
import { tempLog } from "./helpers/tmp.js";

/** A 10-record log written as the writer writes it; returns its path and lines. */
function log(n = 10): { file: string; lines: string[] } {
  const file = tempLog();
  const records = chainRecords(Array.from({ length: n }, (_, i) => sampleEntry(i)));
  writeFileSync(file, toJsonl(records));
  return { file, lines: readFileSync(file, "utf8").trimEnd().split("\n") };
}

function rewrite(file: string, lines: string[]): void {
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/**
 * What a forger does: rewrites the body of line `at` with `mutate`, hashes the new bytes
 * (prev + body + "}") as the writer's byte-level shortcut would, and rebuilds the chain after
 * it, so that the only fault left is the non-canonical line.
 */
function forge(lines: string[], at: number, mutate: (body: string) => string): void {
  const suffix = ',"hash":"';
  let prev = (JSON.parse(lines[at]!) as { prev: string }).prev;
  for (let i = at; i < lines.length; i++) {
    let body = lines[i]!.slice(0, lines[i]!.lastIndexOf(suffix));
    body = body.replace(/"prev":"sha256:[0-9a-f]{64}"/, `"prev":"${prev}"`);
    if (i === at) {
      const mutated = mutate(body);
      expect(mutated).not.toBe(body);
      body = mutated;
    }
    const hash = sha(`${prev}${body}}`);
    lines[i] = `${body}${suffix}${hash}"}`;
    prev = hash;
  }
}

describe("verifyLog", () => {
  it("passes an intact log, and an empty one", async () => {
    const { file } = log();
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 10, recoveries: [] });
    const empty = tempLog();
    writeFileSync(empty, "");
    expect(await verifyLog(empty)).toEqual({
      ok: true,
      records: 0,
      checkpoints: 0,
      recoveries: [],
      head: genesis,
      headSeq: 0,
    });
  });

  it("names the line of a flipped character in a value", async () => {
    const { file, lines } = log();
    lines[4] = lines[4]!.replace('"us":', '"us":1');
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 4,
      firstBad: { line: 5, reason: expect.stringContaining("edited") },
    });
  });

  it.each([
    ["in the verdict", (l: string) => l.replace('"verdict":"escalate"', '"verdict":"approve"')],
    [
      "in the hash",
      (l: string) =>
        l.replace(
          /"hash":"sha256:(.)/,
          (_m, c: string) => `"hash":"sha256:${c === "a" ? "b" : "a"}`,
        ),
    ],
    [
      "in the prev",
      (l: string) =>
        l.replace(
          /"prev":"sha256:(.)/,
          (_m, c: string) => `"prev":"sha256:${c === "a" ? "b" : "a"}`,
        ),
    ],
    ["that breaks the JSON", (l: string) => l.replace("{", "[")],
  ])("names the line of a flipped character %s", async (_what, flip) => {
    const { file, lines } = log();
    lines[5] = flip(lines[5]!);
    rewrite(file, lines);
    expect((await verifyLog(file)).firstBad?.line).toBe(6);
  });

  it("names the line where a record was deleted", async () => {
    const { file, lines } = log();
    lines.splice(3, 1);
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 3,
      firstBad: { line: 4, reason: expect.stringContaining("seq 5 where 4 was expected") },
    });
  });

  it("names line 1 when the first record was deleted", async () => {
    const { file, lines } = log();
    rewrite(file, lines.slice(1));
    expect((await verifyLog(file)).firstBad?.line).toBe(1);
  });

  it("names the first of two swapped lines", async () => {
    const { file, lines } = log();
    [lines[6], lines[7]] = [lines[7]!, lines[6]!];
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({ ok: false, records: 6, firstBad: { line: 7 } });
  });

  it("names the line of a forged record inserted with a recomputed hash", async () => {
    const { file, lines } = log();
    const before = JSON.parse(lines[4]!) as { seq: number; hash: string };
    // A careful forger: right seq, links to the record before, hash recomputed.
    const body = {
      ...sampleEntry(99),
      verdict: "approve" as const,
      seq: before.seq + 1,
      prev: before.hash,
    };
    const forged = recordLine({ ...body, hash: recordHash(body) });
    lines.splice(5, 0, forged);
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 5,
      firstBad: { line: 6, reason: expect.stringContaining("inserted") },
    });
  });

  it("names a line that is valid JSON but not a record", async () => {
    const { file, lines } = log();
    lines.splice(2, 0, JSON.stringify({ hello: "world" }));
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({
      firstBad: { line: 3, reason: expect.stringContaining("not an audit record") },
    });
  });

  it("rejects a record that a tool reformatted, even with the same content", async () => {
    const { file, lines } = log(3);
    const { hash, ...rest } = JSON.parse(lines[1]!) as Record<string, unknown>;
    lines[1] = JSON.stringify({ hash, ...rest }); // hash first: not what the writer writes
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 1,
      firstBad: {
        line: 2,
        reason: expect.stringMatching(/^not canonical JSON \(RFC 8785\): "hash" is not the last/),
      },
    });
  });

  it("rejects a line whose hash covers non-canonical bytes", async () => {
    const { file, lines } = log(3);
    let prev = (JSON.parse(lines[0]!) as { prev: string }).prev;
    for (let i = 0; i < 3; i++) {
      let body = lines[i]!.slice(0, lines[i]!.lastIndexOf(',"hash":"'));
      body = body.replace(/"prev":"sha256:[0-9a-f]{64}"/, `"prev":"${prev}"`);
      if (i === 0) body = body.replace('":', '": '); // whitespace: not RFC 8785
      const hash = `sha256:${createHash("sha256").update(`${prev}${body}}`).digest("hex")}`;
      lines[i] = `${body},"hash":"${hash}"}`;
      prev = hash;
    }
    rewrite(file, lines);
    expect(recordHash(JSON.parse(lines[0]!) as { prev: string })).not.toBe(prev);
    for (const schema of [true, false]) {
      expect(await verifyLog(file, { schema })).toMatchObject({
        ok: false,
        records: 0,
        firstBad: { line: 1, reason: expect.stringContaining("not canonical JSON (RFC 8785)") },
      });
    }
  });

  // A forger (or a tool) writes a line whose body is valid JSON for the same or another record
  // but not its canonical form, with the hash computed over those bytes and the chain after it
  // rebuilt: every such line is named, with what is not canonical about it.
  it.each([
    ["whitespace after a colon", (b: string) => b.replace('"check":', '"check": '), "whitespace"],
    ["whitespace before the end", (b: string) => `${b} `, "whitespace"],
    [
      "keys out of order",
      (b: string) => b.replace(/("check":"[^"]*"),("cwd":"[^"]*")/, "$2,$1"),
      'key "check" after "cwd": keys are not sorted',
    ],
    [
      "a duplicate key (JSON.parse keeps the last, other parsers the first)",
      (b: string) => b.replace('"verdict":"deny"', '"verdict":"approve","verdict":"deny"'),
      'duplicate key "verdict"',
    ],
    ["the number 1.0", (b: string) => b.replace('"v":1', '"v":1.0'), "number 1.0 is not in"],
    ["the number 1e2", (b: string) => b.replace(/"us":\d+/, '"us":1e2'), "writes 100"],
    ["a -0", (b: string) => b.replace(/"us":\d+/, '"us":-0'), "number -0"],
    [
      "an escaped letter",
      (b: string) => b.replace('"reason":".', '"reason":"\\u0041'),
      'escape \\u0041: RFC 8785 writes "A" as itself',
    ],
    ["an escaped slash", (b: string) => b.replace("/repo", "\\/repo"), "escape \\/"],
    [
      "uppercase hex in an escape",
      (b: string) => b.replace('"reason":"', '"reason":"\\u001F'),
      "hex digits in lowercase (\\u001f)",
    ],
    [
      "a \\u escape where \\n is canonical",
      (b: string) => b.replace('"reason":"', '"reason":"\\u000a'),
      "writes \\n",
    ],
    [
      "an escaped non-ASCII character",
      (b: string) => b.replace('"reason":"', '"reason":"\\u00e9'),
      "as itself",
    ],
  ])("names a line with %s", async (_what, mutate, hint) => {
    const { file, lines } = log(8);
    forge(lines, 6, mutate); // line 7: the deny record
    rewrite(file, lines);
    for (const schema of [true, false]) {
      const result = await verifyLog(file, { schema });
      expect(result).toMatchObject({ ok: false, records: 6, firstBad: { line: 7 } });
      expect(result.firstBad?.reason).toMatch(/^not canonical JSON \(RFC 8785\): /);
      expect(result.firstBad?.reason).toContain(hint);
    }
  });

  it("names a line with invalid UTF-8 whose hash covers what it decodes to", async () => {
    const { file, lines } = log(3);
    forge(lines, 1, (b) => b.replace('"reason":"', '"reason":"\uFFFD'));
    // U+FFFD is what a decoder makes of an overlong "/" (C0 AF): write those bytes instead.
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    const at = bytes.indexOf(Buffer.from("\uFFFD"));
    const broken = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from([0xc0, 0xaf]),
      bytes.subarray(at + 3),
    ]);
    writeFileSync(file, broken);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 1,
      firstBad: { line: 2, reason: expect.stringContaining("invalid UTF-8") },
    });
  });

  it("names a line ending in CRLF", async () => {
    const { file, lines } = log(3);
    writeFileSync(file, `${lines.join("\r\n")}\r\n`);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 0,
      firstBad: { line: 1, reason: expect.stringContaining("whitespace") },
    });
  });

  it("still verifies canonical lines with escapes and characters outside ASCII", async () => {
    const file = tempLog();
    const entries = [
      { ...sampleEntry(0), reason: 'tab\there, "quotes", back\\slash, \u0001, é, 😀, \u2028' },
      { ...sampleEntry(1), action: { kind: "read" as const, path: "/tmp/ünïcødé/𝄞.txt" } },
      { ...sampleEntry(2), us: 0 },
    ];
    writeFileSync(file, toJsonl(chainRecords(entries)));
    for (const schema of [true, false]) {
      expect(await verifyLog(file, { schema })).toMatchObject({ ok: true, records: 3 });
    }
  });

  it("reports a partial last line (a crash not yet recovered)", async () => {
    const { file, lines } = log(3);
    writeFileSync(file, `${lines.slice(0, 2).join("\n")}\n${lines[2]!.slice(0, 50)}`);
    expect(await verifyLog(file)).toMatchObject({
      ok: false,
      records: 2,
      firstBad: { line: 3, reason: expect.stringContaining("partial last line") },
    });
  });

  it("checks only the chain with { schema: false } and still finds every fault", async () => {
    const { file, lines } = log();
    lines.splice(3, 1);
    rewrite(file, lines);
    expect((await verifyLog(file, { schema: false })).firstBad?.line).toBe(4);
  });

  it("streams: memory does not grow with the log", async () => {
    const file = tempLog();
    const records = chainRecords(Array.from({ length: 20_000 }, (_, i) => sampleEntry(i)));
    writeFileSync(file, toJsonl(records));
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const result = await verifyLog(file, { schema: false });
    expect(result).toMatchObject({ ok: true, records: 20_000 });
    // 20,000 records are ~12 MB on disk; the verifier keeps a chunk and one line.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10 * 1024 * 1024);
  });
});

describe("verifyLog across threads", () => {
  /** A log with a recovery record at line 20 (as a writer writes it after a crash). */
  function logWithRecovery(n: number): string[] {
    const records = chainRecords(Array.from({ length: n }, (_, i) => sampleEntry(i)));
    const lines = toJsonl(records).trimEnd().split("\n");
    const at = 19;
    const before = JSON.parse(lines[at - 1]!) as { seq: number; hash: string };
    const body = {
      v: 1,
      seq: at + 1,
      ts: "2026-11-28T04:42:11.035Z",
      event: "recovery",
      recovery: {
        file: "audit.jsonl.partial-x",
        offset: 100,
        bytes: 26,
        sha256: `sha256:${"ab".repeat(32)}`,
        reason: "partial last line (no trailing newline)",
      },
      prev: before.hash,
    };
    lines.splice(at, 0, recordLine({ ...body, hash: recordHash(body) }));
    // Re-chain what follows, so the log is intact.
    let prev = recordHash(body);
    for (let i = at + 1; i < lines.length; i++) {
      const { hash: _h, ...rest } = JSON.parse(lines[i]!) as {
        prev: string;
        seq: number;
        hash: string;
      };
      const next = { ...rest, seq: i + 1, prev };
      prev = recordHash(next);
      lines[i] = recordLine({ ...next, hash: prev });
    }
    return lines;
  }

  const faults: Array<[string, (lines: string[], i: number) => void]> = [
    ["none", () => {}],
    [
      "edit",
      (l, i) => {
        l[i] = l[i]!.replace(/"ts":"2026/, '"ts":"2025').replace('"us":', '"us":1');
      },
    ],
    ["delete", (l, i) => void l.splice(i, 1)],
    ["swap", (l, i) => void l.splice(i, 2, l[i + 1]!, l[i]!)],
    ["duplicate", (l, i) => void l.splice(i, 0, l[i]!)],
    ["blank line", (l, i) => void l.splice(i, 0, "")],
    ["whitespace", (l, i) => forge(l, i, (b) => b.replace('":', '": '))],
    [
      "insert a forged record",
      (l, i) => {
        const before = JSON.parse(l[i - 1]!) as { seq: number; hash: string };
        const body = { ...sampleEntry(99), seq: before.seq + 1, prev: before.hash };
        l.splice(i, 0, recordLine({ ...body, hash: recordHash(body) }));
      },
    ],
  ];

  it("gives exactly the one-thread result for every fault at every place", {
    timeout: 180_000,
  }, async () => {
    const base = logWithRecovery(40);
    const file = tempLog();
    for (const [what, fault] of faults) {
      for (const i of what === "none" ? [0] : [1, 5, 12, 13, 14, 19, 20, 26, 27, 38]) {
        const lines = [...base];
        fault(lines, i);
        rewrite(file, lines);
        const one = await verifyLog(file, { threads: 1 });
        if (what === "none") expect(one).toMatchObject({ ok: true, records: 41 });
        else expect(one.ok, `${what} at ${i}`).toBe(false);
        for (const threads of [2, 3, 4]) {
          expect(await verifyLog(file, { threads }), `${what} at ${i}, ${threads} threads`).toEqual(
            one,
          );
        }
      }
    }
  });

  it("certifies the ordinary lines of a range in a worker, and stops at the first other one", async () => {
    const lines = logWithRecovery(30);
    const file = tempLog();
    rewrite(file, lines);
    const size = readFileSync(file).length;
    const splits = await lineAlignedSplits(file, size, 2);
    expect(splits).toHaveLength(3);
    expect(readFileSync(file).subarray(0, splits[1]!).toString().split("\n")).toHaveLength(17);
    // Lines 17-31 hold the recovery record (line 20): certified up to it, then the main thread.
    const report = await certifyRange(file, splits[1]!, size).report;
    const starts = [0];
    for (const line of lines) starts.push(starts.at(-1)! + Buffer.byteLength(line) + 1);
    expect(report).toMatchObject({
      lines: 3,
      first: { seq: 17 },
      last: { seq: 19 },
      stop: starts[19],
    });
    const rest = await certifyRange(file, starts[20]!, size).report;
    expect(rest).toMatchObject({ lines: 11, first: { seq: 21 }, last: { seq: 31 }, stop: null });
  });

  it("gives the one-thread result for a partial last line", async () => {
    const lines = logWithRecovery(30);
    const file = tempLog();
    writeFileSync(file, `${lines.join("\n")}\n${lines[5]!.slice(0, 40)}`);
    const one = await verifyLog(file, { threads: 1 });
    expect(one).toMatchObject({ ok: false, records: 31, firstBad: { line: 32 } });
    expect(await verifyLog(file, { threads: 3 })).toEqual(one);
  });
});
