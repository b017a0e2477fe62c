import { tiers, verdicts } from "@automode/policy";
import { z } from "zod";

/** The record format version, `v` in every line; bumped only with an incompatible change. */
export const formatVersion = 1;

/** `sha256:` and 64 lowercase hex digits: the form of `prev`, `hash`, `policy` and recovery digests. */
export const digestPattern = /^sha256:[0-9a-f]{64}$/;

const digest = (description: string) =>
  z
    .string()
    .regex(digestPattern)
    .meta({ description: `${description} (\`sha256:\` + 64 hex digits).` });

const text = z.string();
const nonEmpty = z.string().min(1);

/** An agent's name as automode knows it: lowercase letters, digits and hyphens, short. */
export const agentPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The action as the agent proposed it, redacted. Defined here rather than reused from
 * `@automode/policy` because the log is a persisted, versioned format: a change to the
 * policy's input schema must never silently change what a v1 record is.
 */
export const auditActionSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("read"), path: text }),
    z.strictObject({ kind: z.literal("write"), path: text }),
    z.strictObject({ kind: z.literal("delete"), path: text, recursive: z.boolean().optional() }),
    z.strictObject({ kind: z.literal("execute"), command: text }),
    z.strictObject({ kind: z.literal("network"), url: text }),
  ])
  .meta({
    description:
      "The action the agent proposed (kind and target as written, secrets redacted); cwd, tool and session are top-level fields.",
  });

const chainFields = {
  v: z.literal(formatVersion).meta({ description: "Record format version." }),
  seq: z.int().min(1).meta({
    description: "1-based position in the chain; equals the line number in an intact log.",
  }),
  ts: z.iso.datetime({ offset: false, precision: 3 }).meta({
    description: "UTC time of the decision (or of the recovery), ISO 8601 with milliseconds.",
  }),
};

const linkFields = {
  prev: digest("The hash of the previous record, or the genesis value for the first record"),
  hash: digest(
    "SHA-256 over `prev` followed by the RFC 8785 canonical JSON of this record without `hash`",
  ),
};

/** The fields the writer caps (see `fieldLimits`), by their path in the record. */
export const cutFields = [
  "action.command",
  "action.path",
  "action.url",
  "target",
  "reason",
  "cwd",
  "session",
  "tool",
  "check",
  "rule",
] as const;
export type CutField = (typeof cutFields)[number];

const cutValue = z
  .strictObject({
    bytes: z.int().min(1).meta({ description: "UTF-8 size of the full value, in bytes." }),
    sha256: digest("SHA-256 of the full value as proposed, before redaction and cutting"),
  })
  .meta({ description: "A value the writer cut to its field's size limit." });

export const cutSchema = z
  .strictObject(
    Object.fromEntries(cutFields.map((f) => [f, cutValue.optional()])) as Record<
      CutField,
      z.ZodOptional<typeof cutValue>
    >,
  )
  .meta({
    description:
      "Present only when a value was longer than its field's limit: the field (by path) was cut to the limit, ending in `…[cut]`, and this gives the full value's size and SHA-256.",
  });

export const decisionRecordSchema = z
  .strictObject({
    ...chainFields,
    session: nonEmpty
      .nullable()
      .meta({ description: "The agent session id, or null when unknown." }),
    tool: nonEmpty.nullable().meta({
      description: "The agent tool that proposed the action (`Bash`, `Read`, …), or null.",
    }),
    agent: z.string().regex(agentPattern).optional().meta({
      description:
        "The agent whose hook proposed the action (`claude-code`, `codex`, `gemini-cli`, `cursor`, `copilot-cli`, `opencode`, …). Absent in records written before it existed, and when the caller did not say.",
    }),
    action: auditActionSchema,
    target: text.meta({
      description:
        "The full target: the absolute path for read/write/delete (resolved lexically against cwd), the command line or the URL otherwise; redacted.",
    }),
    cwd: nonEmpty.nullable().meta({ description: "The folder the action runs in, or null." }),
    tier: z.enum(tiers).meta({ description: "The permission tier in force." }),
    verdict: z.enum(verdicts).meta({ description: "approve, deny or escalate (asked the human)." }),
    check: nonEmpty.meta({
      description:
        "The pipeline stage that decided: `ignored-path`, `destructive`, `rule`, `tier`, …",
    }),
    cut: cutSchema.optional(),
    reason: text.meta({ description: "One sentence a person understands; redacted." }),
    rule: nonEmpty.nullable().meta({ description: "The id of the rule that decided, or null." }),
    policy: digest("SHA-256 of the policy file's bytes").nullable().meta({
      description: "SHA-256 of the policy file's bytes, or null for the built-in default.",
    }),
    us: z.int().min(0).meta({ description: "How long the decision took, in microseconds." }),
    ...linkFields,
  })
  .meta({ title: "Decision record", description: "One decision of the automode engine." });

