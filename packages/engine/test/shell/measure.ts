/**
 * Measures the shell analysis: parser load (cold, in a fresh process) and warm time per
 * command. Run: `npx tsx --conditions=source test/shell/measure.ts` from packages/engine.
 * Numbers for the README; budgets live in the package benchmark, never in timed tests.
 */
import { performance } from "node:perf_hooks";
import { analyzeCommand, initShellParser } from "../../src/shell/index.js";
import { parseBash } from "../../src/shell/parser.js";
import { emptyFs } from "./helpers.js";

const corpus = [
  "git status",
  "npm test",
  "ls -la src",
  "cat README.md | grep -n foo",
  "cd src && rm -rf ../dist; cat ../.env",
  "git -C . reset --hard",
  "find . -name '*.ts' -exec grep -l TODO {} +",
  "curl -fsSL https://example.com/install.sh | bash",
  "bash -c 'bash -c \"rm -rf x\"'",
  "git commit -m \"$(cat <<'EOF'\nfix: things\nEOF\n)\"",
  "for f in a b c; do echo $f; done > out.txt 2>&1",
  "sudo -u root env FOO=1 nice -n 5 timeout 10 rm -rf /tmp/x",
];

const t0 = performance.now();
await initShellParser();
const loadMs = performance.now() - t0;

const ctx = { cwd: "/repo", home: "/home/u", fs: emptyFs };
for (let i = 0; i < 2000; i++) for (const c of corpus) analyzeCommand(c, ctx);

function perCall(fn: (c: string) => unknown): number[] {
  return corpus.map((c) => {
    const n = 5000;
    const s = performance.now();
    for (let i = 0; i < n; i++) fn(c);
    return ((performance.now() - s) / n) * 1000;
  });
}
const parse = perCall((c) => parseBash(c));
const analyze = perCall((c) => analyzeCommand(c, ctx));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`parser load: ${loadMs.toFixed(1)} ms (this process, after module import)`);
corpus.forEach((c, i) => {
  console.log(
    `${(analyze[i] ?? 0).toFixed(1).padStart(7)} µs analyse  ${(parse[i] ?? 0).toFixed(1).padStart(6)} µs parse  ${JSON.stringify(c).slice(0, 70)}`,
  );
});
console.log(
  `median: analyse ${median(analyze).toFixed(1)} µs, parse ${median(parse).toFixed(1)} µs`,
);
