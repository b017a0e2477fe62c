import { z } from "zod";

const plain = (markdown: string) => markdown.replace(/`/g, "").replace(/\*\*/g, "");

/** Attaches the same text as `description` and `markdownDescription`, which editors show on hover. */
function doc<T extends z.ZodType>(schema: T, markdown: string): T {
  return schema.meta({ description: plain(markdown), markdownDescription: markdown });
}

/**
 * An enum documented value by value: VS Code shows `markdownEnumDescriptions` (and other
 * editors `enumDescriptions`) beside each completion, in the order of the values.
 */
function documentedEnum<const V extends readonly [string, ...string[]]>(
  values: V,
  markdown: string,
  perValue: { [K in V[number]]: string },
) {
  const descriptions = values.map((value) => perValue[value as V[number]]);
  return z.enum(values).meta({
    description: plain(markdown),
    markdownDescription: markdown,
    enumDescriptions: descriptions.map(plain),
    markdownEnumDescriptions: descriptions,
  });
}

export const verdicts = ["approve", "deny", "escalate"] as const;
export const tiers = ["permissive", "balanced", "restrictive"] as const;
export const actionKinds = ["read", "write", "delete", "execute", "network"] as const;

const verdictDescriptions = {
  approve: "The agent goes ahead without asking.",
  deny: "The agent is stopped and told why; nobody is asked.",
  escalate: "The human is asked (Claude Code's `ask`).",
} as const;

const tierDescriptions = {
  permissive:
    "Solo personal projects: approves inside the project, package installs, unknown commands and network (logged); escalates writes outside the project and global configuration.",
  balanced:
    "The default: approves reads, edits, new and deleted files and development commands inside the project; escalates package installs, unknown commands, network and anything outside the project.",
  restrictive:
    "Approves reads and edits of existing files inside the project only; escalates everything else, creating and deleting files and running commands included.",
} as const;

export const verdictSchema = documentedEnum(
  verdicts,
  "One of `approve`, `deny` or `escalate` (ask the human).",
  verdictDescriptions,
);
export const tierSchema = documentedEnum(
  tiers,
  "How much auto mode approves on its own: `permissive` (solo personal projects), `balanced` (the default) or `restrictive`.",
  tierDescriptions,
);
export const actionKindSchema = documentedEnum(
  actionKinds,
  "An operation kind: `read`, `write`, `delete`, `execute` or `network`.",
  {
    read: "Reading a file or listing a folder (`Read`, `Glob`, `Grep`, `cat`, `<` redirects, …).",
    write: "Creating or modifying a file (`Write`, `Edit`, `>` redirects, `cp` destinations, …).",
    delete: "Deleting a file or folder (`rm`, `unlink`, `mv` sources, …).",
    execute: "Running a command (each simple command of a `Bash` call).",
    network: "Reaching a host (`WebFetch`, `curl`, `git push`, …).",
  },
);

/** The policy format version; the JSON Schema export marks it an integer. */
export const versionSchema = doc(z.literal(1), "The policy format version; `1`.");

const nonEmpty = z.string().min(1);

const actionContext = {
  cwd: doc(nonEmpty, "The absolute folder the action runs in.").optional(),
  tool: doc(
    nonEmpty,
    "The agent tool that proposed the action, such as `Bash` or `Read`.",
  ).optional(),
  session: doc(nonEmpty, "The agent session id.").optional(),
};

export const actionSchema = doc(
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: doc(z.literal("read"), "Read a file or list a folder."),
      path: doc(nonEmpty, "The path to read."),
      ...actionContext,
    }),
    z.strictObject({
      kind: doc(z.literal("write"), "Create or modify a file."),
      path: doc(nonEmpty, "The path to write."),
      ...actionContext,
    }),
    z.strictObject({
      kind: doc(z.literal("delete"), "Delete a file or folder."),
      path: doc(nonEmpty, "The path to delete."),
      recursive: doc(z.boolean(), "Whether a folder is deleted with all it holds.").optional(),
      ...actionContext,
    }),
    z.strictObject({
      kind: doc(z.literal("execute"), "Run one bash command line."),
      command: doc(nonEmpty, "The bash command line."),
      ...actionContext,
    }),
    z.strictObject({
      kind: doc(z.literal("network"), "Fetch a URL."),
      url: doc(nonEmpty, "The URL fetched."),
      ...actionContext,
    }),
  ]),
  "An action an agent proposes: `read`, `write`, `delete`, `execute` or `network`, with its target.",
);

export const ruleSchema = doc(
  z
    .strictObject({
      id: doc(nonEmpty, "A unique id, named in decisions and in the audit log."),
      verdict: verdictSchema,
      description: doc(
        z.string(),
        "Why the rule exists, for people reading the policy.",
      ).optional(),
      operations: doc(
        z.array(actionKindSchema).min(1),
        "Operation kinds the rule applies to (any of them).",
      ).optional(),
      paths: doc(
        z.array(nonEmpty).min(1),
        "gitignore-syntax patterns relative to the project root, matched like `.claudeignore` (any of them).",
      ).optional(),
      commands: doc(
        z.array(nonEmpty).min(1),
        'Token-prefix command patterns: `"npm run test"` matches `npm run test -- --watch`; `*` inside a token globs within it; a lone `*` matches one token.',
      ).optional(),
      domains: doc(
        z.array(nonEmpty).min(1),
        "Host names, case-insensitive; `*.example.com` matches any subdomain but not `example.com`.",
      ).optional(),
      tools: doc(
        z.array(nonEmpty).min(1),
        'Globs on the name of a tool automode has no model of, such as `"mcp__github__*"` (`*` any run, `?` one character); never matches Bash, Read, Write, Edit, WebFetch, the bookkeeping tools, or any action.',
      ).optional(),
    })
    .refine(
      (rule) =>
        rule.operations !== undefined ||
        rule.paths !== undefined ||
        rule.commands !== undefined ||
        rule.domains !== undefined ||
        rule.tools !== undefined,
      {
        message: "a rule must give at least one of operations, paths, commands, domains, tools",
      },
    ),
  "A policy rule. It matches an operation when every matcher it gives matches (AND across fields, OR within a list). Deny wins over escalate, escalate over approve; order does not matter.",
);

/** The matcher fields of a rule, one of which must be present; the JSON Schema export encodes it too. */
export const ruleMatcherKeys = ["operations", "paths", "commands", "domains", "tools"] as const;

export const policyTestSchema = doc(
  z.strictObject({
    description: doc(z.string(), "What the example shows.").optional(),
    action: actionSchema,
    expect: documentedEnum(
      verdicts,
      "The verdict the policy must give: `approve`, `deny` or `escalate`.",
      verdictDescriptions,
    ),
    tier: documentedEnum(
      tiers,
      "Decide this example under another tier than the policy's.",
      tierDescriptions,
    ).optional(),
  }),
  "An example the policy must satisfy; the linter decides it with the real engine.",
);

export const auditSchema = doc(
  z.strictObject({
    path: doc(nonEmpty, "Where the audit log is written, relative to the project root.").default(
      ".claude/audit.jsonl",
    ),
    redact: doc(z.boolean(), "Redact secrets (tokens, keys, passwords) before writing.").default(
      true,
    ),
  }),
  "The audit log: one hash-chained JSON line per decision.",
);

export const policySchema = z
  .strictObject({
    $schema: doc(z.string(), "The JSON Schema this file follows, for editors.").optional(),
    version: versionSchema,
    tier: tierSchema.default("balanced"),
    ignoreFile: doc(
      nonEmpty,
      "The gitignore-syntax file of paths the agent may never touch, relative to the project root.",
    ).default(".claudeignore"),
    additionalDirectories: doc(
      z.array(nonEmpty),
      "Folders outside the project root that are treated as inside the project.",
    ).default([]),
    audit: auditSchema.prefault({}),
    rules: doc(
      z.array(ruleSchema),
      "Policy rules, checked after the hard limits and before the tier.",
    ).default([]),
    tests: doc(
      z.array(policyTestSchema),
      "Examples the policy must satisfy, checked by the linter.",
    ).default([]),
  })
  .meta({
    title: "automode policy",
    // VS Code reads these two on the schema a file uses: .claude/policy.json is JSON with
    // comments, so its editor must not flag the comments init writes.
    allowComments: true,
    allowTrailingCommas: true,
    description:
      "An automode policy (.claude/policy.json): what an AI coding agent may do on its own in auto mode.",
    markdownDescription:
      "An [automode](https://github.com/automode/automode) policy (`.claude/policy.json`): what an AI coding agent may do on its own in auto mode.",
  });

export type Verdict = (typeof verdicts)[number];
export type Tier = (typeof tiers)[number];
export type ActionKind = (typeof actionKinds)[number];
export type PolicyAction = z.infer<typeof actionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type PolicyTest = z.infer<typeof policyTestSchema>;
/** A parsed policy, with defaults filled in. */
export type Policy = z.infer<typeof policySchema>;
/** A policy as a user writes it. */
export type PolicyInput = z.input<typeof policySchema>;
