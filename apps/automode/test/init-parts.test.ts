import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mergeGitignore } from "../src/init/gitignore.js";
import { onPath, resolveHookCommand, shellQuote } from "../src/init/hook-command.js";
import { hookAnswer } from "../src/init/probe.js";
import { parseSettings, registerHook, SettingsError } from "../src/init/settings.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding an executable `automode` (a shell script: only its existence matters). */
function binDir(...parts: string[]): string {
  const base = mkdtempSync(join(tmpdir(), "automode-parts-"));
  made.push(base);
  const dir = join(base, ...parts);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "automode"), "#!/bin/sh\n");
  chmodSync(join(dir, "automode"), 0o755);
  return dir;
}

describe("resolveHookCommand", () => {
  const project = binDir("project");

  it("takes the automode on PATH by its absolute path, quoted for the shell when needed", () => {
    const dir = binDir("with space");
    const resolved = resolveHookCommand(project, { PATH: `/nonexistent:${dir}` });
    expect(resolved).toEqual({
      ok: true,
      command: `'${dir}/automode' hook claude-code`,
      how: "PATH",
    });
  });

  it("skips a file on PATH that is not executable, and relative PATH entries", () => {
    const dir = binDir("plain");
    chmodSync(join(dir, "automode"), 0o644);
    expect(onPath("automode", { PATH: `${dir}:.:bin` })).toBeUndefined();
  });

  it("refuses automode found only in npx's or pnpm dlx's cache", () => {
    for (const cache of [
      ["_npx", "4a1b", "node_modules", ".bin"],
      ["dlx", "x", "node_modules", ".bin"],
    ]) {
      const resolved = resolveHookCommand(project, { PATH: binDir(...cache) });
      expect(resolved.ok).toBe(false);
      if (!resolved.ok) expect(resolved.problem).toMatch(/temporary cache/);
    }
  });

  it("prefers the project's own install", () => {
    const root = join(binDir("p2"), "..");
    mkdirSync(join(root, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(root, "node_modules", ".bin", "automode"), "");
    expect(resolveHookCommand(root, { PATH: "" })).toMatchObject({
      ok: true,
      command: '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/automode hook claude-code',
    });
  });

  it("says what to do when there is none", () => {
    const resolved = resolveHookCommand(project, { PATH: "/nonexistent" });
    expect(resolved.ok).toBe(false);
  });

  it("quotes only what needs it", () => {
    expect(shellQuote("/usr/local/bin/automode")).toBe("/usr/local/bin/automode");
    expect(shellQuote("/Users/o'neil/bin/automode")).toBe("'/Users/o'\\''neil/bin/automode'");
  });
});

describe("hookAnswer", () => {
  const answer = (out: object) => JSON.stringify({ hookSpecificOutput: out });
  const good = {
    hookEventName: "PreToolUse",
    permissionDecision: "ask",
    permissionDecisionReason: "why",
  };

  it("accepts exactly the PreToolUse answer", () => {
    expect(hookAnswer(`${answer(good)}\n`)).toEqual({ decision: "ask", reason: "why" });
  });

  it.each([
    ["empty output", ""],
    ["another decision", answer({ ...good, permissionDecision: "approve" })],
    ["another event", answer({ ...good, hookEventName: "PostToolUse" })],
    ["a missing reason", answer({ hookEventName: "PreToolUse", permissionDecision: "allow" })],
    ["an extra key", answer({ ...good, updatedInput: {} })],
    ["two answers", `${answer(good)}\n${answer(good)}`],
    ["an array", "[]"],
  ])("rejects %s", (_, stdout) => {
    expect(hookAnswer(stdout)).toBeUndefined();
  });
});

describe("parseSettings", () => {
  it.each([
    ["{\n  broken", "2:3", "unexpected text here"],
    ['{ "a" 1 }', "1:7", "a colon was expected"],
    ['{ "a": 1 "b": 2 }', "1:10", "a comma was expected"],
    ['{ "a": [1, 2 }', "1:14", "a comma was expected"],
    ['{ "a": "x', "1:8", "a string is not closed"],
  ])("reports %j at line and column in plain words", (text, where, words) => {
    expect(() => parseSettings(text)).toThrow(SettingsError);
    try {
      parseSettings(text);
    } catch (error) {
      expect((error as Error).message).toMatch(
        new RegExp(`^\\.claude/settings\\.json:${where}: not valid JSON: ${words}`),
      );
    }
  });

  it("skips a byte order mark, and keeps it when merging", () => {
    expect(parseSettings('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
    const merged = registerHook('\uFEFF{"model": "opus"}\n', "automode hook claude-code");
    expect(merged.text.startsWith("\uFEFF{")).toBe(true);
    expect(parseSettings(merged.text).value).toHaveProperty("hooks.PreToolUse");
  });
});

describe("mergeGitignore", () => {
  it("adds the log, its lock and moved-aside tails under a comment", () => {
    const merged = mergeGitignore("node_modules/\n", ".claude/audit.jsonl");
    expect(merged.changed).toBe(true);
    expect(merged.text).toBe(
      "node_modules/\n\n# automode's audit log (written by the hook on every tool call)\n/.claude/audit.jsonl*\n",
    );
    expect(mergeGitignore(merged.text, ".claude/audit.jsonl").changed).toBe(false);
  });

  it("leaves a file that ignores the log already, by any pattern", () => {
    for (const text of ["*.jsonl\n", ".claude/\n", "/.claude/audit.jsonl\n"]) {
      expect(mergeGitignore(text, ".claude/audit.jsonl")).toEqual({ text, changed: false });
    }
  });

  it("takes gitignore's special characters in the path literally", () => {
    const merged = mergeGitignore(undefined, "logs/[x]/audit#1.jsonl");
    expect(merged.text).toContain("/logs/\\[x\\]/audit\\#1.jsonl*");
    expect(mergeGitignore(merged.text, "logs/[x]/audit#1.jsonl").changed).toBe(false);
  });

  it("keeps CRLF line ends", () => {
    expect(mergeGitignore("dist/\r\n", "a.jsonl").text).toBe(
      "dist/\r\n\r\n# automode's audit log (written by the hook on every tool call)\r\n/a.jsonl*\r\n",
    );
  });
});
