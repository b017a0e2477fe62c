import { isAbsolute, join } from "node:path";
import { actionSchema, mostSevere, type Policy } from "@automode/policy";
import { credentialStores } from "@automode/scope";
import { safeText } from "./explain/safe-text.js";
import { compileRules } from "./pipeline/rules/compile.js";
import { decideOperation, type TraceStep } from "./pipeline/run.js";
import {
  MAX_PATTERN,
  messageOf,
  operationsOf,
  type ReadScope,
  subjectOf,
} from "./pipeline/subjects.js";
import { decideToolCall } from "./pipeline/tools/decide.js";
import type { PipelineContext } from "./pipeline/types.js";
import { makeWithin } from "./pipeline/within.js";
import type { Analyzer, ScopeLike } from "./ports.js";
import type { Action, Check, Decision, Operation, OperationDecision, Tier } from "./types.js";

export interface Engine {
  readonly tier: Tier;
  readonly policy: Policy;
  readonly projectRoot: string;
  /** Synchronous and total: any failure inside is a deny with check `internal-error`. */
  decide(action: Action, options?: DecideOptions): Decision;
  /** The decision with every operation and every stage consulted. */
  explain(action: Action, options?: DecideOptions): Trace;
  /**
   * A call to a tool that maps to no action (an MCP tool, TodoWrite, Task): bookkeeping tools
   * are approved, `tools` rules decide the others, and what no rule decides is escalated.
   * Total like `decide`.
   */
  decideTool(tool: string): Decision;
}

export interface DecideOptions {
  /** For a read action: `listing` (Glob) or `recursive` (Grep); default one file. */
  read?: ReadScope;
  /**
   * For a read action: a file-name glob relative to its path (the Glob tool's `pattern`, the
   * Grep tool's `glob`). The read is judged where the pattern reaches: the folder its literal
   * segments name, and the sample names it aims at, held to the hard limits.
   */
  pattern?: string;
}

export interface OperationTrace {
  operation: Operation;
  /** Facts the stages used: the resolved path, inside or not, the command's class. */
  facts: string[];
  steps: TraceStep[];
  decision: OperationDecision;
}

export interface Trace {
  action: unknown;
  tier: Tier;
  /** The action-level input check. */
  input: TraceStep;
  operations: OperationTrace[];
  decision: Decision;
}

export interface CoreOptions {
  scope: ScopeLike;
  analyze: Analyzer;
  policy: Policy;
  tier: Tier;
  home: string;
  protectedFiles: string[];
}

const inputStep = (why: string, ok: boolean): TraceStep => ({
  stage: "invalid-input",
  check: "invalid-input",
  result: ok ? "pass" : "deny",
  why: safeText(why),
});

