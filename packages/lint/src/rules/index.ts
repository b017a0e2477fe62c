import type { RuleModule } from "../rule.js";
import { additionalDirectoryMissing } from "./additional-directory-missing.js";
import { auditPathWritable } from "./audit-path-writable.js";
import { ignoreDuplicatePattern } from "./ignore-duplicate-pattern.js";
import { ignoreFileCoverage } from "./ignore-file-coverage.js";
import { ignoreFileMissing } from "./ignore-file-missing.js";
import { ignoreNegationUnreachable } from "./ignore-negation-unreachable.js";
import { ignoreTrailingBackslash } from "./ignore-trailing-backslash.js";
import { ignoreTrailingSpace } from "./ignore-trailing-space.js";
import { permissiveSharedRepo } from "./permissive-shared-repo.js";
import { policySchemaRule } from "./policy-schema.js";
import { policySyntax } from "./policy-syntax.js";
import { policyTests } from "./policy-tests.js";
import { ruleDuplicateId } from "./rule-duplicate-id.js";
import { ruleHardLimit } from "./rule-hard-limit.js";
import { ruleShadowed } from "./rule-shadowed.js";
import { ruleTooBroad } from "./rule-too-broad.js";
import { reachRules } from "./tool-and-domain-rules.js";

/** Every built-in rule, in the order they run (and appear in SARIF's `tool.driver.rules`). */
export const rules: readonly RuleModule[] = [
  policySyntax,
  policySchemaRule,
  ignoreFileMissing,
  ignoreFileCoverage,
  ignoreNegationUnreachable,
  ignoreTrailingSpace,
  ignoreTrailingBackslash,
  ignoreDuplicatePattern,
  auditPathWritable,
  additionalDirectoryMissing,
  permissiveSharedRepo,
  ruleDuplicateId,
  ruleTooBroad,
  ...reachRules,
  ruleHardLimit,
  ruleShadowed,
  policyTests,
];
