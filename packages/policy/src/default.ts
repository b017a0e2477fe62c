import { type Policy, policySchema } from "./schema.js";

/** The text of the built-in policy: what a project without `.claude/policy.json` is decided under. */
export const defaultPolicyText = '{ "version": 1 }\n';

/**
 * The built-in policy when a project has no policy file (SPEC section 2): tier balanced,
 * `.claudeignore` (or the baseline list), audit to `.claude/audit.jsonl`, no rules. The one
 * definition the engine, the linter and the app share; a fresh object on every call, so no
 * caller can change another's.
 */
export function defaultPolicy(): Policy {
  return policySchema.parse({ version: 1 });
}
