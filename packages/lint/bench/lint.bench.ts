// Lint time against policy size: `pnpm bench` (tsx, sources via the "source" condition).
// Budget (issue 16): a 20,000-rule policy lints in under 5 s, and time grows linearly with the
// number of rules. Prints wall and CPU time per size (median of the runs) and the 20k/2k ratio
// (10 is linear; the quadratic checks this replaced gave several hundred).
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { lint } from "../src/lint.js";
import { generatedProject } from "./generate-policy.js";

const sizes = [2_000, 20_000] as const;
const runs = Number(process.env.LINT_BENCH_RUNS ?? 3);

interface Figure {
  rules: number;
  wallMs: number;
  cpuMs: number;
  problems: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measure(rules: number): Promise<Figure> {
  const dir = generatedProject(rules);
  try {
    const walls: number[] = [];
    const cpus: number[] = [];
    let problems = 0;
    for (let r = 0; r < runs; r++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const results = await lint({ cwd: dir });
      walls.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      problems = results.reduce((n, result) => n + result.messages.length, 0);
    }
    return { rules, wallMs: median(walls), cpuMs: median(cpus), problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Warm up: the first run loads the engine and the bash parser.
await measure(200);
const figures: Figure[] = [];
for (const size of sizes) figures.push(await measure(size));
console.table(
  figures.map((f) => ({
    rules: f.rules.toLocaleString("en"),
    problems: f.problems,
    "wall (median)": `${(f.wallMs / 1000).toFixed(2)} s`,
    "cpu (median)": `${(f.cpuMs / 1000).toFixed(2)} s`,
  })),
);
const [small, large] = figures as [Figure, Figure];
console.log(
  `20k/2k ratio: wall ${(large.wallMs / small.wallMs).toFixed(1)}×, cpu ${(large.cpuMs / small.cpuMs).toFixed(1)}× (linear: 10×)`,
);
console.log(
  `budget 20,000 rules < 5 s: ${large.wallMs < 5000 ? "met" : "not met"} (wall ${(large.wallMs / 1000).toFixed(2)} s, cpu ${(large.cpuMs / 1000).toFixed(2)} s, load average ${loadavg()[0]?.toFixed(1)})`,
);
