import { appendFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatSummary, summarize } from "../src/index.js";
import { chainRecords, sampleEntry, toJsonl } from "./helpers/records.js";
import { tempLog } from "./helpers/tmp.js";

describe("summarize", () => {
  it("counts by verdict, check, tier, tool and hour, and ranks escalated and denied targets", async () => {
    const file = tempLog();
    // 70 records, one per minute from 10:00, the sample's 7 actions in turn.
    const start = Date.UTC(2026, 10, 24, 10, 0, 0);
    const records = chainRecords(
      Array.from({ length: 70 }, (_, i) => sampleEntry(i, "s", new Date(start + i * 60_000))),
    );
    writeFileSync(file, toJsonl(records));
    appendFileSync(file, "not json\n");
    const summary = await summarize(file, { top: 2 });
    expect(summary).toMatchObject({
      decisions: 70,
      recoveries: 0,
      checkpoints: 0,
      invalid: 1,
      first: "2026-11-24T10:00:00.000Z",
      last: "2026-11-24T11:09:00.000Z",
      byVerdict: { approve: 30, escalate: 30, deny: 10 },
      byCheck: { tier: 40, destructive: 20, "ignored-path": 10 },
      byTier: { balanced: 70 },
      byTool: { Bash: 10, Read: 60 },
      byHour: { "2026-11-24T10": 60, "2026-11-24T11": 10 },
      topDenied: [{ target: "/repo/.env", count: 10 }],
      approximate: false,
    });
    expect(summary.topEscalated).toHaveLength(2);
    expect(summary.topEscalated.map((t) => t.count)).toEqual([10, 10]);
  });

  it("keeps memory bounded with many distinct targets, and says the ranking is approximate", async () => {
    const file = tempLog();
    const entries = Array.from({ length: 300 }, (_, i) => ({
      ...sampleEntry(6),
      target: i % 3 === 0 ? "/repo/.env" : `/repo/secret-${i}`,
    }));
    writeFileSync(file, toJsonl(chainRecords(entries)));
    const summary = await summarize(file, { top: 1, trackedTargets: 20 });
    expect(summary.approximate).toBe(true);
    expect(summary.topDenied[0]?.target).toBe("/repo/.env");
  });

  it("formats a readable report", async () => {
    const file = tempLog();
    writeFileSync(
      file,
      toJsonl(chainRecords(Array.from({ length: 14 }, (_, i) => sampleEntry(i)))),
    );
    const text = formatSummary(await summarize(file), { targetWidth: 20 });
    expect(text).toContain("14 decisions, 0 recoveries, 0 invalid lines");
    expect(text).toMatch(/By verdict\n {2}approve +6\n {2}escalate +6\n {2}deny +2\n/);
    expect(text).toContain("Top denied\n  /repo/.env        2");
    expect(text).toContain("git push --force or…");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("formats an empty log", async () => {
    const file = tempLog();
    writeFileSync(file, "");
    const lines = formatSummary(await summarize(file)).split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "0 decisions, 0 recoveries, 0 invalid lines (empty log)",
      "",
      "By verdict",
    ]);
    expect(lines.slice(3, 6).map((l) => l.split(/\s+/).filter(Boolean))).toEqual([
      ["approve", "0"],
      ["deny", "0"],
      ["escalate", "0"],
    ]);
  });
});
