/**
 * What stands in for `.claudeignore` when a project folder has none (SPEC section 5): the
 * usual homes of secrets. Every decision it makes says so (see `PathInfo.note`).
 */
export const baselineIgnore: readonly string[] = [
  ".env",
  ".env.*",
  "*.pem",
  "*.key",
  "id_rsa*",
  "credentials/",
  "secrets/",
];

/** The note a decision made by the baseline carries, for the folder that lacks the file. */
export function baselineNote(folderLabel: string | undefined): string {
  return folderLabel === undefined
    ? "built-in baseline: the project has no .claudeignore"
    : `built-in baseline: ${folderLabel} has no .claudeignore`;
}
