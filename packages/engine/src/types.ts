import type { OperationClass, PolicyAction, Tier, Verdict } from "@automode/policy";

export type { Tier, Verdict } from "@automode/policy";

/** An action an agent proposes (SPEC section 3); the same shape the policy's `tests` use. */
export type Action = PolicyAction;
export type ActionKind = Action["kind"];

/**
 * One thing a command (or a file action) does, with its own target. A shell command line is
 * analysed into a list of these; each gets a verdict.
 */
export type Operation =
  | { kind: "read"; path: string; recursive?: boolean; listing?: boolean; via?: string }
  | { kind: "write"; path: string; via?: string }
  | { kind: "delete"; path: string; recursive?: boolean; via?: string }
  | { kind: "execute"; command: SimpleCommand }
  | { kind: "network"; url: string; via?: string };

/** A simple command after wrappers are removed and the command word is normalised. */
export interface SimpleCommand {
  /** Normalised command word: path, quotes and backslashes stripped (`/usr/bin/git` → `git`). */
  name: string;
  /** Literal argument words, quotes removed, `~`/`$HOME`/`$PWD` expanded. */
  args: string[];
  /** The cwd this command runs in after `cd` tracking (absolute). */
  cwd: string;
  /** The source text of the simple command, for messages. */
  text: string;
  /** Wrappers removed to reach it, outermost first (`sudo`, `env`, `bash -c`, …). */
  wrappers: string[];
}

/** The name of the pipeline stage that decided: the `check` of decisions and audit records. */
export type Check =
  | "invalid-input"
  | "privilege"
  | "ignored-path"
  | "self-protection"
  | "credentials"
  | "system-path"
  | "destructive"
  | "remote-code"
  | "unparseable"
  | "dynamic"
  | "rule"
  | "tier"
  | "internal-error";

export interface OperationDecision {
  kind: Operation["kind"];
  /** The path, URL or command text the operation targets. */
  target: string;
  verdict: Verdict;
  check: Check;
  reason: string;
  rule?: string;
  /** The tier-matrix cell, when the tier stage decided. */
  class?: OperationClass;
}

export interface Decision {
  verdict: Verdict;
  /** One sentence a person understands. */
  reason: string;
  check: Check;
  rule?: string;
  tier: Tier;
  operations: OperationDecision[];
}
