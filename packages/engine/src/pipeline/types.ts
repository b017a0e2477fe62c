import type { OperationClass, Rule } from "@automode/policy";
import type { PathInfoLike, ScopeLike } from "../ports.js";
import type { Action, Check, Operation, Tier, Verdict } from "../types.js";
import type { CompiledRule } from "./rules/compile.js";

/** Everything a stage may consult, built once per engine. */
export interface PipelineContext {
  scope: ScopeLike;
  tier: Tier;
  home: string;
  rules: CompiledRule[];
  /** Absolute paths of the policy file, the ignore file and the audit log. */
  protectedFiles: string[];
  /** Absolute paths of the credential stores, for "a folder that holds one" checks. */
  credentialStores: string[];
  /** Whether a path lies within (or is) a folder, with the scope's case sensitivity. */
  within(parent: string, child: string): boolean;
}

/** One operation with what the stages need to know about it, computed once. */
export interface Subject {
  op: Operation;
  action: Action;
  /** The classified path of a read, write or delete. */
  path?: PathInfoLike;
  /** The host of a network operation, lower-cased, no trailing dot. */
  host?: string;
  /** Why the target cannot be known (a `file://` URL on another host): escalated. */
  unknown?: string;
  /** Set when the operation itself is malformed (NUL byte, unresolvable path). */
  invalid?: string;
}

export interface StageResult {
  verdict: Verdict;
  reason: string;
  rule?: string;
  class?: OperationClass;
  /** When a stage reports under another check than its own (a credential store inside a folder). */
  check?: Check;
}

export interface StageMeta {
  /** The stage's own name, for traces; several stages may report under one check. */
  name: string;
  check: Check;
  /** The operation kinds the stage can decide; it is not consulted for the others. */
  kinds: ReadonlyArray<Operation["kind"]>;
  description: string;
  /** What it means when the stage lets an operation through, for explain traces. */
  pass: string;
}

/** One pipeline stage, ESLint-rule-like: metadata and a pure function. */
export interface Stage {
  meta: StageMeta;
  decide(subject: Subject, ctx: PipelineContext): StageResult | undefined;
}

export type { Rule };
