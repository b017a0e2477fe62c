import type { Rule } from "@automode/policy";
import type { PathMatcherLike, ScopeLike } from "../../ports.js";
import type { Subject } from "../types.js";
import { type CommandPattern, compileCommandPattern, matchesCommand } from "./commands.js";
import { compileDomainPattern, type DomainPattern, matchesDomain } from "./domains.js";
import { compileToolPattern, matchesTool, type ToolPattern } from "./tools.js";

/** A policy rule with its matchers built once, at engine creation. */
export interface CompiledRule {
  id: string;
  verdict: Rule["verdict"];
  rule: Rule;
  operations?: ReadonlySet<string>;
  paths?: PathMatcherLike;
  commands?: CommandPattern[];
  domains?: DomainPattern[];
  tools?: ToolPattern[];
}

export function compileRules(rules: readonly Rule[], scope: ScopeLike): CompiledRule[] {
  return rules.map((rule, index) => {
    const compiled: CompiledRule = {
      // The schema requires an id; the index keeps a hand-built policy nameable anyway.
      id: rule.id || `#${index}`,
      verdict: rule.verdict,
      rule,
    };
    if (rule.operations) compiled.operations = new Set(rule.operations);
    if (rule.paths) compiled.paths = scope.matcher(rule.paths);
    if (rule.commands) compiled.commands = rule.commands.map(compileCommandPattern);
    if (rule.domains) compiled.domains = rule.domains.map(compileDomainPattern);
    if (rule.tools) compiled.tools = rule.tools.map(compileToolPattern);
    return compiled;
  });
}

/**
 * AND across the fields a rule gives, OR within each list. A field that cannot apply to the
 * operation (`commands` on a file read, `paths` on a command) does not match it: a rule never
 * reaches further than what it names.
 */
export function ruleMatches(rule: CompiledRule, subject: Subject): boolean {
  const op = subject.op;
  if (rule.operations && !rule.operations.has(op.kind)) return false;
  // `tools` rules decide only calls to tools automode has no model of (toolRuleMatches); an
  // operation is modelled by definition, whatever tool the action names.
  if (rule.tools) return false;
  if (rule.paths) {
    const path = subject.path;
    if (path === undefined || !rule.paths.matches(path)) return false;
  }
  if (rule.commands) {
    if (op.kind !== "execute") return false;
    const words = [op.command.name, ...op.command.args];
    if (!rule.commands.some((c) => matchesCommand(c, words))) return false;
  }
  if (rule.domains) {
    const host = subject.host;
    if (host === undefined || !rule.domains.some((d) => matchesDomain(d, host))) return false;
  }
  return true;
}

/**
 * Whether a rule decides a call to a tool automode has no model of: it gives `tools`, one of
 * them matches the name, and it gives no matcher a tool call lacks (an operation kind, a path,
 * a command, a domain), so it never reaches further than what it names.
 */
export function toolRuleMatches(rule: CompiledRule, tool: string): boolean {
  if (!rule.tools || rule.operations || rule.paths || rule.commands || rule.domains) return false;
  return rule.tools.some((t) => matchesTool(t, tool));
}
