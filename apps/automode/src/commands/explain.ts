import { resolve } from "node:path";
import { formatTrace } from "@automode/engine";
import { parse, parseTier, UsageError } from "../args.js";
import { engineFor } from "../engine.js";
import type { Io } from "../io.js";
import { loadProject } from "../project/load.js";

export const EXPLAIN_HELP = `Usage: automode explain [--permission-tier T] [--policy F] [--cwd D] [--json] -- <command…>

Shows how automode decides a shell command: its operations, the facts about each, every
pipeline stage consulted and the decision. One argument is taken as the whole command line;
several are joined, quoted where the shell would need it.

Options:
  --permission-tier T   permissive | balanced | restrictive (overrides the policy)
  --policy F            the policy file (default: .claude/policy.json of the project)
  --cwd D               the folder the command runs in (default: the current folder)
  --json                print the trace as JSON
`;

/** Quotes a word for bash when it holds anything but plain characters. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

export async function explain(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    "permission-tier": { type: "string" },
    policy: { type: "string" },
    cwd: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(EXPLAIN_HELP);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError("explain needs a command: automode explain -- <command…>");
  const command = positionals.length === 1 ? positionals[0]! : positionals.map(shellWord).join(" ");
  const tier = parseTier(values["permission-tier"]);
  const cwd = resolve(io.cwd, values.cwd ?? ".");
  const project = loadProject({ cwd, env: io.env, policyFile: values.policy, tier });
  const engine = engineFor(project);
  const trace = engine.explain({ kind: "execute", command, cwd, tool: "Bash" });
  io.out(values.json ? `${JSON.stringify(trace, null, 2)}\n` : `${formatTrace(trace)}\n`);
  return 0;
}
