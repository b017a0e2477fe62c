import { createInterface } from "node:readline";
import { actionSchema } from "@automode/policy";
import type { z } from "zod";
import { parse, parseTier, UsageError } from "../args.js";
import { type AppDecision, denial } from "../decision.js";
import { engineFor } from "../engine.js";
import type { Io } from "../io.js";
import { loadProject } from "../project/load.js";

export const DECIDE_HELP = `Usage: automode decide [--policy F] [--permission-tier T] [--cwd D]

Reads JSON Lines on stdin, one action per line ({"kind":"read","path":"src/a.ts"}, …), and
prints one decision per line, in the same order. A malformed line is answered with a deny of
check "invalid-input". Exit 0 when every line was answered.

Options:
  --policy F            the policy file (default: .claude/policy.json of the project)
  --permission-tier T   permissive | balanced | restrictive (overrides the policy)
  --cwd D               the folder actions without a cwd run in (default: the current folder)
`;

export async function decide(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    policy: { type: "string" },
    "permission-tier": { type: "string" },
    cwd: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(DECIDE_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`decide reads actions from stdin, not arguments ("${positionals[0]}")`);
  const tier = parseTier(values["permission-tier"]);
  const { resolve } = await import("node:path");
  const cwd = resolve(io.cwd, values.cwd ?? ".");
  const project = loadProject({ cwd, env: io.env, policyFile: values.policy, tier });
  const engine = engineFor(project);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    io.out(`${JSON.stringify(decideLine(line, cwd, engine, project.tier))}\n`);
  }
  return 0;
}

function decideLine(
  line: string,
  cwd: string,
  engine: ReturnType<typeof engineFor>,
  tier: AppDecision["tier"],
): AppDecision {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return denial("invalid-input", "the line is not JSON", tier);
  }
  const parsed = actionSchema.safeParse(value);
  if (!parsed.success) {
    return denial(
      "invalid-input",
      `the line is not an action: ${actionProblem(parsed.error.issues[0], value)}`,
      tier,
    );
  }
  try {
    return engine.decide({ cwd, ...parsed.data });
  } catch (error) {
    return denial(
      "internal-error",
      `automode failed while deciding, so it denies: ${(error as Error).message}`,
      tier,
    );
  }
}

type Issue = z.core.$ZodIssue;

/** One plain sentence naming the field at fault, instead of zod's own text. */
export function actionProblem(issue: Issue | undefined, value: unknown): string {
  if (issue === undefined) return "it does not match the action schema";
  const record =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (record === undefined) return `a JSON object is expected, not ${kindOf(value)}`;
  const field = issue.path.map(String).join(".");
  const kind = typeof record.kind === "string" ? ` for kind "${record.kind}"` : "";
  switch (issue.code) {
    case "invalid_union":
      if (field === "kind" && "options" in issue) {
        const kinds = (issue.options as unknown[]).map(String).join(", ");
        return record.kind === undefined
          ? `missing field "kind" (one of ${kinds})`
          : `field "kind" must be one of ${kinds}, not ${JSON.stringify(record.kind)}`;
      }
      break;
    case "invalid_type":
      return record[field] === undefined
        ? `missing field "${field}" (${article(issue.expected)})${kind}`
        : `field "${field}" must be ${article(issue.expected)}, not ${kindOf(record[field])}`;
    case "too_small":
      return `field "${field}" must not be empty`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `"${k}"`).join(", ")}${kind}`;
  }
  return field === "" ? issue.message : `field "${field}": ${issue.message}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return article(typeof value);
}
