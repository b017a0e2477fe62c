import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionKinds, policyJsonSchema, policySchema, tiers, verdicts } from "../src/index.js";
import { strictAjv } from "./strict-ajv.js";

const committed = JSON.parse(
  readFileSync(new URL("../policy.schema.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

const word = fc.stringMatching(/^[a-z][a-z0-9._/*-]{0,12}$/);
const action = fc.oneof(
  fc.record({ kind: fc.constant("read"), path: word }),
  fc.record(
    { kind: fc.constant("write"), path: word, cwd: fc.constant("/repo") },
    { requiredKeys: ["kind", "path"] },
  ),
  fc.record(
    { kind: fc.constant("delete"), path: word, recursive: fc.boolean() },
    { requiredKeys: ["kind", "path"] },
  ),
  fc.record(
    { kind: fc.constant("execute"), command: word, tool: fc.constant("Bash") },
    { requiredKeys: ["kind", "command"] },
  ),
  fc.record(
    { kind: fc.constant("network"), url: word, session: word },
    { requiredKeys: ["kind", "url"] },
  ),
);
const matcherList = fc.array(word, { minLength: 1, maxLength: 3 });
const rule = fc.record(
  {
    id: word,
    verdict: fc.constantFrom(...verdicts),
    description: fc.string({ maxLength: 10 }),
    operations: fc.uniqueArray(fc.constantFrom(...actionKinds), { minLength: 1, maxLength: 3 }),
    paths: matcherList,
    commands: matcherList,
    domains: matcherList,
    tools: matcherList,
  },
  { requiredKeys: ["id", "verdict", "operations"] },
);
const policy = fc.record(
  {
    $schema: fc.constant("./policy.schema.json"),
    version: fc.constant(1),
    tier: fc.constantFrom(...tiers),
    ignoreFile: word,
    additionalDirectories: fc.array(word, { maxLength: 2 }),
    audit: fc.record({ path: word, redact: fc.boolean() }, { requiredKeys: [] }),
    rules: fc.array(rule, { maxLength: 3 }),
    tests: fc.array(
      fc.record(
        { action, expect: fc.constantFrom(...verdicts), tier: fc.constantFrom(...tiers) },
        { requiredKeys: ["action", "expect"] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ["version"] },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const mutationKinds = [
  "wrong-type",
  "unknown-key",
  "bad-enum",
  "delete-key",
  "empty",
  "null",
] as const;
const mutation = fc.record({
  kind: fc.constantFrom(...mutationKinds),
  at: fc.nat(),
  junk: fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.string({ maxLength: 4 }),
    fc.constant<Json>([]),
    fc.constant<Json>({}),
  ),
  key: fc.constantFrom("extra", "Tier", "paths", "kind", "verdict", "$schema"),
});

/** Every container slot in the document, as [container, key] pairs. */
function slots(value: Json, into: Array<[Json[] | { [key: string]: Json }, string | number]> = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      into.push([value, index]);
      slots(item, into);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.push([value, key]);
      slots(item, into);
    }
  }
  return into;
}

function mutate(
  document: Json,
  m: typeof mutation extends fc.Arbitrary<infer T> ? T : never,
): void {
  // fc.constant hands out one shared object; a copy keeps the document a tree.
  m.junk = structuredClone(m.junk);
  const all = slots(document);
  const objects = [
    document,
    ...all.map(([c, k]) => (c as Record<string | number, Json>)[k] as Json),
  ].filter(
    (v): v is { [key: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v),
  );
  const slot = all[m.at % Math.max(all.length, 1)];
  const container = slot?.[0] as Record<string | number, Json> | undefined;
  const key = slot?.[1];
  switch (m.kind) {
    case "unknown-key": {
      const target = objects[m.at % objects.length];
      if (target !== undefined) target[m.key] = m.junk;
      return;
    }
    case "delete-key":
      if (container !== undefined && key !== undefined && !Array.isArray(container))
        delete container[key];
      return;
    case "wrong-type":
      if (container !== undefined && key !== undefined) container[key] = m.junk;
      return;
    case "bad-enum":
      if (container !== undefined && key !== undefined && typeof container[key] === "string")
        container[key] = `${container[key]}x`;
      return;
    case "empty":
      if (container !== undefined && key !== undefined)
        container[key] = Array.isArray(container[key])
          ? []
          : typeof container[key] === "string"
            ? ""
            : container[key]!;
      return;
    case "null":
      if (container !== undefined && key !== undefined) container[key] = null;
      return;
  }
}

describe("zod and ajv agree", () => {
  it("the committed JSON Schema is what the zod schema generates", () => {
    expect(committed).toEqual(policyJsonSchema());
  });

  it("accept and reject the same 1,000 generated documents", () => {
    const validate = strictAjv().compile(committed);
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(policy, fc.array(mutation, { maxLength: 3 }), (generated, mutations) => {
        const document = structuredClone(generated) as Json;
        for (const m of mutations) mutate(document, m);
        const byZod = policySchema.safeParse(document).success;
        const byAjv = validate(document);
        if (byZod) accepted++;
        else rejected++;
        expect({ byZod, byAjv, document }).toEqual({ byZod, byAjv: byZod, document });
      }),
      { numRuns: 1000 },
    );
    // Both sides of the comparison must be well represented, or agreement proves little.
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });
});

describe("every property is documented for editors", () => {
  it("has a description and a markdownDescription", () => {
    const undocumented: string[] = [];
    const visit = (schema: unknown, where: string) => {
      if (schema === null || typeof schema !== "object") return;
      const node = schema as Record<string, unknown>;
      for (const [name, property] of Object.entries(
        (node.properties ?? {}) as Record<string, Record<string, unknown> | true>,
      )) {
        // `true` only declares a key for a `required` beside it (the rule's anyOf): nothing to document.
        if (property === true) continue;
        if (
          typeof property.description !== "string" ||
          typeof property.markdownDescription !== "string"
        ) {
          undocumented.push(`${where}.${name}`);
        }
        visit(property, `${where}.${name}`);
      }
      for (const key of ["items", "oneOf", "anyOf"]) {
        const child = node[key];
        if (!Array.isArray(child)) {
          visit(child, `${where}.${key}`);
          continue;
        }
        for (const [i, c] of child.entries()) visit(c, `${where}.${key}[${i}]`);
      }
    };
    visit(committed, "");
    expect(undocumented).toEqual([]);
    expect(committed.$id).toBe("https://automode.dev/schemas/policy/v1.json");
    expect(committed.title).toBe("automode policy");
  });
});
