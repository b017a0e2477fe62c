import type { z } from "zod";
import type { JsonPath } from "./diagnostic.js";
import { policySchema } from "./schema.js";

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** Strips the wrappers that do not change an object's keys: optional, default, prefault, pipes. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = (def.innerType ?? def.in) as z.core.$ZodType | undefined;
    if (inner === undefined) return current;
    current = inner;
  }
}

function optionsOf(def: Def): z.core.$ZodType[] {
  return Array.isArray(def.options) ? (def.options as z.core.$ZodType[]) : [];
}

/** The union options a value could be meant as: those whose literal `kind` matches, else all. */
function candidates(def: Def, value: unknown): z.core.$ZodType[] {
  const options = optionsOf(def);
  const kind =
    typeof value === "object" && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const matching = options.filter((option) => {
    const shape = defOf(unwrap(option)).shape as Record<string, z.core.$ZodType> | undefined;
    const literal = shape?.kind === undefined ? undefined : defOf(unwrap(shape.kind)).values;
    return Array.isArray(literal) && literal.includes(kind);
  });
  return matching.length > 0 ? matching : options;
}

function keysAt(schema: z.core.$ZodType, path: JsonPath, value: unknown): string[] {
  const def = defOf(unwrap(schema));
  if (def.type === "union") {
    return candidates(def, value).flatMap((option) => keysAt(option, path, value));
  }
  const [head, ...rest] = path;
  if (head === undefined) {
    return def.type === "object" ? Object.keys(def.shape as object) : [];
  }
  const child =
    def.type === "object"
      ? (def.shape as Record<string, z.core.$ZodType>)[String(head)]
      : def.type === "array"
        ? (def.element as z.core.$ZodType)
        : undefined;
  if (child === undefined) return [];
  const next =
    typeof value === "object" && value !== null
      ? (value as Record<string | number, unknown>)[head]
      : undefined;
  return keysAt(child, rest, next);
}

/** The keys the policy schema allows in the object at `path` of `document`: the candidates for "did you mean". */
export function allowedKeys(document: unknown, path: JsonPath): string[] {
  return [...new Set(keysAt(policySchema, path, document))];
}
