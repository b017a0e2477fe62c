import ignore, { type Ignore } from "ignore";
import { foldBracketMembers } from "./gitignore/casefold.js";
import type { IgnoreRules } from "./gitignore/rules.js";

/**
 * What one ignore file's positive patterns can match, known before any entry is seen, so the
 * walk under `containsIgnored` asks the full (and costly) question only of entries some
 * pattern might match. An over-approximation: `mayMatch` false means no positive pattern of
 * the file matches the path; true means "ask the rules".
 */
export class PrunePlan {
  /** Patterns matched on the basename (`name`, `*.key`, `**\/name`): one engine for them all. */
  private readonly names: Ignore | undefined;
  private readonly nameAnswers = new Map<string, boolean>();
  /** The literal starts of the other positive patterns (anchored), folded when ignoring case. */
  private readonly prefixes: string[];
  readonly hasPositive: boolean;

  constructor(private readonly rules: IgnoreRules) {
    const floating: string[] = [];
    const prefixes: string[] = [];
    for (const pattern of rules.patterns) {
      if (pattern.negative) continue;
      if (!pattern.anchored || isBasenamePattern(pattern.text)) floating.push(pattern.text);
      else prefixes.push(this.fold(pattern.literalPrefix));
    }
    this.hasPositive = floating.length > 0 || prefixes.length > 0;
    this.prefixes = prefixes;
    this.names =
      floating.length === 0
        ? undefined
        : ignore({ ignorecase: rules.ignoreCase }).add(
            floating.map((t) => (rules.ignoreCase ? foldBracketMembers(t) : t)),
          );
  }

  /**
   * `below` is the path below the file's folder, `name` its last segment; both ASCII (the
   * caller asks the rules directly for any other name: byte strings and Unicode spellings).
   */
  mayMatch(below: string, name: string, isDirectory: boolean): boolean {
    if (this.names !== undefined && this.nameMatches(name, isDirectory)) return true;
    if (this.prefixes.length === 0) return false;
    const path = this.fold(below);
    for (const prefix of this.prefixes) {
      if (path.startsWith(prefix) || prefix.startsWith(path)) return true;
    }
    return false;
  }

  private nameMatches(name: string, isDirectory: boolean): boolean {
    const key = isDirectory ? `${name}/` : name;
    const known = this.nameAnswers.get(key);
    if (known !== undefined) return known;
    let answer: boolean;
    try {
      answer = (this.names as Ignore).ignores(key);
    } catch {
      // `ignore` refuses some names (`..`-like): let the rules decide.
      answer = true;
    }
    if (this.nameAnswers.size >= 100_000) this.nameAnswers.clear();
    this.nameAnswers.set(key, answer);
    return answer;
  }

  private fold(text: string): string {
    return this.rules.ignoreCase ? text.toLowerCase() : text;
  }
}

/** `**\/name` (or `**\/name/`): matches what `name` matches, at any depth. */
function isBasenamePattern(text: string): boolean {
  if (!text.startsWith("**/")) return false;
  const rest = text.endsWith("/") ? text.slice(3, -1) : text.slice(3);
  return rest !== "" && !rest.includes("/") && !rest.includes("**");
}

const plans = new WeakMap<IgnoreRules, PrunePlan>();

/** The plan of a rules file, built once per file. */
export function planOf(rules: IgnoreRules): PrunePlan {
  let plan = plans.get(rules);
  if (plan === undefined) {
    plan = new PrunePlan(rules);
    plans.set(rules, plan);
  }
  return plan;
}
