import { isUtf8 } from "node:buffer";
import { tiers, verdicts } from "@automode/policy";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CanonicalScanner } from "../src/canonical.js";
import { recordHash, recordLine, sha256 } from "../src/hash.js";
import { fastDecisionLine } from "../src/line-check.js";
import { auditRecordSchema } from "../src/schema.js";
import { checkLineExact } from "../src/verify.js";

// Differential tests: the scanner against the definition (RFC 8785 via `canonicalize`, on the
// bytes decoded as UTF-8 when they are valid UTF-8), and the verifier's fast path against its
// exact path, on generated values, canonical texts and near-canonical mutations of them.

const runs = { numRuns: 1500 };

/** The definition: valid UTF-8 whose text is its own canonical form. */
function isCanonicalByDefinition(bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  const text = bytes.toString("utf8");
  try {
    return canonicalize(JSON.parse(text)) === text;
  } catch {
    return false; // not JSON, or no canonical form (a lone surrogate)
  }
}

/** A line as the writer writes it: the canonical object without `hash`, then `hash` last. */
function isCanonicalLineByDefinition(bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  const text = bytes.toString("utf8");
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
    if (!Object.hasOwn(json, "hash")) return false;
    const { hash, ...body } = json as Record<string, unknown>;
    const head = canonicalize(body)!.slice(0, -1);
    return `${head}${head === "{" ? "" : ","}"hash":${canonicalize(hash)}}` === text;
  } catch {
    return false;
  }
}

// Characters chosen to hit every rule: escapes, controls, the JSON.stringify specials, non-ASCII
// in every UTF-8 length, where UTF-16 and code point order differ (U+E000 vs U+1F600), lone
// surrogates (no canonical form) and U+FFFD.
const specials = [
  '"',
  "\\",
  "/",
  "\b",
  "\t",
  "\n",
  "\f",
  "\r",
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u2028",
  "é",
  "€",
  "\ue000",
  "\uffff",
  "😀",
  "\ud800",
  "\udc00",
  "\ufffd",
];
const char = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("a", "b", "A", "z", "0", "_", " ") },
  { weight: 2, arbitrary: fc.constantFrom(...specials) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);
const str = fc.string({ unit: char, maxLength: 6 });
const num = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 8),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, 1e-7, 1e-6, 5e-324, 2 ** 53, 1.7976931348623157e308, 0.1),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(str, num, fc.boolean(), fc.constant(null)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(str, tie("value"), { maxKeys: 5, noNullPrototype: true }),
  ),
}));

/** The canonical text of a value, or undefined when it has none (a lone surrogate). */
function canonicalOf(v: unknown): string | undefined {
  try {
    return canonicalize(v);
  } catch {
    return undefined;
  }
}

// Small edits that keep a text close to canonical: the forms the verifier must tell apart.
const insertions = [
  " ",
  "\t",
  "\n",
  "\r",
  "\\/",
  "\\u0041",
  "\\u001F",
  "\\u001f",
  "\\u000a",
  "\\ud83d\\ude00",
  "\\ud800",
  ".0",
  "0",
  "e0",
  "E+1",
  "-",
  ",",
  ":",
  '"a":1,',
  '"":0,',
  "é",
  "\ufffd",
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert"), at: fc.nat(), text: fc.constantFrom(...insertions) }),
  fc.record({ kind: fc.constant("delete"), at: fc.nat(), text: fc.constant("") }),
  fc.record({ kind: fc.constant("swap"), at: fc.nat(), text: fc.constant("") }),
  fc.record({ kind: fc.constant("replace"), at: fc.nat(), text: char }),
  fc.record({ kind: fc.constant("duplicate"), at: fc.nat(), text: fc.constant("") }),
);
type Mutation = { kind: string; at: number; text: string };

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + 1);
    case "swap":
      return (
        text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2)
      );
    case "replace":
      return text.slice(0, at) + m.text + text.slice(at + 1);
    default: {
      // Duplicate a member: copy the text from one comma or brace to the next comma.
      const from = Math.max(text.lastIndexOf(",", at), text.lastIndexOf("{", at));
      const to = text.indexOf(",", at + 1);
      if (from < 0 || to < 0) return text;
      return (
        text.slice(0, to) +
        text.slice(from === text.lastIndexOf("{", at) ? from + 1 : from, to) +
        text.slice(to)
      );
    }
  }
}

