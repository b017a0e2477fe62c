import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * What `automode init` writes. The policy is the balanced tier with a few commented examples
 * (a comment is how a team learns the format), valid as written.
 */

/** Where editors find the schema: the copy @automode/policy ships, as SPEC section 2 shows. */
export const POLICY_SCHEMA_REF = "../node_modules/@automode/policy/policy.schema.json";

export const STARTER_POLICY = `{
  "$schema": "${POLICY_SCHEMA_REF}",
  "version": 1,
  // permissive | balanced | restrictive; \`automode hook claude-code --permission-tier\` overrides it.
  "tier": "balanced",
  "ignoreFile": ".claudeignore",
  "audit": { "path": ".claude/audit.jsonl", "redact": true },
  "rules": [
    // Deny wins over escalate, escalate over approve; order does not matter.
    {
      "id": "install-from-lockfile",
      "verdict": "approve",
      "commands": ["npm ci", "pnpm install --frozen-lockfile"]
    }
  ],
  "tests": [
    // Examples the policy must satisfy; \`automode lint\` runs them.
    { "action": { "kind": "read", "path": ".env" }, "expect": "deny" },
    { "action": { "kind": "execute", "command": "npm ci" }, "expect": "approve" },
    { "action": { "kind": "execute", "command": "git push --force" }, "expect": "escalate" }
  ]
}
`;

/** Credentials first: the agent may never read, write or pass these to a command. */
export const STARTER_CLAUDEIGNORE = `# automode: paths the agent may never read, write or pass to a command (gitignore syntax).
.env
.env.*
!.env.example
*.pem
*.key
*.p12
*.pfx
id_rsa*
id_ed25519*
credentials/
secrets/
.aws/
.ssh/
`;

/** The hook command when automode is installed globally (on PATH). */
export const HOOK_COMMAND_GLOBAL = "automode hook claude-code";

/**
 * The hook command for a project: its own install when there is one, started directly rather
 * than through npx (npx costs a few hundred milliseconds on every tool call), else the global
 * `automode`. Claude Code sets $CLAUDE_PROJECT_DIR for hooks, so it works from any subfolder.
 */
export function hookCommandFor(root: string): string {
  return existsSync(join(root, "node_modules", ".bin", "automode"))
    ? '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/automode hook claude-code'
    : HOOK_COMMAND_GLOBAL;
}
