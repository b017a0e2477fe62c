import { sha256 } from "./hash.js";
import { redact } from "./redact.js";
import type { AuditAction, Cut, CutField, DecisionEntry } from "./schema.js";

/**
 * The most UTF-8 bytes each free-text field may hold in a record. A longer value is cut (at a
 * character boundary, ending in `cutMarker`) and the record's `cut` member gives the full
 * value's size and SHA-256, so no record can grow a line past what `verifyLog` reads (16 MiB)
 * and a reviewer holding the original can still prove which value it was. Commands get the
 * most room: the engine escalates any command over 10,000 characters unread, so every
 * command it judged fits whole.
 */
export const fieldLimits: Readonly<Record<CutField, number>> = {
  "action.command": 16_384,
  "action.path": 4096,
  "action.url": 8192,
  target: 16_384,
  reason: 4096,
  cwd: 4096,
  session: 256,
  tool: 256,
  check: 256,
  rule: 256,
};

/** Ends a cut value, so a person reading it sees that it goes on. */
export const cutMarker = "…[cut]";

/**
 * Redaction looks this far past the cut: enough for any token or header, and a PEM block
 * that runs past it is redacted to the end. Redacting only the kept part plus this margin
 * keeps a 9 MiB command as cheap to record as a 20 KiB one.
 */
const redactMargin = 4096;

/** The first `max` bytes of `text` as UTF-8, never splitting a character. */
function cutBytes(text: string, max: number): string {
  const bytes = Buffer.from(text.length > max ? text.slice(0, max) : text, "utf8");
  if (bytes.length <= max) return bytes.toString("utf8");
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to a character's first byte
  return bytes.toString("utf8", 0, end);
}

interface Capped {
  value: string;
  cut?: { bytes: number; sha256: string };
}

/**
 * One field: redacted (when asked) and capped. The hash is over the value as proposed, before
 * redaction: it is what a reviewer holding the original (the agent's transcript) can
 * recompute whatever automode's redaction patterns were, and it tells nothing about a secret
 * inside unless every other byte of a value of at least the field's limit is known.
 */
function capField(raw: string, limit: number, redacting: boolean): Capped {
  // A string has at most 3 UTF-8 bytes per UTF-16 unit: a short one needs no counting.
  const long = raw.length * 3 > limit && Buffer.byteLength(raw, "utf8") > limit;
  const head = long ? cutBytes(raw, limit + redactMargin) : raw;
  const value = redacting ? redact(head) : head;
  if (!long && Buffer.byteLength(value, "utf8") <= limit) return { value };
  return {
    value: cutBytes(value, limit - Buffer.byteLength(cutMarker)) + cutMarker,
    cut: { bytes: Buffer.byteLength(raw, "utf8"), sha256: sha256(raw) },
  };
}

/**
 * Redacts (when `redacting`) and caps every free-text field of an entry. Idempotent on what
 * it returns, so an entry may pass through twice.
 */
export function capEntry(entry: DecisionEntry, redacting: boolean): DecisionEntry {
  const cut: Cut = { ...entry.cut };
  // The fields redaction always covered; ids, names and folders are only capped.
  const field = (name: CutField, raw: string, redactable = false): string => {
    const capped = capField(raw, fieldLimits[name], redacting && redactable);
    if (capped.cut !== undefined) cut[name] = capped.cut;
    return capped.value;
  };
  const nullable = (name: CutField, raw: string | null): string | null =>
    raw === null ? null : field(name, raw);
  const a = entry.action;
  const action: AuditAction =
    a.kind === "execute"
      ? { ...a, command: field("action.command", a.command, true) }
      : a.kind === "network"
        ? { ...a, url: field("action.url", a.url, true) }
        : { ...a, path: field("action.path", a.path, true) };
  const { cut: _old, ...rest } = entry;
  const capped: DecisionEntry = {
    ...rest,
    action,
    target: field("target", entry.target, true),
    reason: field("reason", entry.reason, true),
    cwd: nullable("cwd", entry.cwd),
    session: nullable("session", entry.session),
    tool: nullable("tool", entry.tool),
    check: field("check", entry.check),
    rule: nullable("rule", entry.rule),
  };
  return Object.keys(cut).length === 0 ? capped : { ...capped, cut };
}
