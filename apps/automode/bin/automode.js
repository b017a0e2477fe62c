#!/usr/bin/env node
// A committed entry point, so package managers can link the bin before the first build.
// The hook starts once per tool call, so it loads its own bundle and nothing else, and this
// file is CommonJS (bin/package.json) to spare the hook the ES module loader's start-up.
const argv = process.argv.slice(2);
const isHook = argv[0] === "hook";

async function run() {
  const { main } = isHook
    ? require("./load-hook.js").loadHook().exports
    : await import("../dist/automode.js");
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
