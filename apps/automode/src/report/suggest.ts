import { isAbsolute, relative, resolve } from "node:path";
import { cutMarker, type DecisionRecord, redactedMarker } from "@automode/audit";
import type { OperationTrace } from "@automode/engine";
import type { PolicyAction, Rule } from "@automode/policy";
import type { Explain } from "./explain.js";
import { hostOf } from "./findings.js";
import type { Suggestion, SuggestResult, Unsuggested } from "./model.js";

export interface SuggestOptions {
  /** The project root: path rules are written relative to it. */
  root: string;
  /** How many escalations make a group worth a rule. Default 2. */
  minCount?: number;
  /** The most commands or paths one suggested rule names. Default 10. */
  maxPatterns?: number;
  /** Rule ids the policy already has: a suggestion never reuses one (`rule-duplicate-id`). */
  taken?: readonly string[];
}

/**
 * What one escalated operation needs to be approved: a command pattern, a domain, a path for
 * one operation kind, or a tool name. `group` is what escalations are grouped by.
 */
type Need =
  | { kind: "command"; group: string; pattern: string }
  | { kind: "domain"; group: string; host: string }
  | { kind: "path"; group: string; op: "read" | "write" | "delete"; pattern: string; rel: string }
  | { kind: "tool"; group: string; tool: string };

type Refusal = { refused: string; why: string };

/** A command pattern token is a literal only without whitespace and `*` (compileCommandPattern). */
const literalToken = (word: string) => word !== "" && !/[\s*]/u.test(word);

/** gitignore syntax: these characters are special, escaped with a backslash. */
const escapeGitignore = (path: string) => path.replace(/[\\*?[\]!#]/g, "\\$&").replace(/ $/, "\\ ");

const glob = /[*?[\]]/;

function operationNeed(o: OperationTrace, record: DecisionRecord, root: string): Need | Refusal {
  const op = o.operation;
  const cls = o.decision.class;
  if (op.kind === "network") {
    const host = hostOf(op.url);
    if (host === undefined || glob.test(host))
      return { refused: op.url, why: "the URL names no host a domain rule can match" };
    return { kind: "domain", group: `domain ${host}`, host };
  }
  if (op.kind === "execute") {
    // A network command that names a URL (`curl https://…`) is matched by a domain rule: the
    // rule reaches the command's host too, so its need is the domain's.
    const host = o.facts.find((f) => f.startsWith("host "))?.slice(5);
    if (host !== undefined && !glob.test(host))
      return { kind: "domain", group: `domain ${host}`, host };
    if (cls === "global-config")
      return {
        refused: op.command.text,
        why: "global configuration is asked in every tier on purpose: a person decides it",
      };
    const words = [op.command.name, ...op.command.args];
    if (words.some((w) => w.includes(redactedMarker) || w.includes(cutMarker)))
      return {
        refused: op.command.text,
        why: "the log holds the command redacted or cut, not as it ran: a rule from it would match nothing",
      };
    if (!words.every(literalToken))
      return {
        refused: op.command.text,
        why: "a word of the command has a space or a *, which a command pattern cannot name literally",
      };
    const sub = op.command.args.find((a) => !a.startsWith("-"));
    const first = op.command.args[0];
    const prefix =
      first !== undefined && first === sub ? `${op.command.name} ${sub}` : op.command.name;
    return { kind: "command", group: `command ${prefix}`, pattern: words.join(" ") };
  }
  if (cls === "read-outside" || cls === "write-outside" || o.facts.includes("outside the project"))
    return {
      refused: "path" in op ? op.path : record.target,
      why: "outside the project no path rule applies (additionalDirectories would take in a whole folder: decide that by hand)",
    };
  const absolute = resolve(op.cwd, op.path);
  const rel = relative(root, absolute);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel))
    return { refused: op.path, why: "the path is not inside the project root" };
  const folder = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : ".";
  return {
    kind: "path",
    group: `${op.kind} ${folder}/`,
    op: op.kind,
    pattern: `/${escapeGitignore(rel)}`,
    rel,
  };
}

/** What a record needs, or why no rule should approve it. */
function needsOf(record: DecisionRecord, explain: Explain, root: string): Need[] | Refusal {
  if (record.check === "unknown-tool") {
    const tool = record.tool ?? "";
    if (tool === "" || glob.test(tool))
      return { refused: record.target, why: "the tool name cannot be written literally" };
    return [{ kind: "tool", group: `tool ${tool}`, tool }];
  }
  if (record.check !== "tier") return { refused: record.target, why: `decided by ${record.check}` };
  const trace = explain(record);
  if (trace === undefined) return { refused: record.target, why: "the engine cannot re-run it" };
  if (trace.decision.verdict === "approve") return [];
  const flagged = trace.operations.filter((o) => o.decision.verdict !== "approve");
  const hard = flagged.find((o) => o.decision.check !== "tier");
  if (hard !== undefined)
    return {
      refused: record.target,
      why: `decided by ${hard.decision.check} (one of its operations)`,
    };
  const needs: Need[] = [];
  for (const o of flagged) {
    const need = operationNeed(o, record, root);
    if ("refused" in need) return need;
    if (!needs.some((n) => n.group === need.group && JSON.stringify(n) === JSON.stringify(need)))
      needs.push(need);
  }
  const groups = new Set(needs.map((n) => n.group));
  if (groups.size > 1)
    return {
      refused: record.target,
      why: `one command line would need ${groups.size} rules (${[...groups].join("; ")})`,
    };
  return needs;
}

