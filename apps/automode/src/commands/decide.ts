import { createInterface } from "node:readline";
import { actionSchema } from "@automode/policy";
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
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    return denial(
      "invalid-input",
      `the line is not an action${where}: ${issue?.message ?? "invalid"}`,
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
