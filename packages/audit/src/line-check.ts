import { tiers, verdicts } from "@automode/policy";
import { sha256Hex } from "./hash.js";
import {
  agentPattern,
  checkpointRecordSchema,
  checkpointSchema,
  decisionRecordSchema,
  keyIdPattern,
  signaturePattern,
} from "./schema.js";

/**
 * The verifier's fast path for the lines the writer writes (decision records): one regular
 * expression that matches exactly the canonical line of a schema-valid decision record, then
 * the hash. It only ever says "this line is good" (and returns what the chain needs) or
 * "decide the exact way" (undefined): every rejection, every recovery record and every
 * unusual line (a number past 15 digits, a character outside the BMP, U+FFFD) goes to the
 * exact path in `verify.ts`, which also words the reason. So the pattern needs to be sound
 * (accept nothing the exact path rejects), which the tests check on generated lines.
 *
 * Why a regular expression and not a byte scanner: V8 compiles it to machine code, and on
 * the 2-core development machine it checks a 540-byte line in about 1 µs, where a JavaScript
 * loop over the bytes (`CanonicalScanner`) takes about 3 µs; the exact path takes 25 µs.
 */

/** What the chain needs from a verified line. */
export interface ChainLink {
  seq: number;
  prev: string;
  hash: string;
}

// A canonical JSON string's content (RFC 8785, JSON.stringify's escapes): any character but
// `"`, `\` and controls, or \" \\ \b \f \n \r \t, or \u00xx (lowercase) for the other
// controls. Surrogates (characters outside the BMP) and U+FFFD (what invalid UTF-8 decodes
// to) are left to the exact path, so a match is always valid UTF-8.
const raw = String.raw`[^"\\\x00-\x1f\ud800-\udfff\ufffd]`;
const escaped = String.raw`\\(?:["\\bfnrt]|u00(?:0[0-7bef]|1[0-9a-f]))`;
const text = `"${raw}*(?:${escaped}${raw}*)*"`;
const nonEmpty = `"(?:${raw}|${escaped})${raw}*(?:${escaped}${raw}*)*"`;
const digest = '"sha256:[0-9a-f]{64}"';
const safeInt = "(?:0|[1-9][0-9]{0,14})"; // canonical, and below 10^15 (zod's z.int() is safe)
const positiveInt = "[1-9][0-9]{0,14}";
const nullable = (p: string) => `(?:null|${p})`;
const oneOf = (values: readonly string[]) => {
  for (const v of values) if (!/^[a-z-]+$/.test(v)) throw new Error(`audit: enum value ${v}`);
  return `"(?:${values.join("|")})"`;
};
const tsSource = decisionRecordSchema.shape.ts._zod.def.pattern?.source ?? "";
if (!tsSource.startsWith("^") || !tsSource.endsWith("$")) {
  throw new Error("audit: unexpected ts pattern in the schema");
}
// `auditActionSchema`: a strict object per kind, members in canonical order.
const action = [
  `\\{"command":${text},"kind":"execute"\\}`,
  `\\{"kind":"(?:read|write|delete)","path":${text}\\}`,
  `\\{"kind":"delete","path":${text},"recursive":(?:true|false)\\}`,
  `\\{"kind":"network","url":${text}\\}`,
].join("|");

/** `decisionRecordSchema`, member by member, as canonical JSON. */
const members: Record<string, string> = {
  action: `(?:${action})`,
  check: nonEmpty,
  cwd: nullable(nonEmpty),
  policy: nullable(digest),
  prev: digest,
  reason: text,
  rule: nullable(nonEmpty),
  seq: positiveInt,
  session: nullable(nonEmpty),
  target: text,
  tier: oneOf(tiers),
  tool: nullable(nonEmpty),
  ts: `"${tsSource.slice(1, -1)}"`,
  us: safeInt,
  v: "1",
  verdict: oneOf(verdicts),
};
// `cut` (present only on a record with a value over its limit, a rare line) is left to the
// exact path: the pattern matches only records without it. `agent` is optional: records
// written before it existed have none, so its member may be absent (it sorts right after
// `action`, so it is matched as part of that member).
const agent = `"${agentPattern.source.slice(1, -1)}"`;
const keys = Object.keys(decisionRecordSchema.shape)
  .filter((k) => k !== "hash" && k !== "cut" && k !== "agent")
  .sort();
