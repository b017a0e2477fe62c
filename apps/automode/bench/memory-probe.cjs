// Preloaded into the benchmarked server only (node --expose-gc -r …): on SIGUSR2 it collects
// garbage and prints the memory figures, so the bench can tell a leak (live heap growing with
// the number of calls) from V8 collecting late (resident size wandering with GC timing).
process.on("SIGUSR2", () => {
  const before = process.memoryUsage().rss;
  global.gc();
  const m = process.memoryUsage();
  process.stderr.write(
    `memory-probe ${JSON.stringify({ rssBefore: before, rss: m.rss, heapUsed: m.heapUsed, external: m.external })}\n`,
  );
});
