import { z } from "zod";
import { policySchema, ruleMatcherKeys, ruleSchema, versionSchema } from "./schema.js";

/** Stable identifier of the exported schema; bump the path with the policy `version`. */
export const policySchemaId = "https://automode.dev/schemas/policy/v1.json";

/**
 * The policy as JSON Schema (draft-07, which every editor understands), generated from the
 * zod schema with zod 4's own `z.toJSONSchema`. Refinements do not export, so the one
 * refinement the schema has (a rule needs a matcher) is added here as `anyOf`, and `version`
 * becomes an integer (zod exports a number literal as `number`; editors then offer `1.0`).
 */
export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policySchema, {
    target: "draft-7",
    io: "input",
    unrepresentable: "throw",
    override: (ctx) => {
      if (ctx.zodSchema === versionSchema) ctx.jsonSchema.type = "integer";
      if (ctx.zodSchema === ruleSchema) {
        // ajv's strictRequired wants each required key declared beside it.
        ctx.jsonSchema.anyOf = ruleMatcherKeys.map((key) => ({
          properties: { [key]: true },
          required: [key],
        }));
      }
    },
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: policySchemaId, ...rest };
}
