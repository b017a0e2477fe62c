import { safeText } from "../explain/safe-text.js";
import type { OperationDecision, Verdict } from "../types.js";
import { period, showPath, targetOf } from "./describe.js";
import { denyingLimits, escalatingLimits, ruleStage, tierStage } from "./stages/index.js";
import { ruleResult, strongestRule } from "./stages/rule.js";
import type { PipelineContext, Stage, StageResult, Subject } from "./types.js";

/** One consulted stage in an explain trace. */
export interface TraceStep {
  /** The stage's name (`hidden-contents`); `check` is what it reports under. */
  stage: string;
  check: string;
  result: Verdict | "pass";
  why: string;
  rule?: string;
}

function settle(
  subject: Subject,
  stage: Stage,
  result: StageResult,
  steps: TraceStep[] | undefined,
): OperationDecision {
  const check = result.check ?? stage.meta.check;
  // Paths and commands in reasons are the agent's choice: shown to a person only escaped.
  const reason = safeText(result.reason);
  if (steps) {
    const step: TraceStep = {
      stage: stage.meta.name,
      check,
      result: result.verdict,
      why: reason,
    };
    if (result.rule !== undefined) step.rule = result.rule;
    steps.push(step);
  }
  const decision: OperationDecision = {
    kind: subject.op.kind,
    target: safeText(targetOf(subject)),
    verdict: result.verdict,
    check,
    reason,
  };
  if (result.rule !== undefined) decision.rule = result.rule;
  if (result.class !== undefined) decision.class = result.class;
  return decision;
}

function passed(stage: Stage, steps: TraceStep[] | undefined, why = stage.meta.pass): void {
  steps?.push({ stage: stage.meta.name, check: stage.meta.check, result: "pass", why });
}

type Kind = Subject["op"]["kind"];
const kinds: readonly Kind[] = ["read", "write", "delete", "execute", "network"];

/** Each limit list filtered once per operation kind, instead of testing every stage per call. */
function byKind(stages: readonly Stage[]): Record<Kind, readonly Stage[]> {
  const out = Object.create(null) as Record<Kind, readonly Stage[]>;
  for (const kind of kinds) out[kind] = stages.filter((s) => s.meta.kinds.includes(kind));
  return out;
}
const denyingByKind = byKind(denyingLimits);
const escalatingByKind = byKind(escalatingLimits);

/**
 * Decides one operation: the first stage that decides wins (SPEC section 5). Two choices the
 * spec leaves open, both in the stricter direction: an escalation by a stage-4 limit can still
 * be made a deny by a deny rule (a user's deny is never softened by a hazard), and an
 * `incidental` path argument is held to the hard limits and to deny/escalate rules only.
 */
export function decideOperation(
  subject: Subject,
  ctx: PipelineContext,
  steps?: TraceStep[],
): OperationDecision {
  for (const stage of denyingByKind[subject.op.kind]) {
    const result = stage.decide(subject, ctx);
    if (result) return settle(subject, stage, result, steps);
    passed(stage, steps);
  }

  let held: { stage: Stage; result: StageResult } | undefined;
  for (const stage of escalatingByKind[subject.op.kind]) {
    const result = stage.decide(subject, ctx);
    if (result) {
      held = { stage, result };
      break;
    }
    passed(stage, steps);
  }

  const rule = strongestRule(ctx.rules, subject);
  if (held) {
    if (rule?.verdict === "deny") {
      steps?.push({
        stage: held.stage.meta.name,
        check: held.result.check ?? held.stage.meta.check,
        result: "escalate",
        why: safeText(held.result.reason),
      });
      return settle(subject, ruleStage, ruleResult(rule, subject, ctx), steps);
    }
    return settle(subject, held.stage, held.result, steps);
  }

  const op = subject.op;
  if (op.kind === "read" && op.incidental) {
    if (rule && rule.verdict !== "approve") {
      return settle(subject, ruleStage, ruleResult(rule, subject, ctx), steps);
    }
    return settle(
      subject,
      tierStage,
      {
        verdict: "approve",
        reason: period(
          `${op.via ?? "a command"}'s argument ${subject.path ? showPath(subject.path.absolute, ctx) : op.path} passes the hard limits, the only checks for an argument automode does not model`,
        ),
      },
      steps,
    );
  }

  if (rule) return settle(subject, ruleStage, ruleResult(rule, subject, ctx), steps);
  passed(ruleStage, steps);
  // The tier stage always decides.
  const result = tierStage.decide(subject, ctx) ?? {
    verdict: "escalate",
    reason: "No tier cell applies, so automode asks.",
  };
  return settle(subject, tierStage, result, steps);
}
