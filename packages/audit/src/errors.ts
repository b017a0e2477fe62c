/** Every failure of this package: the writer fails closed (throws) rather than write a bad record. */
export class AuditError extends Error {
  constructor(
    message: string,
    readonly code:
      | "invalid-entry"
      | "lock-timeout"
      | "lock-compromised"
      /** A symlink, hard link or non-regular file where the log, its folder or its lock should be. */
      | "unsafe-path"
      /** Signing or checkpoint files (the key in the user's config folder) unusable. */
      | "signing"
      | "io",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AuditError";
  }
}
