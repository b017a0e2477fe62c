import type { Suggestion } from "./model.js";

/** Characters JSON leaves raw that could hide or reorder text: written as `\uXXXX` escapes. */
const hidden =
  /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

/** JSON with no control, bidi or zero-width character left raw (still valid JSON). */
export function visibleJson(value: unknown): string {
  return JSON.stringify(value).replace(
    hidden,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A suggestion as ready-to-paste JSON: the rule for the policy's `rules`, and the test for its
 * `tests`. JSON.stringify escapes C0 controls; `visibleJson` the rest.
 */
export function suggestionJson(s: Suggestion): string {
  const parts = [`"rules": [${visibleJson(s.rule)}]`];
  if (s.test !== undefined) parts.push(`"tests": [${visibleJson(s.test)}]`);
  return parts.join(",\n");
}
