import {
  applyEdits,
  type FormattingOptions,
  getNodeValue,
  modify,
  type Node,
  type ParseError,
  type ParseErrorCode,
  parseTree,
} from "jsonc-parser";

/** `.claude/settings.json` cannot be merged into without risking the user's settings. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

export interface CommandHook {
  type: "command";
  command: string;
  timeout: number;
}

/** Claude Code's `http` hook: the call POSTed to `url`, headers filled from `allowedEnvVars`. */
export interface HttpHook {
  type: "http";
  url: string;
  headers: Record<string, string>;
  allowedEnvVars: string[];
  timeout: number;
  /** Claude Code 2.1.295+: a hook that cannot answer blocks the call instead of letting it run. */
  onFailure: "block";
}

export interface HookEntry {
  matcher: string;
  hooks: Array<CommandHook | HttpHook>;
}

export function hookEntry(command: string): HookEntry {
  // Every tool goes through automode: an unmatched tool would bypass the policy. The timeout
  // (seconds) bounds a wedged hook; it is well above the audit log's 10 s lock timeout, so a
  // contended log ends in automode's own deny rather than in Claude Code killing the hook.
  return { matcher: "*", hooks: [{ type: "command", command, timeout: 30 }] };
}

/**
 * The `http` hook `init --serve` writes: `automode serve` on loopback, the token from
 * `$AUTOMODE_TOKEN` and the project from `$CLAUDE_PROJECT_DIR` (empty when Claude Code's
 * environment has none: the server then finds the project from the call's cwd).
 */
export function httpHookEntry(port: number): HookEntry {
  return {
    matcher: "*",
    hooks: [
      {
        type: "http",
        url: `http://127.0.0.1:${port}/v1/hooks/claude-code`,
        headers: {
          Authorization: "Bearer $AUTOMODE_TOKEN",
          "X-Automode-Project-Dir": "$CLAUDE_PROJECT_DIR",
        },
        allowedEnvVars: ["AUTOMODE_TOKEN", "CLAUDE_PROJECT_DIR"],
        timeout: 30,
        onFailure: "block",
      },
    ],
  };
}

/** A URL that is `automode serve`'s hook route on loopback. */
export function isAutomodeUrl(url: unknown): boolean {
  return (
    typeof url === "string" &&
    /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/v1\/hooks\/claude-code$/.test(url)
  );
}

/** One entry of a group's `hooks` that is automode's: its command hook or its http hook. */
function isAutomodeEntry(hook: unknown): boolean {
  if (typeof hook !== "object" || hook === null) return false;
  const { command, type, url } = hook as { command?: unknown; type?: unknown; url?: unknown };
  return type === "http" ? isAutomodeUrl(url) : isAutomodeHook(command);
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
export function registerHook(
  original: string | undefined,
  command: string,
  entry: HookEntry = hookEntry(command),
): MergeResult {
  if (original?.startsWith("\uFEFF")) {
    // jsonc-parser's edits do not expect a byte order mark; keep it, edit what follows.
    const result = registerHook(original.slice(1), command, entry);
    return { ...result, text: `\uFEFF${result.text}` };
  }
  if (original === undefined || original.trim() === "") {
    return {
      text: `${JSON.stringify({ hooks: { PreToolUse: [entry] } }, null, 2)}\n`,
      changed: true,
      note: "hook registered",
    };
  }
  const { value } = parseSettings(original);
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
      (group as { hooks: unknown[] }).hooks.some(isAutomodeEntry),
  );
  if (present) return { text: original, changed: false, note: "hook already registered" };
  const edits = modify(original, ["hooks", "PreToolUse", pre.length], entry, {
    ...options,
    isArrayInsertion: true,
  });
  return { text: applyEdits(original, edits), changed: true, note: "hook registered" };
}

/** The plain words for jsonc-parser's error codes, as a person reads them. */
const syntaxWords: Record<number, string> = {
  1: "unexpected text here: property names and strings need double quotes",
  2: "a number is not written correctly",
  3: "a property name in double quotes was expected",
  4: "a value was expected",
  5: "a colon was expected",
  6: "a comma was expected",
  7: "a closing } was expected",
  8: "a closing ] was expected",
  9: "there is more after the end of the JSON value",
  10: "a comment is not written correctly",
  11: "a comment is not closed",
  12: "a string is not closed",
  13: "a number ends too early",
  14: "a \\u escape needs four hex digits",
  15: "an escape sequence in a string is not valid",
  16: "a control character in a string must be escaped",
};

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Parses Claude Code's settings (JSON with comments). A syntax error is one sentence with the
 * file's line and column, a BOM is skipped, and anything but an object is refused.
 */
export function parseSettings(
  original: string,
  file = ".claude/settings.json",
): { root: Node; value: Record<string, unknown> } {
  const text = original.replace(/^\uFEFF/, "");
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first !== undefined) {
    const { line, column } = position(text, first.offset);
    const what = syntaxWords[first.error as ParseErrorCode] ?? "the JSON is not valid here";
    throw new SettingsError(
      `${file}:${line}:${column}: not valid JSON: ${what}; fix it and run again`,
    );
  }
  if (root === undefined) throw new SettingsError(`${file} is empty; it must hold a JSON object`);
  const value: unknown = getNodeValue(root);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SettingsError(`${file} must hold a JSON object`);
  }
  return { root, value: value as Record<string, unknown> };
}

export interface RegisteredHook {
  /** The group's matcher as written; undefined when it has none. */
  matcher: unknown;
  /** The command, or for an http hook its URL. */
  command: string;
  kind: "command" | "http";
}

/** Every automode hook command under `hooks.PreToolUse`, with its group's matcher. */
export function registeredHooks(value: Record<string, unknown>): RegisteredHook[] {
  const hooks = value.hooks;
  if (typeof hooks !== "object" || hooks === null) return [];
  const pre = (hooks as Record<string, unknown>).PreToolUse;
  if (!Array.isArray(pre)) return [];
  const found: RegisteredHook[] = [];
  for (const group of pre) {
    if (typeof group !== "object" || group === null) continue;
    const { matcher, hooks: list } = group as { matcher?: unknown; hooks?: unknown };
    if (!Array.isArray(list)) continue;
    for (const hook of list) {
      const { command, type, url } = (hook ?? {}) as {
        command?: unknown;
        type?: unknown;
        url?: unknown;
      };
      if (type === "http") {
        if (isAutomodeUrl(url)) found.push({ matcher, command: url as string, kind: "http" });
      } else if (typeof command === "string" && isAutomodeHook(command)) {
        found.push({ matcher, command, kind: "command" });
      }
    }
  }
  return found;
}

/** Claude Code runs a group for every tool when its matcher is absent, empty or `*`. */
export function coversEveryTool(matcher: unknown): boolean {
  return matcher === undefined || matcher === "" || matcher === "*" || matcher === ".*";
}

/** The automode hooks already registered in a settings text (none without a text). */
export function automodeHooks(original: string | undefined): RegisteredHook[] {
  if (original === undefined || original.trim() === "") return [];
  return registeredHooks(parseSettings(original).value);
}