/** The engine over an already built scope and analyser: everything after creation is pure. */
export function buildEngine(options: CoreOptions): Engine {
  const { scope, analyze, policy, tier } = options;
  const ctx: PipelineContext = {
    scope,
    tier,
    home: options.home,
    rules: compileRules(policy.rules, scope),
    protectedFiles: options.protectedFiles,
    credentialStores: credentialStores.map((n) => join(options.home, n)),
    within: makeWithin(scope.caseSensitive),
  };

  const deny = (check: Check, reason: string): Decision => ({
    verdict: "deny",
    reason: safeText(reason),
    check,
    tier,
    operations: [],
  });

  /** The action-level stage 0; undefined when the action is well formed. */
  function invalidReason(action: unknown): string | undefined {
    const parsed = actionSchema.safeParse(action);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
      return `The action is malformed${where}: ${issue?.message ?? "invalid"}.`;
    }
    const a = parsed.data;
    for (const value of Object.values(a)) {
      if (typeof value === "string" && value.includes("\0")) {
        return "The action is malformed: it holds a NUL byte.";
      }
    }
    if (a.cwd !== undefined && !isAbsolute(a.cwd)) {
      return `The action is malformed: its cwd ${JSON.stringify(a.cwd)} is not absolute.`;
    }
    return undefined;
  }

  function run(
    action: Action,
    read: ReadScope,
    pattern: string | undefined,
    traces: OperationTrace[] | undefined,
  ): Decision {
    const cwd = action.cwd ?? scope.root;
    const operations = operationsOf(action, cwd, analyze, read, pattern);
    if (operations.length === 0) {
      return {
        verdict: "escalate",
        reason: "automode found nothing it can check in this command, so it asks.",
        check: "unparseable",
        tier,
        operations: [],
      };
    }
    const decided: OperationDecision[] = [];
    let worst: OperationDecision | undefined;
    for (const op of operations) {
      const subject = subjectOf(op, action, ctx);
      const steps: TraceStep[] | undefined = traces ? [] : undefined;
      const decision = decideOperation(subject, ctx, steps);
      decided.push(decision);
      if (traces && steps) {
        // Facts quote paths and commands: escaped like every reason (explain --json shows them).
        traces.push({ operation: op, facts: factsOf(subject, ctx).map(safeText), steps, decision });
      }
      // The first most-severe operation names the check, reason and rule; among equally severe
      // ones, a hard limit names it before a rule or the tier (`curl -o a.sh URL; sh a.sh` in
      // balanced asks about the remote code, not about curl using the network).
      if (
        worst === undefined ||
        mostSevere(worst.verdict, decision.verdict) !== worst.verdict ||
        (decision.verdict === worst.verdict && byTable(worst) && !byTable(decision))
      ) {
        worst = decision;
      }
    }
    const top = worst!;
    const result: Decision = {
      verdict: top.verdict,
      reason: top.reason,
      check: top.check,
      tier,
      operations: decided,
    };
    if (top.rule !== undefined) result.rule = top.rule;
    return result;
  }

  function guarded(
    action: Action,
    options: DecideOptions | undefined,
    traces: OperationTrace[] | undefined,
  ): [Decision, TraceStep] {
    try {
      const invalid = invalidReason(action);
      if (invalid !== undefined) return [deny("invalid-input", invalid), inputStep(invalid, false)];
      const read = options?.read ?? "file";
      if (read !== "file" && read !== "listing" && read !== "recursive") {
        const why = `The read scope ${JSON.stringify(read)} is not file, listing or recursive.`;
        return [deny("invalid-input", why), inputStep(why, false)];
      }
      const pattern = options?.pattern;
      if (pattern !== undefined) {
        const bad =
          typeof pattern !== "string" || pattern === "" || pattern.length > MAX_PATTERN
            ? "is not a non-empty string of at most 4096 characters"
            : pattern.includes("\0")
              ? "holds a NUL byte"
              : action.kind !== "read"
                ? `applies to reads, not to a ${action.kind}`
                : undefined;
        if (bad !== undefined) {
          const why = `The name pattern ${bad}.`;
          return [deny("invalid-input", why), inputStep(why, false)];
        }
      }
      return [run(action, read, pattern, traces), inputStep("a well-formed action", true)];
    } catch (error) {
      const reason = `automode failed while deciding (${messageOf(error)}), so it denies the action.`;
      return [deny("internal-error", reason), inputStep("a well-formed action", true)];
    }
  }

  function decideTool(tool: string): Decision {
    try {
      return decideToolCall(tool, ctx);
    } catch (error) {
      return deny(
        "internal-error",
        `automode failed while deciding (${messageOf(error)}), so it denies the call.`,
      );
    }
  }

  return {
    tier,
    policy,
    projectRoot: scope.root,
    decide: (action, options) => guarded(action, options, undefined)[0],
    decideTool,
    explain(action, options) {
      const operations: OperationTrace[] = [];
      const [decision, input] = guarded(action, options, operations);
      return { action, tier, input, operations, decision };
    },
  };
}

function factsOf(subject: ReturnType<typeof subjectOf>, ctx: PipelineContext): string[] {
  const facts: string[] = [];
  const op = subject.op;
  if (subject.path) {
    const p = subject.path;
    facts.push(`path ${p.absolute}${p.real !== p.absolute ? ` → ${p.real}` : ""}`);
    facts.push(p.inside ? "inside the project" : "outside the project");
    facts.push(
      p.exists ? (p.isDirectory ? "an existing folder" : "an existing file") : "does not exist yet",
    );
  }
  if (op.kind === "read" || op.kind === "write" || op.kind === "delete") {
    if (op.cwd !== ctx.scope.root) facts.push(`cwd ${op.cwd}`);
  }
  if (op.kind === "execute") {
    facts.push(`class ${op.class}: ${op.reason}`);
    if (op.command.wrappers.length > 0) facts.push(`wrappers ${op.command.wrappers.join(" → ")}`);
    if (op.command.cwd !== ctx.scope.root) facts.push(`cwd ${op.command.cwd}`);
    for (const h of op.hazards) facts.push(`hazard ${h.check}: ${h.reason}`);
  }
  if (subject.host !== undefined) facts.push(`host ${subject.host}`);
  return facts;
}

/** Decided by a policy rule or the tier matrix, the stages after the hard limits. */
function byTable(decision: OperationDecision): boolean {
  return decision.check === "rule" || decision.check === "tier";
}
