import { applyEdits, getNodeValue, modify, type ParseError, parseTree } from "jsonc-parser";
import type { AgentName } from "../agents/types.js";
import { SettingsError } from "./settings.js";

/**
 * Where and how each agent registers a hook command (its hooks document, as in the app
 * README). Each entry says the settings file, the JSON paths of the hook arrays automode joins,
 * and the entry it adds there.
 */
export interface AgentWiring {
  file: string;
  /** Top-level members the file must have when automode creates it. */
  base: Record<string, unknown>;
  arrays: ReadonlyArray<readonly string[]>;
  entry(command: string): unknown;
}

export const WIRING: Readonly<Record<Exclude<AgentName, "claude-code">, AgentWiring>> = {
  "gemini-cli": {
    file: ".gemini/settings.json",
    base: {},
    arrays: [["hooks", "BeforeTool"]],
    // Gemini's timeout is in milliseconds; the matcher is a regex over every tool name.
    entry: (command) => ({
      matcher: ".*",
      hooks: [{ type: "command", name: "automode", command, timeout: 30000 }],
    }),
  },
  codex: {
    file: ".codex/hooks.json",
    base: {},
    arrays: [["hooks", "PreToolUse"]],
    entry: (command) => ({ matcher: ".*", hooks: [{ type: "command", command, timeout: 30 }] }),
  },
  cursor: {
    file: ".cursor/hooks.json",
    base: { version: 1 },
    arrays: [
      ["hooks", "beforeShellExecution"],
      ["hooks", "beforeReadFile"],
      ["hooks", "beforeMCPExecution"],
    ],
    entry: (command) => ({ command }),
  },
  "copilot-cli": {
    file: ".github/hooks/automode.json",
    base: { version: 1 },
    arrays: [["hooks", "preToolUse"]],
    entry: (command) => ({ type: "command", bash: command, timeoutSec: 30 }),
  },
};

/** Whether a hook array already holds automode's hook for this agent (in any spelling). */
function holdsAutomode(value: unknown, agent: string): boolean {
  const pattern = new RegExp(`\\bautomode(?:\\.js)?["']?\\s+hook\\s+${agent}\\b`);
  const walk = (v: unknown): boolean =>
    typeof v === "string"
      ? pattern.test(v)
      : Array.isArray(v)
        ? v.some(walk)
        : v !== null && typeof v === "object" && Object.values(v).some(walk);
  return walk(value);
}

export interface AgentMerge {
  text: string;
  changed: boolean;
  note: string;
}

/**
 * Adds automode's hook to each hook array of the agent's settings, editing the text in place
 * (comments, order and indentation survive). An array that already holds it is left alone;
 * a file that is not JSON, or a member of the wrong type, is an error and never rewritten.
 */
export function registerAgentHook(
  agent: Exclude<AgentName, "claude-code">,
  original: string | undefined,
  command: string,
): AgentMerge {
  const wiring = WIRING[agent];
  let text =
    original === undefined || original.trim() === ""
      ? `${JSON.stringify(wiring.base, null, 2)}\n`
      : original;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || tree === undefined || tree.type !== "object") {
    throw new SettingsError(
      `${wiring.file} is not a JSON object; fix it or move it aside, then run init again`,
    );
  }
  const root = getNodeValue(tree) as Record<string, unknown>;
  const added: string[] = [];
  for (const path of wiring.arrays) {
    let at: unknown = root;
    for (const key of path)
      at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
    if (at !== undefined && !Array.isArray(at)) {
      throw new SettingsError(
        `${wiring.file}: ${path.join(".")} is not an array; fix it, then run init again`,
      );
    }
    if (holdsAutomode(at, agent)) continue;
    const parent = path.slice(0, -1);
    let container: unknown = root;
    for (const key of parent) container = (container as Record<string, unknown> | undefined)?.[key];
    if (
      container !== undefined &&
      (container === null || typeof container !== "object" || Array.isArray(container))
    ) {
      throw new SettingsError(
        `${wiring.file}: ${parent.join(".")} is not an object; fix it, then run init again`,
      );
    }
    const edits =
      at === undefined
        ? modify(text, [...path], [wiring.entry(command)], {
            formattingOptions: { insertSpaces: true, tabSize: 2 },
          })
        : modify(text, [...path, (at as unknown[]).length], wiring.entry(command), {
            isArrayInsertion: true,
            formattingOptions: { insertSpaces: true, tabSize: 2 },
          });
    text = applyEdits(text, edits);
    // Keep `root` in step for the next path under the same parent.
    const next = parseTree(text, [], { allowTrailingComma: true });
    if (next !== undefined) Object.assign(root, getNodeValue(next) as object);
    added.push(path.join("."));
  }
  for (const [key, value] of Object.entries(wiring.base)) {
    if (!(key in root))
      text = applyEdits(
        text,
        modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
      );
  }
  if (added.length === 0 && original !== undefined) {
    return { text: original, changed: false, note: "automode's hook is already registered" };
  }
  return { text, changed: true, note: `hook registered under ${added.join(", ")}: ${command}` };
}
