import type { z } from "zod";
import { policySchema } from "./schema.js";

/** Every object key the policy schema knows, anywhere in it: the candidates for "did you mean". */
function collectKeys(
  schema: z.core.$ZodType,
  into: Set<string>,
  seen: Set<z.core.$ZodType>,
): Set<string> {
  if (seen.has(schema)) return into;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === "object") {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
      into.add(key);
      collectKeys(value, into, seen);
    }
  }
  for (const field of ["innerType", "element", "in", "out"] as const) {
    const inner = def[field] as z.core.$ZodType | undefined;
    if (inner?._zod !== undefined) collectKeys(inner, into, seen);
  }
  if (Array.isArray(def.options)) {
    for (const option of def.options as z.core.$ZodType[]) collectKeys(option, into, seen);
  }
  return into;
}

export const knownKeys: readonly string[] = [...collectKeys(policySchema, new Set(), new Set())];
