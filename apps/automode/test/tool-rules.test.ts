import type { Rule } from "@automode/policy";
import { describe, expect, it } from "vitest";
import { decideTool, toolGlob } from "../src/hook/tool-rules.js";

const rules: Rule[] = [
  { id: "gh-read", verdict: "approve", tools: ["mcp__github__get_*", "mcp__github__list_*"] },
  { id: "gh-all", verdict: "escalate", tools: ["mcp__github__*"] },
  { id: "no-db", verdict: "deny", tools: ["mcp__postgres__*"] },
  { id: "scoped", verdict: "approve", tools: ["mcp__fs__*"], paths: ["src/**"] },
];

describe("decideTool", () => {
  it("escalates a tool no rule names", () => {
    const d = decideTool("mcp__slack__post", rules, "permissive");
    expect(d).toMatchObject({ verdict: "escalate", check: "unknown-tool", tier: "permissive" });
  });

  it("lets the most severe matching rule win, whatever the order", () => {
    expect(decideTool("mcp__github__get_issue", rules, "balanced")).toMatchObject({
      verdict: "escalate",
      rule: "gh-all",
    });
    expect(decideTool("mcp__postgres__query", rules, "balanced")).toMatchObject({
      verdict: "deny",
      check: "rule",
      rule: "no-db",
    });
  });

  it("ignores rules with matchers a tool call cannot have", () => {
    expect(decideTool("mcp__fs__read", rules, "balanced").check).toBe("unknown-tool");
  });

  it("globs literally apart from * and ?", () => {
    expect(toolGlob("mcp__a.b__*").test("mcp__a.b__x")).toBe(true);
    expect(toolGlob("mcp__a.b__*").test("mcp__aXb__x")).toBe(false);
    expect(toolGlob("Todo?rite").test("TodoWrite")).toBe(true);
  });
});
