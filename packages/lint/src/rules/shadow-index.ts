import type { Rule } from "@automode/policy";
import type { ResolvedPath, Scope } from "@automode/scope";
import { commandTokens, samplePath, wildcardToken } from "../samples.js";

/**
 * Which rules could cover which: `rule-shadowed` asks "does a stricter rule match everything
 * this one matches?" of every rule, and asking it of every pair is quadratic (a 20,000-rule
 * policy took minutes). A rule can only cover another through each field it gives, so each
 * rule is filed under keys that a covered rule's first value must reach: the first word of a
 * command pattern, a host or its `*.` parents, a tool name or its `prefix*` patterns, the
 * literal leading folders of an anchored path pattern. Candidates are a superset of the
 * covering rules (the exact check still decides), returned in policy order.
 */
export class ShadowIndex {
  readonly #commands = new FieldIndex();
  readonly #domains = new FieldIndex();
  readonly #tools = new FieldIndex();
  readonly #paths = new FieldIndex();
  /** Rules that give none of the four fields (only `operations`): they may cover any rule. */
  readonly #unfiled: number[] = [];
  readonly #scope: Scope | undefined;
  /** Every spelling of the project root the scope's matcher measures paths from. */
  readonly #roots: string[];

  /** `root` is the project root as given to the scope (`scope.root` is its real path). */
  constructor(rules: readonly Rule[], scope: Scope | undefined, root: string) {
    this.#scope = scope;
    this.#roots = scope === undefined ? [] : [...new Set([scope.root, root])];
    rules.forEach((rule, index) => {
      // A rule that gives a field covers only rules that give it too: filing it under its
      // first field is enough.
      if (rule.commands !== undefined) {
        this.#commands.add(index, rule.commands.map(commandKey));
      } else if (rule.domains !== undefined) {
        this.#domains.add(index, rule.domains.map(domainKey));
      } else if (rule.tools !== undefined) {
        this.#tools.add(index, rule.tools.map(toolKey));
      } else if (rule.paths !== undefined) {
        this.#paths.add(index, rule.paths.map(pathKey));
      } else {
        this.#unfiled.push(index);
      }
    });
  }

