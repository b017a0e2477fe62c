import type { RuleModule } from "../rule.js";
import { domainPublicSuffix } from "./domain-public-suffix.js";
import { ruleEveryTool } from "./rule-every-tool.js";
import { ruleModelledTool } from "./rule-modelled-tool.js";
import { ruleSelfProtectedWrite } from "./rule-self-protected-write.js";
import { ruleToolsMixed } from "./rule-tools-mixed.js";

/** Rules about what a policy rule can reach: modelled tools, every tool, tools mixed with other matchers, public suffixes, self-protection. */
export const reachRules: readonly RuleModule[] = [
  ruleModelledTool,
  ruleEveryTool,
  ruleToolsMixed,
  domainPublicSuffix,
  ruleSelfProtectedWrite,
];
