import { describe, expect, it } from "vitest";
import { type Diagnostic, parsePolicy } from "../src/index.js";

// Every diagnostic parsePolicy gives: its code, its one-line message and its place (issue 21).

const diagnose = (text: string, file?: string): Diagnostic[] => {
  const result = parsePolicy(text, file === undefined ? {} : { file });
  expect(result.ok).toBe(false);
  return result.diagnostics;
};
const brief = (d: Diagnostic) =>
  `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code}: ${d.message}`;
const test = {
  action: (action: object) =>
    JSON.stringify({ version: 1, tests: [{ action, expect: "approve" }] }),
};

describe("diagnostics", () => {
  it("come sorted by line, then column, whatever found them", () => {
    const lines = diagnose('{"tier": "x",\n"version": 1,\n"audit": {"path": "a", "path": "b"}}');
    expect(lines.map((d) => [d.line, d.code])).toEqual([
      [1, "invalid-value"],
      [3, "duplicate-key"],
    ]);
    const columns = diagnose('{"tier": "x", "audit": {"path": "a", "path": "b"}, "version": 1}');
    expect(columns.map((d) => [d.column, d.code])).toEqual([
      [10, "invalid-value"],
      [38, "duplicate-key"],
    ]);
  });

  it("name the file only when one is given", () => {
    expect(diagnose("{", "p.json")[0]?.file).toBe("p.json");
    expect(diagnose("{")[0]).not.toHaveProperty("file");
  });

  it("find duplicate keys in nested objects and in arrays, at the later key", () => {
    const found = diagnose(
      '{"version": 1, "audit": {"path": "a", "path": "b"}, "rules": [{"id": "x", "id": "y", "verdict": "deny", "paths": ["p"]}]}',
    );
    expect(found.map((d) => [d.path, d.column, d.message])).toEqual([
      [["audit", "path"], 39, 'duplicate key "path" (a later value would silently win)'],
      [["rules", 0, "id"], 75, 'duplicate key "id" (a later value would silently win)'],
    ]);
  });

  it("an empty or blank file is 'empty', at 1:1, for the whole document", () => {
    for (const text of ["", "   \n  ", "\uFEFF"]) {
      expect(diagnose(text)[0]?.path, JSON.stringify(text)).toEqual([]);
      expect(diagnose(text).map(brief), JSON.stringify(text)).toEqual([
        "1:1-1:1 syntax: the file is empty",
      ]);
    }
  });

  it("a syntax error names what was expected, at its position", () => {
    expect(diagnose('{"version": 1 "tier": "x"}')[0]?.path).toEqual([]);
    expect(diagnose('{"version": 1 "tier": "x"}').map(brief)).toEqual([
      "1:15-1:21 syntax: syntax error: comma expected",
    ]);
  });

  it("a missing key points at the nearest enclosing value, naming where it is missing", () => {
    expect(diagnose('{"tier": "balanced"}').map(brief)).toEqual([
      '1:1-1:2 missing-key: missing required key "version"',
    ]);
    expect(
      diagnose('{"version": 1, "rules": [{"verdict": "deny", "paths": ["a"]}]}').map(brief),
    ).toEqual(['1:26-1:27 missing-key: missing required key "id" in rules[0]']);
    expect(diagnose('{"version": 1, "tests": [{"expect": "approve"}]}').map(brief)).toEqual([
      '1:26-1:27 missing-key: missing required key "action" in tests[0]',
    ]);
  });

  it("a literal written as another type names both types", () => {
    expect(diagnose('{"version": "1"}').map(brief)).toEqual([
      '1:13-1:16 invalid-value: version must be the number 1, not the string "1"',
    ]);
    expect(diagnose('{"version": 2}').map(brief)).toEqual([
      "1:13-1:14 invalid-value: version must be the number 1, not the number 2",
    ]);
    expect(diagnose('{"version": {}}').map(brief)).toEqual([
      "1:13-1:15 invalid-value: version must be the number 1, not an object",
    ]);
  });

  it("a value outside an enumeration lists the allowed ones, with a suggestion only when close", () => {
    expect(diagnose(test.action({ kind: "exec", command: "ls" }))[0]?.message).toBe(
      'tests[0].action.kind must be one of "read", "write", "delete", "execute", "network", not "exec"',
    );
    expect(diagnose('{"version": 1, "tier": "balancd"}')[0]?.message).toBe(
      'tier must be one of "permissive", "balanced", "restrictive", not "balancd" (did you mean "balanced"?)',
    );
    expect(diagnose('{"version": 1, "tier": 3}')[0]?.message).toBe(
      'tier must be one of "permissive", "balanced", "restrictive", not 3',
    );
  });

  it("a wrong type names the type wanted (with its article) and what was found", () => {
    const message = (text: string) => diagnose(text)[0]?.message;
    expect(message("[1, 2]")).toBe("(root) must be an object, not an array");
    expect(message("null")).toBe("(root) must be an object, not null");
    expect(message('{"version": 1, "rules": {}}')).toBe("rules must be an array, not an object");
    expect(message('{"version": 1, "audit": {"redact": "yes"}}')).toBe(
      'audit.redact must be a boolean, not string "yes"',
    );
    expect(message('{"version": 1, "ignoreFile": 5}')).toBe(
      "ignoreFile must be a string, not number 5",
    );
  });

  it("an empty string or list says so", () => {
    expect(diagnose('{"version": 1, "ignoreFile": ""}').map(brief)).toEqual([
      "1:30-1:32 invalid-value: ignoreFile must not be empty",
    ]);
    expect(
      diagnose('{"version": 1, "rules": [{"id": "a", "verdict": "deny", "paths": []}]}')[0]
        ?.message,
    ).toBe("rules[0].paths must list at least 1 item");
  });
});

describe("unknown keys in an action", () => {
  it("are matched against the keys of the action's own kind", () => {
    const suggest = (action: object) =>
      diagnose(test.action(action)).find((d) => d.code === "unknown-key")?.message;
    expect(suggest({ kind: "network", url: "u", urll: "x" })).toBe(
      'unknown key "urll" in tests[0].action (did you mean "url"?)',
    );
    // `url` belongs to network actions only: no suggestion for a read.
    expect(suggest({ kind: "read", path: "a", urll: "x" })).toBe(
      'unknown key "urll" in tests[0].action',
    );
    expect(suggest({ kind: "delete", path: "a", recursiv: true })).toBe(
      'unknown key "recursiv" in tests[0].action (did you mean "recursive"?)',
    );
    expect(suggest({ kind: "write", path: "a", recursiv: true })).toBe(
      'unknown key "recursiv" in tests[0].action',
    );
  });

  it("at the root, name no owner", () => {
    expect(diagnose('{"version": 1, "tiers": "x"}')[0]?.message).toBe(
      'unknown key "tiers" (did you mean "tier"?)',
    );
  });
});