  /** Indexes (ascending) of every rule that may cover `rule`; the rule itself may be among them. */
  candidates(rule: Rule): number[] {
    const found: number[][] = [this.#unfiled];
    if (rule.commands !== undefined) {
      found.push(this.#commands.lookup(rule.commands, commandLookups));
    }
    if (rule.domains !== undefined) found.push(this.#domains.lookup(rule.domains, domainLookups));
    if (rule.tools !== undefined) found.push(this.#tools.lookup(rule.tools, toolLookups));
    if (rule.paths !== undefined) {
      // A negated pattern on either side never shows coverage: no path rule is a candidate.
      if (!rule.paths.some((p) => p.startsWith("!"))) {
        found.push(this.#paths.lookup(rule.paths, (p) => this.#pathLookups(p)));
      }
    }
    return mergeAscending(found);
  }

  /**
   * The folder prefixes of every spelling the scope's matcher tries for the first sample
   * path (as written and real, under each spelling of the root), lower-cased; undefined
   * when a spelling cannot be keyed safely (non-ASCII, outside the root, unresolvable).
   */
  #pathLookups(pattern: string): string[] | undefined {
    const scope = this.#scope;
    if (scope === undefined) return [];
    let resolved: ResolvedPath;
    try {
      resolved = scope.resolve(samplePath(pattern), scope.root);
    } catch {
      // Let the exact check meet the same error, in the same order, as it always did.
      return undefined;
    }
    const keys: string[] = [];
    for (const spelling of [resolved.absolute, resolved.real]) {
      for (const root of this.#roots) {
        const rel = relativeWithin(root, spelling);
        if (rel === undefined) continue;
        if (!plainAscii(rel)) return undefined;
        const segments = rel.toLowerCase().split("/");
        for (let n = 1; n <= segments.length; n++) keys.push(segments.slice(0, n).join("/"));
      }
    }
    return keys.length === 0 ? undefined : keys;
  }
}

/** Every rule filed under one field: by key, and in full for covered rules that cannot be keyed. */
class FieldIndex {
  readonly #byKey = new Map<string, number[]>();
  /** Rules with a value that has no key (a wildcard): candidates for every lookup. */
  readonly #always: number[] = [];
  readonly #all: number[] = [];

  add(index: number, keys: ReadonlyArray<string | undefined>): void {
    this.#all.push(index);
    if (keys.some((k) => k === undefined)) {
      this.#always.push(index);
      return;
    }
    for (const key of new Set(keys as string[])) {
      const list = this.#byKey.get(key);
      if (list === undefined) this.#byKey.set(key, [index]);
      else list.push(index);
    }
  }

  /**
   * Rules that may cover a list whose first value is `values[0]` (each must cover every
   * value, so the first is enough). An empty list, or a first value without lookups, reaches
   * every rule filed here.
   */
  lookup(
    values: readonly string[],
    lookups: (value: string) => readonly string[] | undefined,
  ): number[] {
    const first = values[0];
    const keys = first === undefined ? undefined : lookups(first);
    if (keys === undefined) return this.#all;
    const lists = [this.#always];
    for (const key of new Set(keys)) {
      const list = this.#byKey.get(key);
      if (list !== undefined) lists.push(list);
    }
    return mergeAscending(lists);
  }
}

/** A command pattern covers only commands with the same first word, unless that word is a wildcard. */
function commandKey(pattern: string): string | undefined {
  const first = commandTokens(pattern)[0] ?? "";
  return wildcardToken(first) ? undefined : first;
}

function commandLookups(pattern: string): string[] {
  return [commandTokens(pattern)[0] ?? ""];
}

const normDomain = (d: string) => d.toLowerCase().replace(/\.$/, "");

function domainKey(pattern: string): string {
  return normDomain(pattern);
}

/** The host itself and `*` before each of its dot-suffixes: the only patterns that cover it. */
function domainLookups(pattern: string): string[] {
  const host = normDomain(pattern);
  const keys = [host];
  for (let i = host.indexOf("."); i !== -1; i = host.indexOf(".", i + 1)) {
    keys.push(`*${host.slice(i)}`);
  }
  return keys;
}

/** All-star patterns cover every tool; any other pattern is filed as written. */
function toolKey(pattern: string): string | undefined {
  return /^\*+$/.test(pattern) ? undefined : pattern;
}

/** The name itself and each `prefix*` of it: the only other patterns that cover it. */
function toolLookups(pattern: string): string[] {
  const keys = [pattern];
  for (let n = 0; n <= pattern.length; n++) keys.push(`${pattern.slice(0, n)}*`);
  return keys;
}

/**
 * The literal leading folders of an anchored gitignore pattern, lower-cased: every path it
 * matches (or lies under a folder it matches) starts with them. Undefined (compare always)
 * for anything unusual: floating patterns, escapes, negations, comments, non-ASCII, `.`/`..`.
 */
export function pathKey(pattern: string): string | undefined {
  if (!plainAscii(pattern) || pattern.trim() !== pattern) return undefined;
  if (pattern.startsWith("!") || pattern.startsWith("#") || pattern.includes("\\"))
    return undefined;
  let body = pattern.endsWith("/") ? pattern.slice(0, -1) : pattern;
  if (!body.includes("/")) return undefined;
  if (body.startsWith("/")) body = body.slice(1);
  const literal: string[] = [];
  for (const segment of body.split("/")) {
    if (/[*?[\]]/.test(segment)) break;
    if (segment === "" || segment === "." || segment === "..") return undefined;
    literal.push(segment);
  }
  return literal.length === 0 ? undefined : literal.join("/").toLowerCase();
}

function plainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** `child` relative to `root` when strictly inside it (compared case-insensitively), else undefined. */
function relativeWithin(root: string, child: string): string | undefined {
  const base = root.endsWith("/") ? root : `${root}/`;
  if (child.length <= base.length) return undefined;
  if (child.slice(0, base.length).toLowerCase() !== base.toLowerCase()) return undefined;
  return child.slice(base.length);
}

/** Merges ascending index lists into one ascending list without repeats. */
function mergeAscending(lists: readonly (readonly number[])[]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0] as number[];
  const merged = nonEmpty.flat().sort((x, y) => x - y);
  return merged.filter((value, i) => i === 0 || merged[i - 1] !== value);
}
