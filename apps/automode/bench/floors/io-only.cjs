// The least any Node `PreToolUse` hook for a Read call must do, and nothing more: read the hook
// JSON from stdin, read the policy and the ignore file, resolve the target (realpath, lstat),
// take a mkdir lock, append one line to the audit log, release, print the answer. No deciding,
// no validation, no hashing: the floor under every real hook, measured beside it.
const fs = require("node:fs");
const { join } = require("node:path");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const claude = join(input.cwd, ".claude");
  const policy = fs.readFileSync(join(claude, "policy.json"), "utf8");
  const ignore = fs.readFileSync(join(input.cwd, ".claudeignore"), "utf8");
  const target = input.tool_input.file_path;
  fs.lstatSync(target);
  fs.realpathSync.native(target);
  const lock = join(claude, "io-floor.jsonl.lock");
  fs.mkdirSync(lock);
  const fd = fs.openSync(join(claude, "io-floor.jsonl"), "a");
  fs.writeSync(fd, `${JSON.stringify({ target, policy: policy.length, ignore: ignore.length })}\n`);
  fs.closeSync(fd);
  fs.rmdirSync(lock);
  process.stdout.write(
    `${JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "allow" } })}\n`,
  );
});
