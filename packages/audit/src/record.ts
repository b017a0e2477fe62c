import { isAbsolute, resolve } from "node:path";
import type { PolicyAction, Tier, Verdict } from "@automode/policy";
import { redact } from "./redact.js";
import { type AuditAction, agentPattern, type DecisionEntry, formatVersion } from "./schema.js";

/** An action as the engine takes it (`Action` of `@automode/engine` is this type). */
export type AuditedAction = PolicyAction;

/**
 * The part of the engine's `Decision` the log records. Structural, so this package needs
 * neither the engine's runtime (tree-sitter) nor its build; a test proves the engine's
 * `Decision` fits.
 */
export interface AuditedDecision {
  verdict: Verdict;
  reason: string;
  check: string;
  rule?: string | undefined;
  tier: Tier;
}

/** What the caller knows about a decision besides the Action and the Decision. */
export interface DecisionContext {
  /** Falls back to the action's own `session`, then null. */
  session?: string | null;
  /** Falls back to the action's own `tool`, then null. */
  tool?: string | null;
  /** Falls back to the action's own `cwd`, then null. */
  cwd?: string | null;
  /** `sha256:` of the policy file's bytes (see `policyDigest`), or null for the built-in default. */
  policy?: string | null;
  /** How long the decision took, in microseconds (rounded; negative becomes 0). */
  us: number;
  /** When the decision was made; defaults to now. */
  ts?: Date;
  /** The agent whose hook proposed the action (`claude-code`, `codex`, …); omitted when unknown. */
  agent?: string;
}

/** Lone UTF-16 surrogates cannot be canonicalised (RFC 8785, I-JSON); they become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, "\uFFFD");
}

function auditAction(action: AuditedAction): AuditAction {
  switch (action.kind) {
    case "read":
    case "write":
      return { kind: action.kind, path: wellFormed(action.path) };
    case "delete":
      return action.recursive === undefined
        ? { kind: "delete", path: wellFormed(action.path) }
        : { kind: "delete", path: wellFormed(action.path), recursive: action.recursive };
    case "execute":
      return { kind: "execute", command: wellFormed(action.command) };
    default:
      return { kind: "network", url: wellFormed(action.url) };
  }
}

/**
 * The full target: a file action's path made absolute against cwd (lexically: the log
 * records what was asked, the engine's verdict already judged symlinks), else the command
 * or URL.
 */
function targetOf(action: AuditAction, cwd: string | null): string {
  if (action.kind === "execute") return action.command;
  if (action.kind === "network") return action.url;
  if (cwd !== null && isAbsolute(cwd) && !isAbsolute(action.path)) return resolve(cwd, action.path);
  return action.path;
}

function orNull(...values: Array<string | null | undefined>): string | null {
  for (const v of values) if (v !== undefined) return v === null || v === "" ? null : wellFormed(v);
  return null;
}

/**
 * Builds the entry the writer appends for one decision. Redaction happens in the writer,
 * right before hashing, so that no path to the file skips it.
 */
export function recordFromDecision(
  action: AuditedAction,
  decision: AuditedDecision,
  context: DecisionContext,
): DecisionEntry {
  const cwd = orNull(context.cwd, action.cwd);
  const recorded = auditAction(action);
  return {
    v: formatVersion,
    ts: (context.ts ?? new Date()).toISOString(),
    session: orNull(context.session, action.session),
    tool: orNull(context.tool, action.tool),
    ...(context.agent !== undefined && agentPattern.test(context.agent)
      ? { agent: context.agent }
      : {}),
    action: recorded,
    target: targetOf(recorded, cwd),
    cwd,
    tier: decision.tier,
    verdict: decision.verdict,
    check: decision.check,
    reason: wellFormed(decision.reason),
    rule: orNull(decision.rule),
    policy: context.policy ?? null,
    us: Number.isFinite(context.us) ? Math.max(0, Math.round(context.us)) : 0,
  };
}

/** Redacts every free-text field of an entry (idempotent). */
export function redactEntry(entry: DecisionEntry): DecisionEntry {
  const a = entry.action;
  const action: AuditAction =
    a.kind === "execute"
      ? { ...a, command: redact(a.command) }
      : a.kind === "network"
        ? { ...a, url: redact(a.url) }
        : { ...a, path: redact(a.path) };
  return { ...entry, action, target: redact(entry.target), reason: redact(entry.reason) };
}
