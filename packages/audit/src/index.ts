export { capEntry, cutMarker, fieldLimits } from "./caps.js";
export { AuditError } from "./errors.js";
export { type FormatOptions, formatSummary } from "./format.js";
export {
  canonicalJson,
  genesis,
  genesisSeed,
  lineHash,
  policyDigest,
  recordHash,
  recordLine,
  sha256,
} from "./hash.js";
export { auditRecordJsonSchema, auditRecordSchemaId } from "./json-schema.js";
export { defaultLockOptions, type LockOptions } from "./lock.js";
export {
  type AuditedAction,
  type AuditedDecision,
  type DecisionContext,
  recordFromDecision,
  redactEntry,
} from "./record.js";
export { redact, redactedMarker, redactionPatterns } from "./redact.js";
export {
  type AuditAction,
  type AuditRecord,
  auditActionSchema,
  auditRecordSchema,
  type Checkpoint,
  type CheckpointRecord,
  type Cut,
  type CutField,
  checkpointRecordSchema,
  checkpointSchema,
  cutFields,
  cutSchema,
  type DecisionEntry,
  type DecisionRecord,
  decisionEntrySchema,
  decisionRecordSchema,
  digestPattern,
  formatVersion,
  isCheckpoint,
  isRecovery,
  type Recovery,
  type RecoveryRecord,
  recoveryRecordSchema,
  recoverySchema,
} from "./schema.js";
export {
  checkpointFolder,
  configDirectory,
  defaultCheckpointEvery,
  type KeptHead,
  keptHeadPath,
  keyIdOf,
  loadKeyPair,
  parsePublicKey,
  privateKeyFile,
  publicKeyFile,
  publicKeyText,
  readKeptHead,
  type SigningOptions,
} from "./signing.js";
export {
  type AuditSummary,
  SummaryCounter,
  type SummaryOptions,
  summarize,
  type TargetCount,
} from "./summary.js";
export {
  type RecoveryReport,
  type SignatureReport,
  type VerifyOptions,
  type VerifyResult,
  verifyLog,
} from "./verify.js";
export {
  type AppendOptions,
  type AppendResult,
  AuditWriter,
  appendDecision,
  logPath,
} from "./writer.js";
