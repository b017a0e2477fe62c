import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AuditError,
  AuditWriter,
  appendDecision,
  genesis,
  sha256,
  verifyLog,
} from "../src/index.js";
import { sampleEntry } from "./helpers/records.js";
import { tempLog } from "./helpers/tmp.js";

function lines(file: string): string[] {
  return readFileSync(file, "utf8").trimEnd().split("\n");
}

describe("appendDecision", () => {
  it("starts the chain at the genesis, numbers records from 1 and links each to the last", async () => {
    const file = tempLog();
    const first = await appendDecision(file, sampleEntry(0));
    const second = await appendDecision(file, sampleEntry(1));
    expect(first.record).toMatchObject({ seq: 1, prev: genesis });
    expect(second.record).toMatchObject({ seq: 2, prev: first.record.hash });
    expect(lines(file)).toHaveLength(2);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 2, head: second.record.hash });
  });

  it("writes one line per record, ending in a newline, with hash last", async () => {
    const file = tempLog();
    await appendDecision(file, sampleEntry(0), { durable: true });
    const text = readFileSync(file, "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toMatch(/,"hash":"sha256:[0-9a-f]{64}"\}\n$/);
  });

  it("creates the folder and the file (mode 600)", async () => {
    const file = join(dirname(tempLog()), "nested", ".claude", "audit.jsonl");
    await appendDecision(file, sampleEntry(0));
    expect(existsSync(file)).toBe(true);
    const { statSync } = await import("node:fs");
    if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("finds the last record from the tail even when records are larger than the read window", async () => {
    const file = tempLog();
    const big = { ...sampleEntry(0), reason: "x".repeat(200_000) };
    await appendDecision(file, big);
    await appendDecision(file, big);
    const third = await appendDecision(file, sampleEntry(2));
    expect(third.record.seq).toBe(3);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 3 });
  });

  it("redacts before hashing by default, and not when told", async () => {
    const file = tempLog();
    const secret = {
      ...sampleEntry(0),
      action: { kind: "execute" as const, command: "curl -H 'Authorization: Bearer abc123def' x" },
    };
    const { record } = await appendDecision(file, secret);
    expect(record.action).toEqual({
      kind: "execute",
      command: "curl -H 'Authorization: Bearer [REDACTED]' x",
    });
    expect(readFileSync(file, "utf8")).not.toContain("abc123def");
    const raw = await appendDecision(file, secret, { redact: false });
    expect(raw.record.action).toEqual(secret.action);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 2 });
  });

  it("fails closed on an invalid entry and writes nothing", async () => {
    const file = tempLog();
    const bad = { ...sampleEntry(0), verdict: "allow" } as unknown as ReturnType<
      typeof sampleEntry
    >;
    await expect(appendDecision(file, bad)).rejects.toMatchObject({
      name: "AuditError",
      code: "invalid-entry",
    });
    expect(existsSync(file)).toBe(false);
  });

  it("times out (fails closed) on a fresh lock held by someone else, and takes over a stale one", async () => {
    const file = tempLog();
    // A live writer's lock: its pid (the test runner's parent) exists.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(
      appendDecision(file, sampleEntry(0), { lock: { staleMs: 60_000, timeoutMs: 300 } }),
    ).rejects.toBeInstanceOf(AuditError);
    const { utimesSync } = await import("node:fs");
    const old = new Date(Date.now() - 10_000);
    utimesSync(`${file}.lock`, old, old);
    const { record } = await appendDecision(file, sampleEntry(0), {
      lock: { staleMs: 2000, timeoutMs: 5000 },
    });
    expect(record.seq).toBe(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe("crash recovery", () => {
  it("moves a half-written last line aside, records its hash, and the chain continues", async () => {
    const file = tempLog();
    await appendDecision(file, sampleEntry(0));
    const good = await appendDecision(file, sampleEntry(1));
    const half = lines(file)[1]!.slice(0, 97);
    appendFileSync(file, half); // a writer died mid-write: no newline
    const before = await verifyLog(file);
    expect(before).toMatchObject({ ok: false, firstBad: { line: 3 } });

    const next = await appendDecision(file, sampleEntry(2));
    expect(next.recovery).toMatchObject({
      seq: 3,
      prev: good.record.hash,
      event: "recovery",
      recovery: {
        offset:
          Buffer.byteLength(readFileSync(file, "utf8").split("\n").slice(0, 2).join("\n")) + 1,
        bytes: 97,
        sha256: sha256(half),
      },
    });
    expect(next.record).toMatchObject({ seq: 4, prev: next.recovery?.hash });
    const aside = join(dirname(file), next.recovery!.recovery.file);
    expect(readFileSync(aside, "utf8")).toBe(half); // never lost
    expect(basename(aside)).toMatch(/^audit\.jsonl\.partial-/);

    const after = await verifyLog(file);
    expect(after).toMatchObject({ ok: true, records: 4 });
    expect(after.recoveries).toEqual([
      expect.objectContaining({
        line: 3,
        seq: 3,
        bytes: 97,
        sha256: sha256(half),
        file: basename(aside),
      }),
    ]);
  });

  it("moves aside complete trailing lines that are not records (garbage after a crash)", async () => {
    const file = tempLog();
    await appendDecision(file, sampleEntry(0));
    appendFileSync(file, '\u0000\u0000\u0000\n{"half":\n');
    const next = await appendDecision(file, sampleEntry(1));
    expect(next.recovery?.recovery).toMatchObject({
      bytes: 13,
      reason: "last line is not an audit record",
    });
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 3 });
  });

  it("recovers a log that holds nothing but a partial line", async () => {
    const file = tempLog();
    writeFileSync(file, '{"v":1,"seq":1,"ts":');
    const next = await appendDecision(file, sampleEntry(0));
    expect(next.recovery).toMatchObject({ seq: 1, prev: genesis });
    expect(next.record.seq).toBe(2);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 2 });
    expect(readdirSync(dirname(file)).filter((n) => n.includes(".partial-"))).toHaveLength(1);
  });
});

describe("AuditWriter", () => {
  it("group-commits appends made while a write is in flight, and rejects an invalid one alone", async () => {
    const file = tempLog();
    const writer = new AuditWriter(file, { durable: true });
    const bad = { ...sampleEntry(0), us: -1 };
    const results = await Promise.allSettled([
      writer.append(sampleEntry(0, "a")),
      writer.append(bad),
      writer.append(sampleEntry(1, "b")),
      writer.append(sampleEntry(2, "c")),
    ]);
    await writer.close();
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    expect(lines(file).map((l) => (JSON.parse(l) as { session: string }).session)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 3 });
  });

  it("keeps call order for concurrent appends from one process", async () => {
    const file = tempLog();
    const writer = new AuditWriter(file, { durable: false });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => writer.append(sampleEntry(i, `s${i}`))),
    );
    await writer.close();
    // Seq 33 is the signed checkpoint record the writer adds every 32 records.
    expect(results.map((r) => r.record.seq)).toEqual(
      Array.from({ length: 50 }, (_, i) => (i < 32 ? i + 1 : i + 2)),
    );
    const decisions = lines(file)
      .map((l) => JSON.parse(l) as { session?: string })
      .filter((r) => r.session !== undefined);
    expect(decisions.map((r) => r.session)).toEqual(Array.from({ length: 50 }, (_, i) => `s${i}`));
    await expect(writer.append(sampleEntry(0))).rejects.toBeInstanceOf(AuditError);
    expect(await verifyLog(file)).toMatchObject({ ok: true, records: 51 });
  });
});
