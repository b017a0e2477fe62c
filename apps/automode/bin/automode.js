#!/usr/bin/env node
// A committed entry point, so package managers can link the bin before the first build.
// The hook starts once per tool call: it first offers the call to a running `automode serve`
// through a small client bundle (Node's own modules only), and loads its own full bundle, and
// nothing else, only when no server answers. This file is CommonJS (bin/package.json) to spare
// the hook the ES module loader's start-up.
const argv = process.argv.slice(2);
const isHook = argv[0] === "hook";

async function hook() {
  let stdin;
  try {
    const asked = await require("../dist/hook-client.cjs").askServer(argv);
    if (asked.kind === "answered") {
      process.stdout.write(asked.output);
      return 0;
    }
    stdin = asked.stdin;
  } catch {
    // The client failed before it could read stdin, or the bundle is missing: the full hook
    // reads stdin itself and decides, as it does without a server.
  }
  return require("./load-hook.js").loadHook().exports.main(argv, stdin);
}

async function run() {
  if (isHook) return hook();
  const { main } = await import("../dist/automode.js");
  return main(argv);
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (isHook) {
      // Fail closed even when automode cannot load: Claude Code lets a tool run when a hook
      // crashes (any exit code but 2), so the hook answers deny instead.
      const reason = `automode could not start (${message}), so it denies`;
      const agent = argv[1];
      if (agent === "gemini-cli" || agent === "codex" || agent === "cursor") {
        // These agents block a tool call when its hook exits 2, with stderr as the reason.
        process.stderr.write(`${reason}\n`);
        process.exitCode = 2;
      } else if (agent === "copilot-cli") {
        // Copilot CLI skips a hook that exits non-zero: the deny must be an answer.
        process.stdout.write(
          `${JSON.stringify({ permissionDecision: "deny", permissionDecisionReason: reason })}\n`,
        );
        process.exitCode = 0;
      } else {
        process.stdout.write(
          `${JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } })}\n`,
        );
        process.exitCode = 0;
      }
    } else {
      process.stderr.write(`automode: could not start: ${message} (run pnpm build)\n`);
      process.exitCode = 2;
    }
  },
);
