import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  appendDecision,
  configDirectory,
  loadKeyPair,
  publicKeyText,
  verifyLog,
} from "../src/index.js";
import { buildPackage, go, spawnWorker } from "./helpers/processes.js";
import { sampleEntry } from "./helpers/records.js";

beforeAll(() => buildPackage());

describe("many processes appending to one log", () => {
  it("16 real processes x 200 records: every record exactly once, no torn line, chain intact", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "audit-storm-")), "audit.jsonl");
    const processes = 16;
    const each = 200;
    const workers = Array.from({ length: processes }, (_, p) => spawnWorker(file, each, `w${p}`));
    const started = Date.now();
    await go(workers);
    const results = await Promise.all(workers.map((w) => w.done));
    const elapsed = Date.now() - started;
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

    const text = readFileSync(file, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    // Every line parses (no torn or interleaved line) and every (worker, i) appears once;
    // the others are the signed checkpoint records (one every 32 records).
    const records = text
      .slice(0, -1)
      .split("\n")
      .map((line) => JSON.parse(line) as { session?: string; event?: string });
    const checkpoints = records.filter((r) => r.event === "checkpoint").length;
    expect(checkpoints).toBeGreaterThanOrEqual(Math.floor((processes * each) / 32));
    const lines = records.filter((r) => r.event === undefined);
    expect(lines).toHaveLength(processes * each);
    const sessions = lines.map((r) => r.session!);
    const expected = Array.from({ length: processes }, (_, p) =>
      Array.from({ length: each }, (_, i) => `w${p}:${i}`),
    ).flat();
    expect([...sessions].sort()).toEqual([...expected].sort());
    // Within one process, records keep their order.
    for (let p = 0; p < processes; p++) {
      const own = sessions
        .filter((s) => s.startsWith(`w${p}:`))
        .map((s) => Number(s.split(":")[1]));
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
    const verified = await verifyLog(file);
    expect(verified).toMatchObject({
      ok: true,
      records: processes * each + checkpoints,
      recoveries: [],
    });
    // Signed by the one key all 16 shared (created by whichever came first), to the last record.
    const signed = await verifyLog(file, {
      key: publicKeyText(loadKeyPair(configDirectory()).publicKey),
    });
    expect(signed, JSON.stringify(signed.firstBad)).toMatchObject({
      ok: true,
      signature: { kept: "matched", checkpoints },
    });
    console.log(`storm: ${processes * each} appends from ${processes} processes in ${elapsed} ms`);
  }, 120_000);

  it("a writer killed with SIGKILL in the middle of a storm loses nothing the others wrote", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "audit-kill-")), "audit.jsonl");
    const survivors = Array.from({ length: 4 }, (_, p) =>
      spawnWorker(file, 100, `s${p}`, { staleMs: 2000 }),
    );
    const victim = spawnWorker(file, 100_000, "victim", { staleMs: 2000 });
    await go([...survivors, victim]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    victim.child.kill("SIGKILL");
    const results = await Promise.all(survivors.map((w) => w.done));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect((await victim.done).signal).toBe("SIGKILL");

    // Whatever the victim left (a stale lock, perhaps a torn line), the next append copes.
    await appendDecision(file, sampleEntry(0, "after"), { lock: { staleMs: 2000 } });
    const verified = await verifyLog(file);
    expect(verified.ok, JSON.stringify(verified.firstBad)).toBe(true);
    console.log(
      `after kill -9: ${verified.records} records, recoveries ${JSON.stringify(verified.recoveries)}`,
    );
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const survivorLines = lines.filter((l) => /"session":"s\d:/.test(l));
    expect(survivorLines).toHaveLength(400);
  }, 120_000);
});
