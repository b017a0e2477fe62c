import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, parseTier, UsageError } from "../args.js";
import { mergeClaudeignore } from "../init/claudeignore.js";
import { lineDiff } from "../init/diff.js";
import { registerHook, SettingsError } from "../init/settings.js";
import { HOOK_COMMAND_GLOBAL, hookCommandFor, STARTER_POLICY } from "../init/templates.js";
import type { Io } from "../io.js";

export const INIT_HELP = `Usage: automode init [--dir D] [--dry-run] [--hook-command C] [--permission-tier T]

Sets up automode in a project: writes .claude/policy.json (balanced, unless
--permission-tier says otherwise) and a .claudeignore covering credentials, and registers
the hook in .claude/settings.json under hooks.PreToolUse, merging into what is there.
Existing files are never overwritten; running it again changes nothing.

Options:
  --dir D             the project root (default: the current folder)
  --dry-run           print the changes instead of writing them
  --hook-command C    the hook command to register (default: the project's
                      node_modules/.bin/automode when installed, else "${HOOK_COMMAND_GLOBAL}")
  --permission-tier T the starter policy's tier: permissive | balanced | restrictive
`;

interface Change {
  file: string;
  before: string | undefined;
  after: string;
  note: string;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

export async function init(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    dir: { type: "string" },
    "dry-run": { type: "boolean" },
    "hook-command": { type: "string" },
    "permission-tier": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`init takes no arguments (got "${positionals[0]}")`);
  const tier = parseTier(values["permission-tier"]);
  const root = resolve(io.cwd, values.dir ?? ".");
  if (!existsSync(root)) throw new UsageError(`--dir ${root} does not exist`);

  const changes: Change[] = [];
  const kept: string[] = [];

  const policyPath = ".claude/policy.json";
  const policyBefore = read(join(root, policyPath));
  if (policyBefore === undefined) {
    const text =
      tier === undefined
        ? STARTER_POLICY
        : STARTER_POLICY.replace('"tier": "balanced"', `"tier": "${tier}"`);
    changes.push({
      file: policyPath,
      before: undefined,
      after: text,
      note: `${tier ?? "balanced"} tier, with $schema for editors`,
    });
  } else {
    kept.push(`${policyPath} (exists, left as it is)`);
  }

  const ignoreBefore = read(join(root, ".claudeignore"));
  const ignore = mergeClaudeignore(ignoreBefore);
  if (ignore.text !== ignoreBefore) {
    changes.push({
      file: ".claudeignore",
      before: ignoreBefore,
      after: ignore.text,
      note:
        ignoreBefore === undefined
          ? "covers credentials (.env, keys, secrets)"
          : `added ${ignore.added.length} credential patterns`,
    });
  } else {
    kept.push(".claudeignore (already covers credentials)");
  }

  const settingsPath = ".claude/settings.json";
  const settingsBefore = read(join(root, settingsPath));
  let merged: ReturnType<typeof registerHook>;
  try {
    merged = registerHook(settingsBefore, values["hook-command"] ?? hookCommandFor(root));
  } catch (error) {
    if (error instanceof SettingsError) {
      io.err(`automode init: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (merged.changed) {
    changes.push({
      file: settingsPath,
      before: settingsBefore,
      after: merged.text,
      note: settingsBefore === undefined ? "PreToolUse hook registered" : merged.note,
    });
  } else {
    kept.push(`${settingsPath} (${merged.note})`);
  }

  if (values["dry-run"]) {
    for (const change of changes) io.out(lineDiff(change.file, change.before, change.after));
    for (const line of kept) io.out(`unchanged ${line}\n`);
    io.out(changes.length === 0 ? "nothing to do\n" : "dry run: nothing written\n");
    return 0;
  }
  for (const change of changes) {
    const path = join(root, change.file);
    mkdirSync(resolve(path, ".."), { recursive: true });
    writeFileSync(path, change.after);
    io.out(
      `${change.before === undefined ? "created" : "updated"} ${change.file}: ${change.note}\n`,
    );
  }
  for (const line of kept) io.out(`unchanged ${line}\n`);
  if (changes.length > 0) {
    io.out("automode is set up: Claude Code now asks automode before every tool call.\n");
  }
  return 0;
}
