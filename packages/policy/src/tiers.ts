import type { Tier, Verdict } from "./schema.js";

/**
 * The operation classes of the tier matrix (SPEC section 5), in the order the docs list them.
 * The engine classifies every operation into exactly one of them before the tier stage.
 */
export const operationClasses = {
  "read-inside": "read inside the project",
  "read-outside": "read outside the project",
  "modify-inside": "modify an existing file inside the project",
  "create-inside": "create a file inside the project",
  "delete-inside": "delete one file inside the project",
  "write-outside": "write, create or delete outside the project",
  "execute-read-only": "execute a read-only command (ls, cat, grep, git status/diff/log, …)",
  "execute-development":
    "execute a development command (build, test, lint, typecheck, format, package scripts, local git)",
  "execute-package-install": "execute a package install (npm install, pnpm add, pip install, …)",
  "execute-unknown": "execute an unknown command",
  network: "network (curl, wget, ssh, git push/pull/fetch/clone, URL fetches)",
  "global-config":
    "global configuration (git config --global, npm config set, -g installs, shell rc files, crontab, systemctl, …)",
} as const;

export type OperationClass = keyof typeof operationClasses;

/** What each tier decides for each operation class: the tier matrix as data, read by the engine and the docs. */
export const tierPresets: Readonly<Record<Tier, Readonly<Record<OperationClass, Verdict>>>> = {
  permissive: {
    "read-inside": "approve",
    "read-outside": "approve",
    "modify-inside": "approve",
    "create-inside": "approve",
    "delete-inside": "approve",
    "write-outside": "escalate",
    "execute-read-only": "approve",
    "execute-development": "approve",
    "execute-package-install": "approve",
    "execute-unknown": "approve",
    network: "approve",
    "global-config": "escalate",
  },
  balanced: {
    "read-inside": "approve",
    "read-outside": "escalate",
    "modify-inside": "approve",
    "create-inside": "approve",
    "delete-inside": "approve",
    "write-outside": "escalate",
    "execute-read-only": "approve",
    "execute-development": "approve",
    "execute-package-install": "escalate",
    "execute-unknown": "escalate",
    network: "escalate",
    "global-config": "escalate",
  },
  restrictive: {
    "read-inside": "approve",
    "read-outside": "escalate",
    "modify-inside": "approve",
    "create-inside": "escalate",
    "delete-inside": "escalate",
    "write-outside": "escalate",
    "execute-read-only": "escalate",
    "execute-development": "escalate",
    "execute-package-install": "escalate",
    "execute-unknown": "escalate",
    network: "escalate",
    "global-config": "escalate",
  },
};

/** The built-in default tier when neither the policy nor the caller names one. */
export const defaultTier: Tier = "balanced";

const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };

/** The more severe of two verdicts: deny > escalate > approve. */
export function mostSevere(a: Verdict, b: Verdict): Verdict {
  return severity[a] >= severity[b] ? a : b;
}
