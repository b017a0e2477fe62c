export { defaultPolicy, defaultPolicyText } from "./default.js";
export { type Diagnostic, formatPath, type JsonPath } from "./diagnostic.js";
export { policyJsonSchema, policySchemaId } from "./json-schema.js";
export { type ParseOptions, type ParseResult, parsePolicy } from "./parse.js";
export { LineMap } from "./positions.js";
export {
  type ActionKind,
  actionKinds,
  actionSchema,
  type Policy,
  type PolicyAction,
  type PolicyInput,
  type PolicyTest,
  policySchema,
  policyTestSchema,
  type Rule,
  ruleMatcherKeys,
  ruleSchema,
  type Tier,
  tierSchema,
  tiers,
  type Verdict,
  verdictSchema,
  verdicts,
} from "./schema.js";
export { closest } from "./suggest.js";
export {
  defaultTier,
  mostSevere,
  type OperationClass,
  operationClasses,
  tierPresets,
} from "./tiers.js";
