import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A policy of `count` rules of every kind the linter checks (commands, paths, domains, tools;
 * every verdict), with the problems real large policies have sprinkled in: shadowed rules,
 * duplicate ids, approvals of destructive commands or of ignored paths, public suffixes.
 * Deterministic: the same `count` always gives the same text.
 */
export function generatePolicy(count: number): string {
  const rules: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) rules.push(generatedRule(i));
  const tests = [
    { action: { kind: "execute", command: "tool0 build" }, expect: "escalate" },
    { action: { kind: "execute", command: "npm run script7" }, expect: "approve" },
    { action: { kind: "read", path: ".env" }, expect: "deny" },
    { action: { kind: "network", url: "https://api4.example.com/x" }, expect: "approve" },
  ];
  return `${JSON.stringify({ version: 1, tier: "balanced", rules, tests }, null, 2)}\n`;
}

function generatedRule(i: number): Record<string, unknown> {
  const id = `r${i}`;
  const rare = i % 997; // a few problems per thousand rules
  switch (i % 12) {
    case 0:
      return { id, verdict: "approve", commands: [`tool${i} build`, `tool${i} test --watch`] };
    case 1:
      // Shadows the approve rule just before it.
      return { id, verdict: "escalate", commands: [`tool${i - 1}`] };
    case 2:
      return { id, verdict: "approve", operations: ["write"], paths: [`src/mod${i}/**`] };
    case 3:
      // Shadows the path rule just before it.
      return {
        id,
        verdict: "deny",
        operations: ["write", "delete"],
        paths: [`src/mod${i - 1}/**`],
      };
    case 4:
      return {
        id,
        verdict: "approve",
        domains: rare === 4 ? ["*.co.uk"] : [`api${i}.example.com`],
      };
    case 5:
      return {
        id,
        verdict: "escalate",
        domains: [`*.svc${i}.example.net`, `api${i - 1}.example.com`],
      };
    case 6:
      return { id, verdict: "approve", tools: [`mcp__srv${i}__*`] };
    case 7:
      return {
        id,
        verdict: "approve",
        commands: [rare === 7 ? `rm -rf build${i}` : `npm run script${i}`],
      };
    case 8:
      return {
        id,
        verdict: "escalate",
        operations: ["read"],
        paths: rare === 8 ? [".env*"] : [`docs/area${i}/*.md`],
      };
    case 9:
      return {
        id: rare === 9 ? `r${i - 1}` : id,
        verdict: "deny",
        commands: [`danger${i} --force`],
      };
    case 10:
      return { id, verdict: "escalate", tools: [`mcp__srv${i - 4}__write`, `mcp__other${i}__*`] };
    default:
      return { id, verdict: "approve", operations: ["read"], paths: [`data/set${i}/`] };
  }
}

/** A project folder in the temp dir holding a generated policy and a complete ignore file. */
export function generatedProject(count: number): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "automode-lint-gen-")));
  mkdirSync(join(dir, ".claude"));
  writeFileSync(join(dir, ".claude", "policy.json"), generatePolicy(count));
  writeFileSync(
    join(dir, ".claudeignore"),
    [".env", ".env.*", "*.pem", "*.key", "credentials/", "secrets/", ""].join("\n"),
  );
  return dir;
}
