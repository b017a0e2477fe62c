import type { Action, Decision } from "@automode/engine";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AuditedAction,
  type AuditedDecision,
  canonicalJson,
  decisionEntrySchema,
  genesis,
  genesisSeed,
  policyDigest,
  recordFromDecision,
  recordHash,
  sha256,
} from "../src/index.js";

const decision: Decision = {
  verdict: "deny",
  reason: ".env is ignored by .claudeignore",
  check: "ignored-path",
  rule: "no-env",
  tier: "balanced",
  operations: [
    {
      kind: "read",
      target: "/repo/.env",
      verdict: "deny",
      check: "ignored-path",
      reason: "ignored",
    },
  ],
};

describe("recordFromDecision", () => {
  it("accepts the engine's own Action and Decision types", () => {
    expectTypeOf<Decision>().toMatchTypeOf<AuditedDecision>();
    expectTypeOf<Action>().toEqualTypeOf<AuditedAction>();
  });

  it("builds an entry from an action, a decision and the context", () => {
    const entry = recordFromDecision(
      { kind: "read", path: "../.env", cwd: "/repo/src", tool: "Read", session: "abc" },
      decision,
      {
        policy: policyDigest('{"version":1}'),
        us: 41.6,
        ts: new Date("2026-11-24T10:00:00.123Z"),
      },
    );
    expect(entry).toEqual({
      v: 1,
      ts: "2026-11-24T10:00:00.123Z",
      session: "abc",
      tool: "Read",
      action: { kind: "read", path: "../.env" },
      target: "/repo/.env",
      cwd: "/repo/src",
      tier: "balanced",
      verdict: "deny",
      check: "ignored-path",
      reason: ".env is ignored by .claudeignore",
      rule: "no-env",
      policy: sha256('{"version":1}'),
      us: 42,
    });
    expect(decisionEntrySchema.safeParse(entry).success).toBe(true);
  });

  it("uses null for what is unknown and the command or URL as the target", () => {
    const entry = recordFromDecision(
      { kind: "execute", command: "npm test" },
      { ...decision, rule: undefined },
      { us: -3 },
    );
    expect(entry).toMatchObject({
      session: null,
      tool: null,
      cwd: null,
      rule: null,
      policy: null,
      us: 0,
      target: "npm test",
    });
    const net = recordFromDecision({ kind: "network", url: "https://x.dev" }, decision, {
      us: 1,
      cwd: "/r",
    });
    expect(net.target).toBe("https://x.dev");
  });

  it("keeps a delete's recursive flag and replaces lone surrogates, which JSON canonicalisation refuses", () => {
    const entry = recordFromDecision(
      { kind: "delete", path: "a\uD800b", recursive: true },
      decision,
      { us: 1 },
    );
    expect(entry.action).toEqual({ kind: "delete", path: "a\uFFFDb", recursive: true });
    expect(() => canonicalJson(entry)).not.toThrow();
  });
});

describe("the hash chain", () => {
  it("documents its genesis: sha256 of a fixed string naming the format version", () => {
    expect(genesisSeed).toBe("automode audit log v1 genesis");
    expect(genesis).toBe(sha256("automode audit log v1 genesis"));
    expect(genesis).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("hashes prev followed by the RFC 8785 canonical JSON of the record without hash", () => {
    const body = { seq: 1, prev: genesis, b: [1, "é", null], a: { z: 1e21, y: 0.1 } };
    const canonical = `{"a":{"y":0.1,"z":1e+21},"b":[1,"é",null],"prev":"${genesis}","seq":1}`;
    expect(canonicalJson(body)).toBe(canonical);
    expect(recordHash({ ...body, hash: "ignored" })).toBe(sha256(genesis + canonical));
  });
});
