import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { genesis, recordHash, recordLine, verifyLog } from "../src/index.js";
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

describe("verifyLog", () => {
  it("passes an intact log, and an empty one", async () => {
    const { file } = log();
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 10, recoveries: [] });
    const empty = tempLog();
    writeFileSync(empty, "");
    expect(await verifyLog(empty)).toEqual({ ok: true, records: 0, recoveries: [], head: genesis });
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

  it("accepts a record that a tool reformatted (still the same canonical content)", async () => {
    const { file, lines } = log(3);
    lines[1] = JSON.stringify(JSON.parse(lines[1]!)); // hash no longer last: a different serialisation
    const parsed = JSON.parse(lines[1]!) as Record<string, unknown>;
    const { hash, ...rest } = parsed;
    lines[1] = JSON.stringify({ hash, ...rest });
    rewrite(file, lines);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 3 });
  });

  // Known divergence from SPEC 6 (hash = SHA-256 over prev + the RFC 8785 canonical JSON):
  // the fast path accepts a line whose hash was computed over its own non-canonical bytes.
  // `it.fails` records it; the fix (a canonical-form scanner, or the exact path) is pending.
  it.fails("rejects a line whose hash covers non-canonical bytes (known gap)", async () => {
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
    expect(await verifyLog(file, { schema: false })).toMatchObject({
      ok: false,
      firstBad: { line: 1 },
    });
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
