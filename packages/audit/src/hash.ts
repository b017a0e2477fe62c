import * as crypto from "node:crypto";
import canonicalize from "canonicalize";
import { formatVersion } from "./schema.js";

// One-shot `crypto.hash` (Node >= 20.12) is 3x faster than createHash for short inputs,
// which is most of the verifier's time; older Node falls back.
const oneShot = (
  crypto as { hash?: (alg: string, data: string | Uint8Array, enc: "hex") => string }
).hash;

/** SHA-256 as 64 lowercase hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return oneShot
    ? oneShot("sha256", data, "hex")
    : crypto.createHash("sha256").update(data).digest("hex");
}

export function sha256(data: string | Uint8Array): string {
  return `sha256:${sha256Hex(data)}`;
}

/**
 * The `prev` of the first record of every log. A fixed, documented value (rather than an
 * all-zero string) so that a log of another format version never chains by accident.
 */
export const genesisSeed = `automode audit log v${formatVersion} genesis`;
export const genesis = sha256(genesisSeed);

/** RFC 8785 (JCS) canonical JSON; throws on values JSON cannot represent exactly. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}

/**
 * `hash` of a record: SHA-256 over `prev` followed by the canonical JSON of the record
 * without its `hash` member. The record's own `prev` is part of the hashed body too.
 */
export function recordHash(record: { prev: string; hash?: string }): string {
  const { hash: _omit, ...body } = record;
  return sha256(record.prev + canonicalJson(body));
}

/** The `policy` field: SHA-256 of the policy file exactly as read (bytes or text). */
export function policyDigest(content: string | Uint8Array): string {
  return sha256(content);
}

const hashMember = ',"hash":"';
/** `,"hash":"sha256:` + 64 hex + `"}`: the fixed-length end of every written line. */
export const hashSuffixLength = hashMember.length + 71 + 2;

/**
 * A record as one line: its canonical JSON without `hash`, with `hash` appended as the last
 * member. Every line is therefore the canonical body plus a fixed-length suffix, so a
 * verifier can hash the bytes it read instead of re-serialising the record, and `hash`
 * sits at the end of the line where people look for it.
 */
export function recordLine(record: { prev: string; hash: string }): string {
  const { hash, ...body } = record;
  return `${canonicalJson(body).slice(0, -1)}${hashMember}${hash}"}`;
}

/**
 * The hash of a line as written, from its text: sha256(prev + line without the hash
 * member), or undefined when the line does not end in a hash member. It does not check that
 * the line is canonical JSON: a line whose hash was computed over non-canonical bytes gets
 * a matching value here, which is why `verifyLog` also requires the line to be canonical.
 */
export function lineHash(line: string, prev: string): string | undefined {
  const at = line.length - hashSuffixLength;
  if (at <= 0 || !line.startsWith(hashMember, at)) return undefined;
  return sha256(`${prev}${line.slice(0, at)}}`);
}
