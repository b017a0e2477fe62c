/** Every failure of this package: the writer fails closed (throws) rather than write a bad record. */
export class AuditError extends Error {
  constructor(
    message: string,
    readonly code: "invalid-entry" | "lock-timeout" | "lock-compromised" | "io",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AuditError";
  }
}
