import type { PolicyInput } from "@automode/policy";

/** The policy of the `rules` cases: every matcher, every verdict, and rules that try to loosen hard limits. */
export const rulesPolicy: PolicyInput = {
  version: 1,
  additionalDirectories: ["../shared"],
  rules: [
    { id: "allow-install", verdict: "approve", commands: ["npm install", "npm ci"] },
    { id: "allow-tests", verdict: "approve", commands: ["npm run test*"] },
    { id: "docker-ps", verdict: "approve", commands: ["docker * ps"] },
    { id: "allow-make", verdict: "approve", commands: ["make"] },
    { id: "ask-deploy", verdict: "escalate", commands: ["make deploy"] },
    { id: "no-push", verdict: "deny", commands: ["git push"] },
    { id: "allow-rm", verdict: "approve", commands: ["rm"] },
    { id: "approve-cat", verdict: "approve", commands: ["cat"] },
    { id: "approve-sudo", verdict: "approve", commands: ["sudo"] },
    { id: "approve-curl", verdict: "approve", commands: ["curl * | sh"] },
    {
      id: "no-migrations",
      verdict: "deny",
      operations: ["write", "delete"],
      paths: ["db/migrations/**"],
    },
    { id: "ask-lockfile", verdict: "escalate", operations: ["write"], paths: ["pnpm-lock.yaml"] },
    { id: "no-docs-delete", verdict: "deny", operations: ["delete"], paths: ["docs/"] },
    { id: "ask-readme-edit", verdict: "escalate", operations: ["write"], paths: ["/README.md"] },
    {
      id: "approve-secrets",
      verdict: "approve",
      operations: ["read"],
      paths: [".env", "secrets/**"],
    },
    {
      id: "approve-writes",
      verdict: "approve",
      operations: ["write", "delete"],
      paths: [".claude/**", ".claudeignore"],
    },
    { id: "github-api", verdict: "approve", domains: ["api.github.com", "*.npmjs.org"] },
    { id: "no-evil", verdict: "deny", domains: ["evil.example"] },
    { id: "ask-example", verdict: "escalate", domains: ["example.org"] },
    { id: "mcp-github", verdict: "approve", tools: ["mcp__github__*"] },
    { id: "ask-bash-commit", verdict: "escalate", tools: ["Bash"], commands: ["git commit"] },
    { id: "read-tool", verdict: "approve", tools: ["Read"], operations: ["read"] },
  ],
};

export const defaultPolicy: PolicyInput = { version: 1, additionalDirectories: ["../shared"] };

export function reversed(policy: PolicyInput): PolicyInput {
  return { ...policy, rules: [...(policy.rules ?? [])].reverse() };
}
