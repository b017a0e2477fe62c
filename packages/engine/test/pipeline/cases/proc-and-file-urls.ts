import { type Case, net, read, write, x } from "./types.js";

/**
 * Paths through the per-process links, normalised for the command before any check (SPEC
 * section 4, issue 12 item 4): `/dev/fd` is `/proc/self/fd`, so `/dev/fd/../cwd` is the
 * command's cwd, tracked through `cd`.
 */
export const procPaths: Case[] = [
  x("cat /dev/fd/../cwd/.env", "DDD", "ignored-path"),
  x("cat /proc/self/cwd/secrets/api.txt", "DDD", "ignored-path"),
  x("cat /proc/thread-self/cwd/.env", "DDD", "ignored-path"),
  x("cd src && cat /proc/self/cwd/../.env", "DDD", "ignored-path"),
  x("cd secrets && cat /dev/fd/../cwd/api.txt", "DDD", "ignored-path"),
  x("grep -n x /dev/fd/../cwd/secrets/api.txt", "DDD", "ignored-path"),
  x("head /proc/self/fd/../cwd/key.pem", "DDD", "ignored-path"),
  x("cat /proc/self/root@ROOT@/.env", "DDD", "ignored-path"),
  x("cat /proc/self/cwd/../home/.ssh/id_rsa", "DDD", "credentials", { cwd: "@TMP@/repo" }),
  x("vim /dev/fd/../cwd/.env", "DDD", "ignored-path"),
  x("cat /proc/1/cwd/README.md", "EEE", "dynamic"),
  // The shell's `cd` tracking is lexical (`/dev/cwd`): the folder is not known, so it asks.
  x("cd /dev/fd/../cwd && cat .env", "DDD", "ignored-path"), // bash falls back to the physical path: the project
  x("cd /dev/fd/.. && cat cwd/.env", "EEE", "dynamic"),
  x("cd /proc/self/cwd && cat .env", "EEE", "dynamic"),
  // A pattern is expanded by the shell's own process, through its own /proc/self.
  x("cat /proc/self/cwd/.e*", "EEE", "dynamic"),
  x("cd /dev && ls", "AEE"),
  // Standard input as a script file is a script fed into a shell.
  x("bash /dev/stdin <<'EOF'\necho hi\nEOF", "EEE", "dynamic"),
  x("sh /proc/self/fd/0", "EEE", "dynamic"),
  x("bash /dev/fd/0 < src/app.ts", "EEE", "dynamic"),
  x("python3 /dev/stdin", "EEE", "dynamic"),
  x("source /dev/stdin", "EEE", "dynamic"),
  x("make -f /dev/stdin", "EEE", "dynamic"),
  x("make --file=/dev/stdin", "EEE", "dynamic"),
  x("cat /dev/stdin", "AAE"),
  x("cat /dev/fd/../cwd/README.md", "AAE"),
  // Process substitution is a descriptor, not a path: unchanged.
  x("diff <(sort src/app.ts) src/index.ts", "AAE"),
  read("/dev/fd/../cwd/.env", "DDD", "ignored-path"),
  read("/proc/self/cwd/secrets/api.txt", "DDD", "ignored-path"),
  read("/proc/self/cwd/README.md", "AAA", "tier"),
  read("/proc/self/root/etc/hosts", "AEE", "tier"),
  read("/proc/1/cwd/README.md", "EEE", "dynamic"),
  read("/proc/1/environ", "DDD", "credentials"),
  read("/dev/fd/7", "EEE", "dynamic"),
  write("/dev/fd/../cwd/.claudeignore", "DDD", "self-protection"),
  write("/proc/self/cwd/.claude/policy.json", "DDD", "self-protection"),
  write("/proc/self/root/etc/hosts", "DDD", "system-path"),
];

/**
 * `file://` URLs are reads of their path with every check a read gets (issue 12 item 6): from
 * a network action, or from the network operation the shell analysis gives `curl file://…`.
 */
export const fileUrls: Case[] = [
  net("file:///etc/shadow", "AEE", "tier"),
  net("file://@ROOT@/.env", "DDD", "ignored-path"),
  net("file://localhost@ROOT@/.env", "DDD", "ignored-path"),
  net("FILE://LocalHost@ROOT@/.env", "DDD", "ignored-path"),
  net("file://@ROOT@/%2e%65nv", "DDD", "ignored-path"),
  net("file://@ROOT@/src/%2e%2e/.env", "DDD", "ignored-path"),
  net("file://@ROOT@/secrets%2fapi.txt", "DDD", "ignored-path"),
  net("file://@ROOT@/.env?x=1", "DDD", "ignored-path"),
  net("file://@ROOT@/.env#top", "DDD", "ignored-path"),
  net("file:@ROOT@/.env", "DDD", "ignored-path"),
  net("file://127.0.0.1@ROOT@/.env", "DDD", "ignored-path"),
  net("file://@HOME@/.ssh/id_rsa", "DDD", "credentials"),
  net("file:///proc/self/cwd/.env", "DDD", "ignored-path"),
  net("file://@ROOT@/README.md", "AAA", "tier"),
  net("file://@TMP@/outside/data.txt", "AEE", "tier"),
  net("file://evil.example/share/x", "EEE", "dynamic"),
  net("file://user@localhost/etc/hosts", "EEE", "dynamic"),
  net("file://@ROOT@/%zz", "EEE", "dynamic"),
  net("file://@ROOT@/{.e,x}nv", "EEE", "dynamic"),
  net("file://@ROOT@/.en[u-w]", "EEE", "dynamic"),
  net("file://@ROOT@/%00.env", "DDD", "invalid-input"),
  net("https://example.com/file:///etc/shadow", "AEE", "tier"),
  x("curl file://@ROOT@/.env", "DDD", "ignored-path"),
  x("curl -s file://localhost@ROOT@/%2eenv", "DDD", "ignored-path"),
  x("curl file://@HOME@/.aws/credentials", "DDD", "credentials"),
  x("curl file:///etc/shadow", "AEE"),
  x("curl file://evil.example/x", "EEE", "dynamic"),
  // curl's URL globbing reads `.env` here.
  x("curl 'file://@ROOT@/{.e,x}nv'", "EEE", "dynamic"),
];
