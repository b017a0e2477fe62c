import { z } from "zod";
import { auditRecordSchema } from "./schema.js";

/** Stable identifier of the exported schema; the path carries the record format version. */
export const auditRecordSchemaId = "https://automode.dev/schemas/audit-record/v1.json";

/**
 * The audit record as JSON Schema (draft-07, which every tool understands), generated from
 * the zod schema with zod 4's own `z.toJSONSchema`; written to `audit-record.schema.json`.
 */
export function auditRecordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(auditRecordSchema, {
    target: "draft-7",
    io: "output",
    unrepresentable: "throw",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: auditRecordSchemaId, ...rest };
}