describe("CanonicalScanner.isCanonical", () => {
  const scanner = new CanonicalScanner();
  const agrees = (bytes: Buffer) => {
    const expected = isCanonicalByDefinition(bytes);
    expect(scanner.isCanonical(bytes), bytes.toString("utf8")).toBe(expected);
    if (!expected) expect(scanner.problem).not.toBe("");
  };

  it("accepts the canonical text of every value", () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = canonicalOf(v);
        fc.pre(text !== undefined);
        expect(scanner.isCanonical(Buffer.from(text!)), text).toBe(true);
      }),
      runs,
    );
  });

  it("agrees with the definition on JSON.stringify (unsorted) and indented texts", () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 1, 2), (v, indent) => {
        agrees(Buffer.from(JSON.stringify(v, null, indent)));
      }),
      runs,
    );
  });

  it("agrees with the definition on near-canonical mutations", () => {
    fc.assert(
      fc.property(value, fc.array(mutation, { minLength: 1, maxLength: 2 }), (v, ms) => {
        const text = canonicalOf(v) ?? JSON.stringify(v);
        agrees(Buffer.from(ms.reduce(mutate, text)));
      }),
      { numRuns: 4000 },
    );
  });

  it("agrees with the definition when a byte is replaced (UTF-8 validity)", () => {
    fc.assert(
      fc.property(value, fc.nat(), fc.integer({ min: 0, max: 255 }), (v, at, byte) => {
        const bytes = Buffer.from(canonicalOf(v) ?? JSON.stringify(v));
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        agrees(bytes);
      }),
      runs,
    );
  });

  it("agrees with the definition on other spellings of numbers", () => {
    const spellings = (n: number) => [
      String(n),
      `${n}.0`,
      `${n}0`,
      `0${n}`,
      `${n}e0`,
      `${n}E+0`,
      `-${n}`,
      n.toExponential(),
      n.toPrecision(17),
      n.toFixed(2),
      JSON.stringify(n),
    ];
    fc.assert(
      fc.property(num, fc.nat(), fc.constantFrom("[%]", '{"a":%}', "%"), (n, k, shape) => {
        const all = spellings(n);
        agrees(Buffer.from(shape.replace("%", all[k % all.length]!)));
      }),
      runs,
    );
  });

  it.each([
    ["overlong /", [0x22, 0xc0, 0xaf, 0x22]],
    ["CESU-8 surrogate", [0x22, 0xed, 0xa0, 0x80, 0x22]],
    ["above U+10FFFF", [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22]],
    ["truncated sequence", [0x22, 0xe2, 0x82, 0x22]],
    ["lone continuation byte", [0x22, 0x80, 0x22]],
  ])("rejects invalid UTF-8: %s", (_what, bytes) => {
    expect(scanner.isCanonical(Buffer.from(bytes))).toBe(false);
    expect(scanner.problem).toContain("invalid UTF-8");
  });

  it("rejects nesting past the limit without overflowing the stack", () => {
    expect(scanner.isCanonical(Buffer.from("[".repeat(100_000)))).toBe(false);
    expect(scanner.problem).toContain("nested deeper");
  });
});