// The pattern must cover the schema exactly: a field added to the zod schema without a
// pattern here fails at load (and in the tests) instead of going unchecked.
if (keys.join() !== Object.keys(members).sort().join()) {
  throw new Error("audit: the fast decision pattern does not match decisionRecordSchema");
}
if (keys[0] !== "action" || keys[1] !== "check") {
  throw new Error("audit: the fast decision pattern expects agent between action and check");
}
const decisionLine = `\\{${keys
  .map((k) => `"${k}":${members[k]}${k === "action" ? `(?:,"agent":${agent})?` : ""}`)
  .join(",")},"hash":${digest}\\}`;

/** `checkpointRecordSchema` as canonical JSON (every member fixed-format). */
const checkpointMembers: Record<string, string> = {
  checkpoint: `\\{"at":${safeInt},"every":${positiveInt},"head":${digest},"key":"${keyIdPattern.source.slice(1, -1)}","sig":"${signaturePattern.source.slice(1, -1)}"\\}`,
  event: '"checkpoint"',
  prev: digest,
  seq: positiveInt,
  ts: members.ts!,
  v: "1",
};
const checkpointKeys = Object.keys(checkpointRecordSchema.shape)
  .filter((k) => k !== "hash")
  .sort();
if (
  checkpointKeys.join() !== Object.keys(checkpointMembers).sort().join() ||
  Object.keys(checkpointSchema.shape).sort().join() !== "at,every,head,key,sig"
) {
  throw new Error("audit: the fast checkpoint pattern does not match checkpointRecordSchema");
}
const checkpointLine = `\\{${checkpointKeys.map((k) => `"${k}":${checkpointMembers[k]}`).join(",")},"hash":${digest}\\}`;

/**
 * The whole line: the canonical decision (or checkpoint) record without `hash`, then
 * `,"hash":"…"}`. Checkpoint records take the fast path too, so that one every 32 lines does
 * not stop the verifier's worker threads.
 */
export const decisionLinePattern = new RegExp(`^(?:${decisionLine}|${checkpointLine})$`);

/**
 * The line `buf[start, end)` if it is the canonical line of a schema-valid decision record
 * whose hash matches; undefined: ask the exact path.
 */
export function fastDecisionLine(buf: Buffer, start: number, end: number): ChainLink | undefined {
  return fastDecisionText(buf.toString("utf8", start, end), decisionLinePattern, sha256Hex);
}

/**
 * `fastDecisionLine` on the decoded line. Self-contained (no reference outside its own
 * body), so that the verifier's worker threads run this very function from its source text
 * (`fastDecisionText.toString()`), whatever the bundling.
 */
export function fastDecisionText(
  line: string,
  pattern: RegExp,
  hex: (data: string) => string,
): ChainLink | undefined {
  if (!pattern.test(line)) return undefined;
  // The pattern fixed the members, so these are the real keys (a `"` inside a string value
  // is always escaped, so `,"prev":"` cannot occur there).
  const p = line.indexOf(',"prev":"') + 9;
  const prev = line.slice(p, p + 71);
  let seq = 0;
  for (let k = line.indexOf(',"seq":') + 7; ; k++) {
    const c = line.charCodeAt(k);
    if (c === 0x2c) break;
    seq = seq * 10 + (c - 0x30);
  }
  // `,"hash":"sha256:` + 64 hex + `"}` (82 characters) ends the line.
  const at = line.length - 82;
  const hash = `sha256:${hex(`${prev}${line.slice(0, at)}}`)}`;
  if (!line.startsWith(hash, at + 9)) return undefined;
  return { seq, prev, hash };
}
