import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  appendDecision,
  canonicalJson,
  decisionRecordSchema,
  sha256,
  summarize,
  verifyLog,
} from "../src/index.js";
import { fastDecisionLine } from "../src/line-check.js";
import { sampleEntry } from "./helpers/records.js";
import { tempLog } from "./helpers/tmp.js";

const made: string[] = [];
afterEach(() => {
  for (const file of made.splice(0)) rmSync(dirname(file), { recursive: true, force: true });
});
const log = () => {
  const file = tempLog();
  made.push(file);
  return file;
};
const lines = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n");

describe("the optional agent field", () => {
  it("is left out of a record that names no agent, so older records hash as they did", () => {
    const entry = sampleEntry(0);
    expect("agent" in entry).toBe(false);
    expect(canonicalJson(entry)).not.toContain("agent");
  });

  it("is written, chained and verified on both paths, next to records without it", async () => {
    const file = log();
    await appendDecision(file, sampleEntry(0));
    await appendDecision(file, { ...sampleEntry(1), agent: "codex" });
    await appendDecision(file, { ...sampleEntry(2), agent: "gemini-cli" });
    const written = lines(file);
    expect(JSON.parse(written[0]!).agent).toBeUndefined();
    expect(JSON.parse(written[1]!).agent).toBe("codex");
    for (const line of written) {
      const bytes = Buffer.from(line);
      expect(fastDecisionLine(bytes, 0, bytes.length), line).toBeDefined();
    }
    const result = await verifyLog(file);
    expect(result.ok).toBe(true);
    expect(result.records).toBe(3);
  });

  it("rejects an agent that is not a plain lowercase name, on both paths", async () => {
    const file = log();
    await appendDecision(file, { ...sampleEntry(0), agent: "codex" });
    const record = JSON.parse(lines(file)[0]!) as Record<string, unknown>;
    // A forger who re-hashes the line still cannot put a newline or capitals in the field.
    const forgedRecord: Record<string, unknown> = { ...record, agent: "Codex\nok" };
    const { hash: _hash, ...body } = forgedRecord;
    const text = canonicalJson(body);
    const forged = `${text.slice(0, -1)},"hash":"${sha256(`${String(body.prev)}${text}`)}"}`;
    writeFileSync(file, `${forged}\n`);
    const bytes = Buffer.from(forged);
    expect(fastDecisionLine(bytes, 0, bytes.length)).toBeUndefined();
    expect(decisionRecordSchema.safeParse(JSON.parse(forged)).success).toBe(false);
    expect((await verifyLog(file)).ok).toBe(false);
  });

  it("is counted by summarize, records without one as (unknown)", async () => {
    const file = log();
    await appendDecision(file, sampleEntry(0));
    await appendDecision(file, { ...sampleEntry(1), agent: "codex" });
    await appendDecision(file, { ...sampleEntry(2), agent: "codex" });
    await appendDecision(file, { ...sampleEntry(3), agent: "cursor" });
    const summary = await summarize(file);
    expect(summary.byAgent).toEqual({ "(unknown)": 1, codex: 2, cursor: 1 });
  });
});