describe("CanonicalScanner.scanLine", () => {
  const scanner = new CanonicalScanner();
  const object = fc.dictionary(str, value, { maxKeys: 5, noNullPrototype: true });

  it("agrees with the writer's line format on generated lines and their mutations", () => {
    fc.assert(
      fc.property(object, value, fc.array(mutation, { maxLength: 2 }), (body, hash, ms) => {
        const b = canonicalOf(body);
        const h = canonicalOf(hash);
        fc.pre(b !== undefined && h !== undefined);
        const line = `${b!.slice(0, -1)}${b === "{}" ? "" : ","}"hash":${h}}`;
        const bytes = Buffer.from(ms.reduce(mutate, line));
        const expected = isCanonicalLineByDefinition(bytes);
        expect(scanner.scanLine(bytes, 0, bytes.length), bytes.toString()).toBe(expected);
        if (ms.length === 0) expect(expected).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the verifier's fast path", () => {
  const scanner = new CanonicalScanner();
  const digest = fc
    .uint8Array({ minLength: 32, maxLength: 32 })
    .map((b) => `sha256:${Buffer.from(b).toString("hex")}`);
  // Text mostly of plain characters (so most lines take the fast path), with the specials.
  const textChar = fc.oneof(
    { weight: 80, arbitrary: fc.constantFrom("a", "b", "Z", "0", "/", ".", " ", "-", ":") },
    { weight: 2, arbitrary: fc.constantFrom(...specials) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  );
  const text = fc.string({ unit: textChar, maxLength: 12 });
  // Mostly valid values, now and then an invalid one: most records are schema-valid, and each
  // rule is broken on its own often enough.
  const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 24, arbitrary: valid }, { weight: 1, arbitrary: invalid });
  const nonEmpty = mostly(
    fc.string({ unit: textChar, minLength: 1, maxLength: 8 }),
    fc.constantFrom("", 1, true),
  );
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
  const int = mostly(
    fc.nat({ max: 100_000 }),
    fc.constantFrom(-1, 1.5, 1e15 - 1, 1e15, 2 ** 53 - 1, 2 ** 53, 1e21, "1"),
  );
  const action = mostly(
    fc.oneof(
      fc.record({ kind: fc.constantFrom("read", "write", "delete"), path: text }),
      fc.record({ kind: fc.constant("delete"), path: text, recursive: fc.boolean() }),
      fc.record({ kind: fc.constant("execute"), command: text }),
      fc.record({ kind: fc.constant("network"), url: text }),
    ),
    fc.oneof(
      fc.record({ kind: fc.constantFrom("read", "execute", "other"), url: text, path: text }),
      fc.record({ kind: fc.constant("write"), path: text, recursive: fc.boolean() }),
      fc.record({ kind: fc.constant("execute"), command: fc.constant(null) }),
      fc.record({ kind: fc.constant("read") }),
    ),
  );
  const ts = mostly(
    fc
      .date({ min: new Date(0), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.constantFrom("2026-02-29T00:00:00.000Z", "2024-02-29T10:00:00.000Z", "2026-11-24T10:00:00Z"),
  );
  const record = fc.record({
    action,
    check: nonEmpty,
    cwd: maybe(nonEmpty),
    policy: maybe(mostly(digest, fc.constantFrom("sha256:00", "SHA256:0"))),
    prev: digest,
    reason: mostly(text, fc.constant(null)),
    rule: maybe(nonEmpty),
    seq: mostly(int, fc.constant(0)),
    session: maybe(nonEmpty),
    target: mostly(text, fc.constant(1)),
    tier: mostly(fc.constantFrom(...tiers), fc.constantFrom("lax", "Balanced")),
    tool: maybe(nonEmpty),
    ts,
    us: int,
    v: mostly(fc.constant(1), fc.constantFrom(2, "1", 1.5)),
    verdict: mostly(fc.constantFrom(...verdicts), fc.constantFrom("maybe", "")),
  });
  // Mutations aimed at string contents too (where `\/`, `\u0041` and friends hide).
  const stringMutation = fc.record({
    kind: fc.constant("insert"),
    at: fc.nat(),
    text: fc.constantFrom("\\/", "\\u0041", "\\u001F", "\\u000a", "\\ud83d\\ude00", "\\u00e9", " "),
  });

  /** The forger's line: a (possibly mutated) body, hashed over its own bytes. */
  function forged(body: Record<string, unknown>, ms: Mutation[]): Buffer | undefined {
    const b = canonicalOf(body);
    if (b === undefined) return undefined;
    const mutated = ms.reduce(mutate, b);
    const prev = body.prev as string;
    return Buffer.from(`${mutated.slice(0, -1)},"hash":"${sha256(`${prev}${mutated}`)}"}`);
  }

  it("accepts only lines the exact path accepts, with the same chain fields", () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(
        record,
        fc.array(fc.oneof(mutation, stringMutation), { maxLength: 2 }),
        (body, ms) => {
          const bytes = forged(body, ms);
          fc.pre(bytes !== undefined);
          const fast = fastDecisionLine(bytes!, 0, bytes!.length);
          const exact = checkLineExact(bytes!, 0, bytes!.length, true, true, scanner);
          seen[
            `${ms.length === 0 ? "as written" : "mutated"}, ${fast ? "fast" : typeof exact === "object" ? "exact" : "rejected"}`
          ] =
            (seen[
              `${ms.length === 0 ? "as written" : "mutated"}, ${fast ? "fast" : typeof exact === "object" ? "exact" : "rejected"}`
            ] ?? 0) + 1;
          if (fast !== undefined) {
            expect(typeof exact, bytes!.toString()).toBe("object");
            expect(fast).toEqual({
              seq: (exact as { seq: number }).seq,
              prev: (exact as { prev: string }).prev,
              hash: (exact as { hash: string }).hash,
            });
          }
          // Every ordinary valid line (ASCII, BMP text, numbers below 10^15) takes the fast path.
          if (ms.length === 0 && typeof exact === "object") {
            const line = bytes!.toString();
            if (
              !/[\ud800-\udfff\ufffd]/.test(line) &&
              (body.seq as number) < 1e15 &&
              (body.us as number) < 1e15
            ) {
              expect(fast, line).toBeDefined();
            }
          }
        },
      ),
      { numRuns: 6000 },
    );
    // The generators reach every outcome, mutated lines included, often.
    for (const outcome of [
      "as written, fast",
      "as written, rejected",
      "mutated, fast",
      "mutated, rejected",
    ]) {
      expect(seen[outcome] ?? 0, JSON.stringify(seen)).toBeGreaterThan(
        outcome === "mutated, fast" ? 20 : 500,
      );
    }
    if (process.env.SHOW_OUTCOMES) console.log(seen);
  });

  // Checkpoint records take the fast path too (an alternative of the same pattern).
  const checkpointRecord = fc.record({
    checkpoint: mostly(
      fc.record({
        at: int,
        every: mostly(fc.integer({ min: 1, max: 1000 }), fc.constant(0)),
        head: digest,
        key: mostly(fc.stringMatching(/^[0-9a-f]{16}$/), fc.constantFrom("ABCDEF0123456789", "0")),
        sig: mostly(fc.stringMatching(/^[A-Za-z0-9_-]{86}$/), fc.constantFrom("x", "=")),
      }),
      fc.record({ at: int, head: digest }),
    ),
    event: mostly(fc.constant("checkpoint"), fc.constantFrom("recovery", "Checkpoint")),
    prev: digest,
    seq: mostly(int, fc.constant(0)),
    ts,
    v: mostly(fc.constant(1), fc.constantFrom(2, "1")),
  });

  it("accepts only checkpoint lines the exact path accepts, and every valid one", () => {
    let fastCount = 0;
    fc.assert(
      fc.property(checkpointRecord, fc.array(mutation, { maxLength: 2 }), (body, ms) => {
        const bytes = forged(body, ms);
        fc.pre(bytes !== undefined);
        const fast = fastDecisionLine(bytes!, 0, bytes!.length);
        const exact = checkLineExact(bytes!, 0, bytes!.length, true, true, scanner);
        if (fast !== undefined) {
          fastCount += 1;
          expect(typeof exact, bytes!.toString()).toBe("object");
          expect(fast.hash).toBe((exact as { hash: string }).hash);
          expect(fast.seq).toBe((exact as { seq: number }).seq);
        }
        if (
          ms.length === 0 &&
          typeof exact === "object" &&
          (body.seq as number) < 1e15 &&
          ((body.checkpoint as { at: number }).at ?? 0) < 1e15
        ) {
          expect(fast, bytes!.toString()).toBeDefined();
        }
      }),
      { numRuns: 3000 },
    );
    expect(fastCount).toBeGreaterThan(500);
  });

  it("agrees with the zod schema on the writer's lines", () => {
    fc.assert(
      fc.property(record, (body) => {
        let line: string;
        try {
          line = recordLine({ ...body, hash: recordHash(body) });
        } catch {
          return; // a lone surrogate: no canonical form (the writer replaces them first)
        }
        const bytes = Buffer.from(line);
        const zod = auditRecordSchema.safeParse(JSON.parse(line)).success;
        const exact = checkLineExact(bytes, 0, bytes.length, true, true, scanner);
        expect(typeof exact === "object", `${line}: ${String(exact)}`).toBe(zod);
        if (!zod) expect(fastDecisionLine(bytes, 0, bytes.length), line).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});
