// First: the schemas the imports below build must see the setting.
import "./zod-jitless.js";
import { Readable } from "node:stream";
import { agentNamed } from "./agents/index.js";
import { UsageError } from "./args.js";
import { hook } from "./commands/hook.js";
import { denial } from "./decision.js";
import { type Io, processIo } from "./io.js";

/**
 * The entry of the hook bundle (dist/hook.cjs): `automode hook …` loads this one file and
 * nothing of the other commands, since it starts once per tool call, and only when no
 * `automode serve` answered the thin client (dist/hook-client.cjs) first.
 */
export async function main(argv: readonly string[], stdin?: Buffer): Promise<number> {
  const io = processIo();
  // The thin client already read stdin (to offer it to a server that did not answer).
  if (stdin !== undefined) io.stdin = Readable.from([stdin]);
  try {
    return await hook(argv.slice(1), io);
  } catch (error) {
    const usage = error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    const line = usage ? message : `internal error: ${message}`;
    io.err(`automode hook: ${line}\n`);
    // Exit 2 blocks the call in Claude Code, Gemini CLI, Codex and Cursor; Copilot CLI runs the
    // tool when a hook exits non-zero, so an agent that names itself gets its own deny answer.
    const adapter = argv[1] === "claude-code" ? undefined : agentNamed(argv[1] ?? "");
    if (adapter === undefined) return 2;
    const reply = adapter.answer(
      denial(usage ? "invalid-input" : "internal-error", `automode hook: ${line}`, "balanced"),
    );
    if (reply.stdout !== "") io.out(reply.stdout);
    return reply.exitCode;
  }
}

/**
 * Runs the hook on sample inputs in one process, so the build can save V8's code cache with
 * the functions a real call compiles (file and shell actions, a tool rule, the audit append).
 */
export async function warm(project: string, auditLog: string): Promise<void> {
  const calls: Array<[string, object]> = [
    ["Read", { file_path: `${project}/src/money.ts` }],
    ["Bash", { command: "npm test && git status && cat .env | grep -r x src" }],
    ["Write", { file_path: `${project}/src/new.ts`, content: "x" }],
    ["Grep", { pattern: "x", path: project }],
    ["WebFetch", { url: "https://example.com/", prompt: "x" }],
    ["mcp__github__get_issue", { number: 1 }],
  ];
  for (const [tool_name, tool_input] of calls) {
    const io: Io = {
      stdin: Readable.from([
        JSON.stringify({ cwd: project, hook_event_name: "PreToolUse", tool_name, tool_input }),
      ]),
      out: () => undefined,
      err: () => undefined,
      cwd: project,
      env: { ...process.env, CLAUDE_PROJECT_DIR: project },
      isTTY: false,
    };
    await hook(["claude-code", "--audit-log", auditLog], io);
  }
}
