// A separate process appending records to one log, for the concurrency tests and the
// benchmark. Plain JavaScript on the built package (dist/), so 16 of them start in
// milliseconds rather than seconds of tsx compilation.
//   node append-worker.mjs <file> <count> <id> [durable]
// With AUDIT_WAIT_GO=1 it prints "ready" and waits for a line on stdin before appending,
// so every process starts at the same moment. Prints one JSON line when done.
import { appendDecision, recordFromDecision } from "../../dist/index.js";

const [file, countText, id, mode] = process.argv.slice(2);
if (file === undefined || countText === undefined || id === undefined) {
  process.stderr.write("usage: append-worker <file> <count> <id> [durable]\n");
  process.exit(2);
}
const count = Number(countText);
if (process.env.AUDIT_WAIT_GO === "1") {
  process.stdout.write("ready\n");
  await new Promise((resolve) => process.stdin.once("data", resolve));
}
const startedAt = Date.now();
const latencies = [];
for (let i = 0; i < count; i++) {
  const entry = recordFromDecision(
    { kind: "execute", command: `echo worker ${id} record ${i}` },
    { verdict: "approve", reason: "read-only command", check: "tier", tier: "balanced" },
    { session: `${id}:${i}`, tool: "Bash", cwd: "/repo", policy: null, us: i % 50 },
  );
  const t = performance.now();
  await appendDecision(file, entry, {
    durable: mode === "durable",
    lock: { staleMs: Number(process.env.AUDIT_STALE_MS ?? 5000), timeoutMs: 60_000 },
  });
  latencies.push(performance.now() - t);
}
latencies.sort((a, b) => a - b);
const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
process.stdout.write(`${JSON.stringify({ id, count, startedAt, endedAt: Date.now(), median })}\n`);
