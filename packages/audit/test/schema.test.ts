import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import {
  appendDecision,
  auditRecordJsonSchema,
  auditRecordSchema,
  auditRecordSchemaId,
} from "../src/index.js";
import { sampleEntry } from "./helpers/records.js";
import { tempLog } from "./helpers/tmp.js";

const committed = JSON.parse(
  readFileSync(new URL("../audit-record.schema.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

function validator() {
  // The exported file, as a user's tool would load it; `format` is informative only.
  const ajv = new Ajv({ strict: true, allErrors: true, validateFormats: false });
  return ajv.compile(committed);
}

/** Real records: written by the writer, including a recovery record. */
async function realRecords(): Promise<unknown[]> {
  const file = tempLog();
  for (let i = 0; i < 7; i++) await appendDecision(file, sampleEntry(i));
  const { appendFileSync } = await import("node:fs");
  appendFileSync(file, '{"v":1,"seq":8,');
  await appendDecision(file, {
    ...sampleEntry(7),
    session: null,
    tool: null,
    cwd: null,
    policy: null,
  });
  return readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
}

describe("audit-record.schema.json", () => {
  it("is what the zod schema generates (run `pnpm build` to refresh it)", () => {
    expect(committed).toEqual(auditRecordJsonSchema());
    expect(committed).toMatchObject({
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: auditRecordSchemaId,
      title: "automode audit record",
    });
  });

  it("is exported from the package", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(pkg.exports["./audit-record.schema.json"]).toBe("./audit-record.schema.json");
    expect(pkg.files).toContain("audit-record.schema.json");
  });

  it("accepts every real record, decisions and recoveries, as zod does", async () => {
    const validate = validator();
    const records = await realRecords();
    expect(records.some((r) => (r as { event?: string }).event === "recovery")).toBe(true);
    for (const record of records) {
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
      expect(auditRecordSchema.safeParse(record).success).toBe(true);
    }
  });

  it("rejects what zod rejects", async () => {
    const validate = validator();
    const [record] = (await realRecords()) as Array<Record<string, unknown>>;
    const broken: Array<Record<string, unknown>> = [
      { ...record, verdict: "allow" },
      { ...record, extra: 1 },
      { ...record, seq: 0 },
      { ...record, seq: 1.5 },
      { ...record, v: 2 },
      { ...record, hash: "sha256:abc" },
      { ...record, prev: undefined },
      { ...record, action: { kind: "execute", path: "x" } },
      { ...record, tier: "lenient" },
      { ...record, us: -1 },
      { ...record, event: "recovery" },
    ];
    for (const doc of broken) {
      const json = JSON.parse(JSON.stringify(doc)) as unknown;
      expect(auditRecordSchema.safeParse(json).success, JSON.stringify(doc)).toBe(false);
      expect(validate(json), JSON.stringify(doc)).toBe(false);
    }
  });
});
