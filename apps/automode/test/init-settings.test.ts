import { describe, expect, it } from "vitest";
import { mergeClaudeignore } from "../src/init/claudeignore.js";
import { registerHook, SettingsError } from "../src/init/settings.js";

const command = "automode hook claude-code";

describe("registerHook", () => {
  it("creates settings when there are none", () => {
    const r = registerHook(undefined, command);
    expect(JSON.parse(r.text)).toEqual({
      hooks: { PreToolUse: [{ matcher: "*", hooks: [{ type: "command", command, timeout: 30 }] }] },
    });
  });

  it("keeps comments, other keys and other hooks", () => {
    const before = `{
    // my model
    "model": "opus",
    "hooks": {
        "PreToolUse": [
            { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./check.sh" }] }
        ]
    }
}
`;
    const r = registerHook(before, command);
    expect(r.changed).toBe(true);
    expect(r.text).toContain("// my model");
    expect(r.text).toContain('"./check.sh"');
    expect(r.text).toContain('        "model"'.slice(4));
    expect(r.text).toMatch(/\n {12}\{\n {16}"matcher": "\*"/);
  });

  it("is idempotent, whatever the spelling of the registered command", () => {
    const once = registerHook("{}", command).text;
    expect(registerHook(once, command)).toMatchObject({ changed: false, text: once });
    const npx = registerHook("{}", "npx automode hook claude-code").text;
    expect(registerHook(npx, command).changed).toBe(false);
  });

  it("refuses to touch settings it cannot merge", () => {
    expect(() => registerHook("{ nope", command)).toThrow(SettingsError);
    expect(() => registerHook('{"hooks": []}', command)).toThrow(SettingsError);
    expect(() => registerHook('{"hooks": {"PreToolUse": {}}}', command)).toThrow(SettingsError);
  });
});

describe("mergeClaudeignore", () => {
  it("appends only the missing credential patterns, once", () => {
    const first = mergeClaudeignore("dist/\n.env\n");
    expect(first.added).not.toContain(".env");
    expect(first.text.startsWith("dist/\n.env\n")).toBe(true);
    expect(mergeClaudeignore(first.text).added).toEqual([]);
  });
});