interface Group {
  key: string;
  needs: Need[];
  entries: Array<{ record: DecisionRecord; needs: Need[] }>;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");

/** Distinct values, most frequent first (ties in first-seen order). */
function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/** The patterns a need is approved by (a command, a path, a domain, a tool). */
function patternOf(need: Need): string {
  switch (need.kind) {
    case "command":
    case "path":
      return need.pattern;
    case "domain":
      return need.host;
    case "tool":
      return need.tool;
  }
}

/**
 * A policy test from one record the rule covers whole (each of its needs is named by the
 * rule), preferring one run from the project root: a test has no cwd.
 */
function testAction(
  group: Group,
  named: ReadonlySet<string>,
  root: string,
): PolicyAction | undefined {
  const covered = group.entries.filter((e) => e.needs.every((n) => named.has(patternOf(n))));
  const entry = covered.find((e) => e.record.cwd === root) ?? covered[0];
  const need = entry?.needs[0];
  if (entry === undefined || need === undefined || need.kind === "tool") return undefined;
  if (need.kind === "path") return { kind: need.op, path: need.rel };
  const action = entry.record.action;
  if (action.kind === "execute") return { kind: "execute", command: action.command };
  if (action.kind === "network") return { kind: "network", url: action.url };
  return undefined;
}

function ruleOf(group: Group, id: string, max: number): { rule: Rule; note?: string } {
  const first = group.needs[0]!;
  const cap = (all: string[], what: string) => {
    const kept = all.slice(0, max);
    const left = all.length - kept.length;
    return {
      kept,
      ...(left > 0
        ? { note: `${left} more ${what} of this group left out: a rule should name what it means` }
        : {}),
    };
  };
  switch (first.kind) {
    case "command": {
      const { kept, note } = cap(
        byFrequency(group.needs.map((n) => (n.kind === "command" ? n.pattern : ""))),
        "commands",
      );
      return { rule: { id, verdict: "approve", commands: kept }, ...(note ? { note } : {}) };
    }
    case "domain":
      return { rule: { id, verdict: "approve", domains: [first.host] } };
    case "tool":
      return { rule: { id, verdict: "approve", tools: [first.tool] } };
    case "path": {
      const { kept, note } = cap(
        byFrequency(group.needs.map((n) => (n.kind === "path" ? n.pattern : ""))),
        "paths",
      );
      return {
        rule: { id, verdict: "approve", operations: [first.op], paths: kept },
        ...(note ? { note } : {}),
      };
    }
  }
}

/**
 * Groups repeated escalations and proposes, for each group, the narrowest rule that would
 * have approved it. Only escalations the tier made (or unknown tools) are candidates: a hard
 * limit (deny, destructive, remote code, dynamic, unparseable, ignored paths, self-protection,
 * credentials, system paths, privilege) or an escalate rule is never loosened by a suggestion.
 */
export function suggestRules(
  records: readonly DecisionRecord[],
  explain: Explain,
  options: SuggestOptions,
): SuggestResult {
  const min = options.minCount ?? 2;
  const max = options.maxPatterns ?? 10;
  const groups = new Map<string, Group>();
  const refused = new Map<string, Unsuggested>();
  for (const record of records) {
    if (record.verdict !== "escalate") continue;
    const needs = needsOf(record, explain, options.root);
    if (!Array.isArray(needs)) {
      // Hard limits are the point of the tool, not a nuisance: they are not listed as refusals.
      if (needs.why.startsWith("decided by")) continue;
      const r = refused.get(needs.why) ?? { what: needs.refused, count: 0, why: needs.why };
      r.count += 1;
      refused.set(needs.why, r);
      continue;
    }
    const key = needs[0]?.group;
    if (key === undefined) continue;
    const group = groups.get(key) ?? { key, needs: [], entries: [] };
    group.needs.push(...needs);
    group.entries.push({ record, needs });
    groups.set(key, group);
  }
  const ids = new Set<string>(options.taken ?? []);
  const suggestions: Suggestion[] = [];
  const ordered = [...groups.values()]
    .filter((g) => g.entries.length >= min)
    .sort((a, b) => b.entries.length - a.entries.length || (a.key < b.key ? -1 : 1));
  for (const group of ordered) {
    let id = `suggested-${slug(group.key)}`;
    for (let n = 2; ids.has(id); n++) id = `suggested-${slug(group.key)}-${n}`;
    ids.add(id);
    const { rule, note } = ruleOf(group, id, max);
    const named = new Set([
      ...(rule.commands ?? []),
      ...(rule.paths ?? []),
      ...(rule.domains ?? []),
      ...(rule.tools ?? []),
    ]);
    const action = testAction(group, named, options.root);
    const example = group.entries[0]!.record;
    suggestions.push({
      rule,
      ...(action === undefined ? {} : { test: { action, expect: "approve", tier: example.tier } }),
      count: group.entries.length,
      seqs: group.entries.map((e) => e.record.seq),
      example: example.target,
      ...(note === undefined ? {} : { note }),
    });
  }
  return { suggestions, unsuggested: [...refused.values()].sort((a, b) => b.count - a.count) };
}
