import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "jsonc-parser";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli, tempDir } from "./cli.js";

afterAll(cleanup);

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("automode init", () => {
  it("sets up an empty folder", () => {
    const dir = tempDir();
    const run = cli(["init"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/created \.claude\/policy\.json/);
    const policy = parse(read(dir, ".claude/policy.json")) as Record<string, unknown>;
    expect(policy).toMatchObject({
      $schema: "../node_modules/@automode/policy/policy.schema.json",
      version: 1,
      tier: "balanced",
    });
    expect(read(dir, ".claudeignore")).toMatch(/^\.env$/m);
    expect(JSON.parse(read(dir, ".claude/settings.json"))).toEqual({
      hooks: {
        PreToolUse: [
          {
            matcher: "*",
            hooks: [{ type: "command", command: "automode hook claude-code", timeout: 30 }],
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
    const files = [".claude/policy.json", ".claude/settings.json", ".claudeignore"];
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

  it("refuses settings it cannot merge", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".claude"));
    writeFileSync(join(dir, ".claude", "settings.json"), "{ broken");
    const run = cli(["init"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(read(dir, ".claude/settings.json")).toBe("{ broken");
  });
});
