export type JsonPath = Array<string | number>;

/** A problem in a policy file, with where it is. Lines and columns are 1-based. */
export interface Diagnostic {
  /** Stable code: `syntax`, `duplicate-key`, `unknown-key`, `invalid-value`, `invalid-type`, `missing-key`, `invalid`. */
  code: string;
  message: string;
  /** The JSON path of the offending value (or key). */
  path: JsonPath;
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `rules[2].verdict` style, for messages. */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "(root)" : out;
}