export const recoverySchema = z
  .strictObject({
    file: nonEmpty.meta({
      description: "Name of the file, next to the log, that holds the discarded bytes.",
    }),
    offset: z
      .int()
      .min(0)
      .meta({ description: "Byte offset in the log where the discarded bytes began." }),
    bytes: z.int().min(1).meta({ description: "How many bytes were moved aside." }),
    sha256: digest("SHA-256 of the discarded bytes"),
    reason: nonEmpty.meta({
      description: "Why they were discarded (no trailing newline, not a record).",
    }),
  })
  .meta({ description: "What a writer moved aside before continuing the chain." });

export const recoveryRecordSchema = z
  .strictObject({
    ...chainFields,
    event: z.literal("recovery"),
    recovery: recoverySchema,
    ...linkFields,
  })
  .meta({
    title: "Recovery record",
    description:
      "Written by the next writer after a crash left a partial last line: the bytes are moved aside, never lost, and the chain continues from the last good record.",
  });

/** 16 hex digits: SHA-256 of the raw Ed25519 public key, cut. */
export const keyIdPattern = /^[0-9a-f]{16}$/;
/** An Ed25519 signature (64 bytes) in base64url without padding. */
export const signaturePattern = /^[A-Za-z0-9_-]{86}$/;

export const checkpointSchema = z
  .strictObject({
    at: z.int().min(0).meta({
      description:
        "The seq of the head this signs: the record before this one (`seq - 1`), unless the log had changed since the key last signed it: then the head the key last signed.",
    }),
    every: z.int().min(1).meta({
      description: "The writer writes a checkpoint at least every this many records.",
    }),
    head: digest("The hash of the record at `at`"),
    key: z.string().regex(keyIdPattern).meta({
      description: "Which key signed: 16 hex digits of SHA-256 of the raw Ed25519 public key.",
    }),
    sig: z.string().regex(signaturePattern).meta({
      description:
        'Ed25519 signature (base64url) over the RFC 8785 JSON of `{"purpose":"automode audit checkpoint v1","at","every","head","key"}`.',
    }),
  })
  .meta({ description: "A head of the chain, signed with the user's key." });

export const checkpointRecordSchema = z
  .strictObject({
    ...chainFields,
    event: z.literal("checkpoint"),
    checkpoint: checkpointSchema,
    ...linkFields,
  })
  .meta({
    title: "Checkpoint record",
    description:
      "Written by the writer at least every `every` records: the head before it, signed with the user's Ed25519 key, so a reviewer with the log and the public key detects a re-hashed chain.",
  });

export const auditRecordSchema = z
  .union([decisionRecordSchema, recoveryRecordSchema, checkpointRecordSchema])
  .meta({
    title: "automode audit record",
    description:
      "One line of an automode audit log (JSONL): a decision, a recovery after a crash, or a signed checkpoint. Records form a SHA-256 hash chain.",
  });

export type AuditAction = z.infer<typeof auditActionSchema>;
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;
export type Recovery = z.infer<typeof recoverySchema>;
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;
export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type Cut = z.infer<typeof cutSchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type CheckpointRecord = z.infer<typeof checkpointRecordSchema>;

/** A decision record before the writer gives it its place in the chain. */
export type DecisionEntry = Omit<DecisionRecord, "seq" | "prev" | "hash">;

export const decisionEntrySchema = decisionRecordSchema.omit({ seq: true, prev: true, hash: true });

export function isRecovery(record: AuditRecord): record is RecoveryRecord {
  return "event" in record && record.event === "recovery";
}

export function isCheckpoint(record: AuditRecord): record is CheckpointRecord {
  return "event" in record && record.event === "checkpoint";
}
