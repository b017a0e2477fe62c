/** Why a path could not be resolved. Stable codes, so callers can branch without parsing text. */
export type ScopeErrorCode =
  | "nul-byte"
  | "empty-path"
  | "relative-cwd"
  | "not-a-string"
  | "symlink-loop"
  | "invalid-option"
  /** An `additionalDirectories` entry the SPEC refuses (`/`, home, system folder, …). */
  | "invalid-directory";

/**
 * Thrown for input automode must not guess about. The message is one line a person can act
 * on; the engine turns it into a deny of check `invalid-input` (fail closed).
 */
export class ScopeError extends Error {
  override readonly name = "ScopeError";
  readonly code: ScopeErrorCode;

  constructor(code: ScopeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
