import { globToRegExp } from "./glob.js";

type TokenMatcher =
  | { kind: "any" }
  | { kind: "literal"; text: string }
  | { kind: "glob"; re: RegExp };

export interface CommandPattern {
  source: string;
  tokens: TokenMatcher[];
}

/**
 * `"npm run test"` matches `npm run test -- --watch` (token prefix); `*` inside a token globs
 * within that token; a lone `*` is exactly one token. Patterns are split on whitespace: the
 * policy author writes tokens, never shell syntax, so quotes in a pattern are literal.
 */
export function compileCommandPattern(pattern: string): CommandPattern {
  const tokens = pattern
    .trim()
    .split(/\s+/u)
    .filter((t) => t !== "")
    .map((t): TokenMatcher => {
      if (t === "*") return { kind: "any" };
      if (t.includes("*")) return { kind: "glob", re: globToRegExp(t) };
      return { kind: "literal", text: t };
    });
  return { source: pattern, tokens };
}

/** Matches the normalised command word and its literal arguments. */
export function matchesCommand(pattern: CommandPattern, words: readonly string[]): boolean {
  const { tokens } = pattern;
  // An empty pattern would match every command; the schema forbids it, and it fails closed here.
  if (tokens.length === 0 || tokens.length > words.length) return false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = words[i]!;
    if (
      token.kind === "literal" ? token.text !== word : token.kind === "glob" && !token.re.test(word)
    )
      return false;
  }
  return true;
}
