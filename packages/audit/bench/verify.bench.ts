// Verification throughput (SPEC section 6 budget: >= 200,000 records/s), in one run: the
// default mode (full schema), chain only ({ schema: false }), the exact reference path
// (JSON.parse + canonicalize + zod on every line) and, as the baseline, reading the same file
// and only JSON.parse-ing each line. Rounds are interleaved (a noisy neighbour hits every
// mode alike) and the median is reported, with CPU time per record next to wall clock.
// `pnpm exec tsx --conditions=source bench/verify.bench.ts [records] [rounds]` (default
// 100,000 records, 54 MB: past `parallelMinBytes`, so the default mode uses worker threads);
// also run by `pnpm bench` (audit.bench.ts imports `verifyFigures`).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson } from "../src/hash.js";
import { forEachLineBytes } from "../src/lines.js";
import { auditRecordSchema } from "../src/schema.js";
import { verifyLog } from "../src/verify.js";
import { chainRecords, sampleEntry, toJsonl } from "../test/helpers/records.js";

type Mode = { name: string; run: (file: string) => Promise<number> };

const modes: Mode[] = [
  {
    name: "verifyLog, default (full schema)",
    run: async (file) => (await verifyLog(file)).records,
  },
  {
    name: "verifyLog, chain only (schema: false)",
    run: async (file) => (await verifyLog(file, { schema: false })).records,
  },
  {
    name: "verifyLog, default, one thread (threads: 1)",
    run: async (file) => (await verifyLog(file, { threads: 1 })).records,
  },
  {
    name: "verifyLog, chain only, one thread",
    run: async (file) => (await verifyLog(file, { schema: false, threads: 1 })).records,
  },
  {
    name: "baseline: read + JSON.parse each line",
    run: async (file) => {
      let n = 0;
      await forEachLineBytes(file, (buf, start, end) => {
        if (JSON.parse(buf.toString("utf8", start, end)) !== null) n++;
        return true;
      });
      return n;
    },
  },
  {
    name: "reference: read + JSON.parse + canonicalize + zod",
    run: async (file) => {
      let n = 0;
      await forEachLineBytes(file, (buf, start, end) => {
        const json = JSON.parse(buf.toString("utf8", start, end)) as Record<string, unknown>;
        const { hash: _h, ...body } = json;
        if (canonicalJson(body).length > 0 && auditRecordSchema.safeParse(json).success) n++;
        return true;
      });
      return n;
    },
  },
];

export interface VerifyFigure {
  name: string;
  recordsPerSecond: number;
  cpuPerSecond: number;
}

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function verifyFigures(records = 100_000, rounds = 5): Promise<VerifyFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), "audit-verify-bench-"));
  const file = join(dir, "verify.jsonl");
  writeFileSync(
    file,
    toJsonl(chainRecords(Array.from({ length: records }, (_, i) => sampleEntry(i)))),
  );
  const wall: number[][] = modes.map(() => []);
  const cpus: number[][] = modes.map(() => []);
  try {
    for (let round = -1; round < rounds; round++) {
      for (const [k, mode] of modes.entries()) {
        const t0 = performance.now();
        const c0 = cpu();
        const n = await mode.run(file);
        const ms = performance.now() - t0;
        const us = cpu() - c0;
        if (n !== records) throw new Error(`${mode.name}: ${n} of ${records} records`);
        if (round >= 0) {
          wall[k]!.push(ms);
          cpus[k]!.push(us);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return modes.map((mode, k) => ({
    name: mode.name,
    recordsPerSecond: Math.round((records / median(wall[k]!)) * 1000),
    cpuPerSecond: Math.round((records / median(cpus[k]!)) * 1e6),
  }));
}

export function formatVerifyFigures(figures: VerifyFigure[]): string {
  const baseline = figures.find((f) => f.name.startsWith("baseline"))!.recordsPerSecond;
  return figures
    .map(
      (f) =>
        `${f.name}: ${f.recordsPerSecond.toLocaleString("en")} records/s (${(f.recordsPerSecond / baseline).toFixed(2)}x JSON.parse alone; CPU ${f.cpuPerSecond.toLocaleString("en")}/s)`,
    )
    .join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const records = Number(process.argv[2] ?? 100_000);
  const rounds = Number(process.argv[3] ?? 5);
  const before = loadavg()[0]!.toFixed(2);
  const figures = await verifyFigures(records, rounds);
  console.log(
    `node ${process.version}, ${records.toLocaleString("en")} records, median of ${rounds} rounds, load average ${before} before / ${loadavg()[0]!.toFixed(2)} after`,
  );
  console.log(formatVerifyFigures(figures));
}
