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
  | ReadOperation
  | { kind: "write"; path: string; cwd: string; via?: string }
  | { kind: "delete"; path: string; cwd: string; recursive?: boolean; via?: string }
  | ExecuteOperation
  | { kind: "network"; url: string; via?: string };

export interface ReadOperation {
  kind: "read";
  /** As written (after `~`/`$HOME`/`$PWD` expansion), resolved against `cwd` by the pipeline. */
  path: string;
  cwd: string;
  /** Reads the contents of everything under a folder (`grep -r`, `cp -r`, `tar`, Grep). */
  recursive?: boolean;
  /** Lists names only (Glob, `ls`). */
  listing?: boolean;
  /**
   * An argument that may name a path, of a command whose operands automode does not model:
   * only the hard limits (ignored path, credentials) apply to it, never the tier.
   */
  incidental?: boolean;
  /**
   * A sample name a file-name glob aims at (Glob's `pattern`, Grep's `glob`): held to the hard
   * limits like an incidental argument, reported as what the pattern reaches.
   */
  reach?: boolean;
  /** The command (or tool) that performs it, for reasons: `cat`, `grep -r`, `<` redirect. */
  via?: string;
}

/** The class of an executed command, which picks its tier-matrix row. */
export type CommandClass =
  | "read-only"
  | "development"
  | "package-install"
  | "network"
  | "global-config"
  | "unknown";

/** Something about a command that a hard limit (SPEC section 5, stages 1 and 4) acts on. */
export interface Hazard {
  check: "privilege" | "destructive" | "remote-code" | "unparseable" | "dynamic";
  /** One sentence: "git reset --hard discards uncommitted changes". */
  reason: string;
}

export interface ExecuteOperation {
  kind: "execute";
  command: SimpleCommand;
  class: CommandClass;
  /** Why it has that class: "git status is read-only". */
  reason: string;
  hazards: Hazard[];
}

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
  | "internal-error"
  /** A Claude Code bookkeeping tool (TodoWrite, Task, …): touches nothing, approved in every tier. */
  | "bookkeeping"
  /** A tool automode has no model of (MCP tools, …) that no rule decides: a person decides. */
  | "unknown-tool";

export interface OperationDecision {
  /** `tool` for a call to a tool that maps to no action (decided by `decideTool`). */
  kind: Operation["kind"] | "tool";
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
