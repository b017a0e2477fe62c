import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { policySchemaId } from "@automode/policy";
import { parse } from "jsonc-parser";
import { afterAll, describe, expect, it } from "vitest";
import {
  appRoot,
  cleanup,
  installInto,
  pathWithAutomode,
  pathWithoutAutomode,
  type RunOptions,
  cli as run,
  tempDir,
} from "./cli.js";

afterAll(cleanup);

/** automode on PATH, as after a global install, unless a test says otherwise. */
const PATH = pathWithAutomode();
const globalBin = join(PATH.split(":")[0]!, "automode");
const cli = (args: readonly string[], options: RunOptions = {}) =>
  run(args, { ...options, env: { PATH, ...options.env } });

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("automode init", () => {
  it("sets up an empty folder", () => {
    const dir = tempDir();
    const init = cli(["init"], { cwd: dir });
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/created \.claude\/policy\.json/);
    expect(init.stdout).toMatch(/checked the hook: it answered "allow"/);
    expect(read(dir, ".gitignore")).toMatch(/^\/\.claude\/audit\.jsonl\*$/m);
    const policy = parse(read(dir, ".claude/policy.json")) as Record<string, unknown>;
    expect(policy).toMatchObject({ $schema: policySchemaId, version: 1, tier: "balanced" });
    // The agent's bookkeeping tools are the engine's business, not a starter rule's.
    expect(JSON.stringify(policy.rules)).not.toMatch(/"tools"/);
    expect(read(dir, ".claudeignore")).toMatch(/^\.env$/m);
    expect(JSON.parse(read(dir, ".claude/settings.json"))).toEqual({
      hooks: {
        PreToolUse: [
          {
            matcher: "*",
            hooks: [{ type: "command", command: `${globalBin} hook claude-code`, timeout: 30 }],
          },
        ],
      },
    });
    // The starter policy lints clean.
    const lint = cli(["lint"], { cwd: dir });
    expect(lint.stdout + lint.stderr).not.toMatch(/error/i);
    expect(lint.status).toBe(0);
  });

  it("merges into an existing .claude/settings.json, keeping comments and hooks", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".claude"));
    const before = `{
  // team settings
  "permissions": { "allow": ["Bash(npm test)"] },
  "hooks": {
    "PostToolUse": [{ "matcher": "Edit", "hooks": [{ "type": "command", "command": "prettier --write" }] }]
  }
}
`;
    writeFileSync(join(dir, ".claude", "settings.json"), before);
    writeFileSync(join(dir, ".claudeignore"), "dist/\n.env\n");
    const run = cli(["init"], { cwd: dir });
    expect(run.status).toBe(0);
    const after = read(dir, ".claude/settings.json");
    expect(after).toContain("// team settings");
    expect(after).toContain('"prettier --write"');
    const settings = parse(after) as { permissions: unknown; hooks: Record<string, unknown[]> };
    expect(settings.permissions).toEqual({ allow: ["Bash(npm test)"] });
    expect(settings.hooks.PreToolUse).toHaveLength(1);
    expect(settings.hooks.PostToolUse).toHaveLength(1);
    const ignore = read(dir, ".claudeignore");
    expect(ignore.startsWith("dist/\n.env\n")).toBe(true);
    expect(ignore.match(/^\.env$/gm)).toHaveLength(1);
    expect(ignore).toMatch(/^\*\.pem$/m);
  });

  it("changes nothing the second time", () => {
    const dir = tempDir();
    expect(cli(["init"], { cwd: dir }).status).toBe(0);
    const files = [".claude/policy.json", ".claude/settings.json", ".claudeignore", ".gitignore"];
    const first = files.map((f) => read(dir, f));
    const again = cli(["init"], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/^(created|updated)/m);
    expect(files.map((f) => read(dir, f))).toEqual(first);
  });

  it("prints the change on --dry-run and writes nothing", () => {
    const dir = tempDir();
    const run = cli(["init", "--dry-run"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("+++ b/.claude/settings.json");
    expect(run.stdout).toContain("dry run: nothing written");
    expect(cli(["init", "--dry-run"], { cwd: dir }).stdout).toContain("+++ b/.claudeignore");
    expect(() => read(dir, ".claudeignore")).toThrow();
  });

  it("refuses settings it cannot merge, naming line and column in plain words", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".claude"));
    writeFileSync(join(dir, ".claude", "settings.json"), "{\n  broken");
    const init = cli(["init"], { cwd: dir });
    expect(init.status).toBe(1);
    expect(init.stderr).toBe(
      "automode init: .claude/settings.json:2:3: not valid JSON: unexpected text here: property names and strings need double quotes; fix it and run again; nothing was written\n",
    );
    expect(read(dir, ".claude/settings.json")).toBe("{\n  broken");
    expect(readdirSync(dir)).toEqual([".claude"]);
  });

  it("refuses, writing nothing, when automode is neither installed nor on PATH", () => {
    const dir = tempDir();
    const init = run(["init"], { cwd: dir, env: { PATH: pathWithoutAutomode() } });
    expect(init.status).toBe(1);
    expect(init.stderr.trim().split("\n")).toHaveLength(1);
    expect(init.stderr).toMatch(/^automode init: automode is neither installed in this project/);
    expect(init.stderr).toMatch(/nothing was written\n$/);
    expect(init.stdout).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["a command that is not found", "automode-not-here hook claude-code", /not found \(exit 127/],
    ["a command that fails", "exit 3", /exited with 3, not 0/],
    ["a command that prints something else", "echo allow", /did not print a PreToolUse answer/],
    [
      "an answer with an extra key",
      `echo '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"x"},"continue":true}'`,
      /did not print a PreToolUse answer/,
    ],
  ])("refuses %s as the hook, writing nothing", (_, command, message) => {
    const dir = tempDir();
    const init = cli(["init", "--hook-command", command], { cwd: dir });
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(message);
    expect(init.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("uses the project's own install, started through $CLAUDE_PROJECT_DIR", () => {
    const dir = tempDir();
    installInto(dir);
    const init = run(["init"], { cwd: dir, env: { PATH: pathWithoutAutomode() } });
    expect(init.status).toBe(0);
    const settings = JSON.parse(read(dir, ".claude/settings.json")) as {
      hooks: { PreToolUse: Array<{ hooks: Array<{ command: string }> }> };
    };
    expect(settings.hooks.PreToolUse[0]?.hooks[0]?.command).toBe(
      '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/automode hook claude-code',
    );
    // $schema resolves from .claude/ to the copy the automode package ships (npm and pnpm
    // both link a direct dependency at node_modules/automode).
    const policy = parse(read(dir, ".claude/policy.json")) as { $schema: string };
    expect(policy.$schema).toBe("../node_modules/automode/policy.schema.json");
    const schemaFile = resolve(dir, ".claude", policy.$schema);
    expect(existsSync(schemaFile)).toBe(true);
    expect(readFileSync(schemaFile, "utf8")).toBe(
      readFileSync(join(appRoot, "..", "..", "packages", "policy", "policy.schema.json"), "utf8"),
    );
  });

  it("refuses a registered automode hook whose matcher leaves tools out", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".claude"));
    const settings = JSON.stringify({
      hooks: {
        PreToolUse: [
          {
            matcher: "Bash",
            hooks: [{ type: "command", command: `${globalBin} hook claude-code` }],
          },
        ],
      },
    });
    writeFileSync(join(dir, ".claude", "settings.json"), settings);
    const init = cli(["init"], { cwd: dir });
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(/has the matcher "Bash", which leaves tools unchecked/);
    expect(readdirSync(dir)).toEqual([".claude"]);
    expect(read(dir, ".claude/settings.json")).toBe(settings);
  });

  it("leaves .gitignore alone with --no-gitignore, and adds nothing it already ignores", () => {
    const bare = tempDir();
    expect(cli(["init", "--no-gitignore"], { cwd: bare }).status).toBe(0);
    expect(existsSync(join(bare, ".gitignore"))).toBe(false);
    const covered = tempDir();
    writeFileSync(join(covered, ".gitignore"), "node_modules/\n.claude/*.jsonl\n");
    const init = cli(["init"], { cwd: covered });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain("unchanged .gitignore (already ignores the audit log)");
    expect(read(covered, ".gitignore")).toBe("node_modules/\n.claude/*.jsonl\n");
  });

  it("merges into a .claudeignore that starts with a byte order mark", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".claudeignore"), "\uFEFF.env\n");
    expect(cli(["init"], { cwd: dir }).status).toBe(0);
    expect(read(dir, ".claudeignore").match(/\.env$/gm)).toHaveLength(1);
  });
});
