import {
  applyEdits,
  type FormattingOptions,
  getNodeValue,
  modify,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";

/** `.claude/settings.json` cannot be merged into without risking the user's settings. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

export interface HookEntry {
  matcher: string;
  hooks: Array<{ type: "command"; command: string; timeout: number }>;
}

export function hookEntry(command: string): HookEntry {
  // Every tool goes through automode: an unmatched tool would bypass the policy. The timeout
  // (seconds) bounds a wedged hook; it is well above the audit log's 10 s lock timeout, so a
  // contended log ends in automode's own deny rather than in Claude Code killing the hook.
  return { matcher: "*", hooks: [{ type: "command", command, timeout: 30 }] };
}

/** A hook command that is automode's, whichever way it is spelled (npx, a path, global). */
export function isAutomodeHook(command: unknown): boolean {
  return (
    typeof command === "string" && /\bautomode(?:\.js)?["']?\s+hook\s+claude-code\b/.test(command)
  );
}

function formatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith("\t")) return { insertSpaces: false, tabSize: 1, eol: eolOf(text) };
  return { insertSpaces: true, tabSize: indent?.length ?? 2, eol: eolOf(text) };
}

const eolOf = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");

export interface MergeResult {
  text: string;
  changed: boolean;
  /** Why nothing changed, or what changed. */
  note: string;
}

/**
 * Registers the automode hook under `hooks.PreToolUse`, editing the text in place with
 * jsonc-parser so the user's comments, key order and indentation survive. Already registered
 * (in any spelling) → unchanged. Not JSON, or `hooks`/`PreToolUse` of the wrong type → an error,
 * never a rewrite.
 */
export function registerHook(original: string | undefined, command: string): MergeResult {
  const entry = hookEntry(command);
  if (original === undefined || original.trim() === "") {
    return {
      text: `${JSON.stringify({ hooks: { PreToolUse: [entry] } }, null, 2)}\n`,
      changed: true,
      note: "hook registered",
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(original, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    const where = first === undefined ? "" : ` at offset ${first.offset}`;
    const what = first === undefined ? "empty" : printParseErrorCode(first.error);
    throw new SettingsError(
      `.claude/settings.json is not valid JSON (${what}${where}); fix it and run init again`,
    );
  }
  const value: unknown = getNodeValue(root);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SettingsError(".claude/settings.json must hold a JSON object");
  }
  const options = { formattingOptions: formatting(original) };
  const hooks = (value as Record<string, unknown>).hooks;
  if (hooks === undefined) {
    const edits = modify(original, ["hooks"], { PreToolUse: [entry] }, options);
    return { text: applyEdits(original, edits), changed: true, note: "hook registered" };
  }
  if (typeof hooks !== "object" || hooks === null || Array.isArray(hooks)) {
    throw new SettingsError('"hooks" in .claude/settings.json is not an object');
  }
  const pre = (hooks as Record<string, unknown>).PreToolUse;
  if (pre === undefined) {
    const edits = modify(original, ["hooks", "PreToolUse"], [entry], options);
    return { text: applyEdits(original, edits), changed: true, note: "hook registered" };
  }
  if (!Array.isArray(pre)) {
    throw new SettingsError('"hooks.PreToolUse" in .claude/settings.json is not an array');
  }
  const present = pre.some(
    (group) =>
      typeof group === "object" &&
      group !== null &&
      Array.isArray((group as { hooks?: unknown }).hooks) &&
      (group as { hooks: unknown[] }).hooks.some(
        (hook) =>
          typeof hook === "object" &&
          hook !== null &&
          isAutomodeHook((hook as { command?: unknown }).command),
      ),
  );
  if (present) return { text: original, changed: false, note: "hook already registered" };
  const edits = modify(original, ["hooks", "PreToolUse", pre.length], entry, {
    ...options,
    isArrayInsertion: true,
  });
  return { text: applyEdits(original, edits), changed: true, note: "hook registered" };
}
