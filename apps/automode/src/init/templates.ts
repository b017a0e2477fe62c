import { existsSync } from "node:fs";
import { join } from "node:path";
import { policySchemaId, type Tier } from "@automode/policy";

/**
 * What `automode init` writes. The policy is the balanced tier with a few commented examples
 * (a comment is how a team learns the format), valid as written.
 */

/**
 * Where editors find the schema. The automode package ships a copy next to its package.json,
 * so the relative path holds under npm and pnpm alike (pnpm links only direct dependencies
 * into node_modules, so @automode/policy's own copy is not reachable there). A global install
 * has no node_modules in the project: the schema's `$id` URL is the one name that works there.
 */
export const LOCAL_SCHEMA_REF = "../node_modules/automode/policy.schema.json";

export function schemaRefFor(root: string): string {
  return existsSync(join(root, "node_modules", "automode", "policy.schema.json"))
    ? LOCAL_SCHEMA_REF
    : policySchemaId;
}

/** Stands for the `$schema` value in the template; `starterPolicy` fills it in. */
const POLICY_SCHEMA_PLACEHOLDER = "@SCHEMA@";

export const STARTER_POLICY = `{
  "$schema": "${POLICY_SCHEMA_PLACEHOLDER}",
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

/** The starter policy with its `$schema` and tier. */
export function starterPolicy(schemaRef: string, tier: Tier = "balanced"): string {
  return STARTER_POLICY.replace(POLICY_SCHEMA_PLACEHOLDER, schemaRef).replace(
    '"tier": "balanced"',
    `"tier": "${tier}"`,
  );
}

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
