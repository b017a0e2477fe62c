import type { Check } from "../../types.js";
import type { Stage } from "../types.js";
import { credentials } from "./credentials.js";
import { deletedContents } from "./deleted-contents.js";
import { destructive, dynamic, remoteCode, unparseable } from "./hazards.js";
import { hiddenContents } from "./hidden-contents.js";
import { ignoredPath } from "./ignored-path.js";
import { invalidInput } from "./invalid-input.js";
import { privilege } from "./privilege.js";
import { selfProtection } from "./self-protection.js";
import { systemPath } from "./system-path.js";
import { unknownTarget } from "./unknown-target.js";

export { ruleStage } from "./rule.js";
export { tierStage } from "./tier.js";

/** Stages 0–3 of SPEC section 5, in order: each denies, and nothing after them can loosen it. */
export const denyingLimits: readonly Stage[] = [
  invalidInput,
  privilege,
  ignoredPath,
  selfProtection,
  credentials,
  systemPath,
  deletedContents,
];

/** Stage 4 (and the recursive-read limit): each escalates; only a deny rule can go further. */
export const escalatingLimits: readonly Stage[] = [
  unknownTarget,
  hiddenContents,
  destructive,
  remoteCode,
  unparseable,
  dynamic,
];

/**
 * The checks of the hard limits (stages 1–4): what no rule and no tier can loosen. Tools that
 * judge rules against the engine (the linter's rule-hard-limit) read it from here.
 */
export const hardLimitChecks: ReadonlySet<Check> = new Set(
  [...denyingLimits, ...escalatingLimits]
    .map((stage) => stage.meta.check)
    .filter((check) => check !== "invalid-input"),
);
