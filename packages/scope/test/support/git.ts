import { execFileSync, spawnSync } from "node:child_process";

/** A git that reads no user or system configuration, so the host cannot change its answers. */
const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  HOME: "/nonexistent",
  LC_ALL: "C",
};

export function gitInit(dir: string): void {
  execFileSync("git", ["init", "-q", dir], { env: gitEnv });
}

/**
 * `git check-ignore --no-index` for many paths in one process (`--stdin -z`, `-v -n` so every
 * path gets a line). Returns, per path, whether git calls it ignored: the reported pattern is
 * a positive one (`-v` also reports a matching negation, which means "not ignored").
 */
export function gitCheckIgnore(
  repo: string,
  patternFile: string,
  paths: readonly string[],
  ignoreCase = false,
): boolean[] {
  const result = spawnSync(
    "git",
    [
      "-c",
      `core.excludesFile=${patternFile}`,
      "-c",
      `core.ignoreCase=${ignoreCase}`,
      "check-ignore",
      "--no-index",
      "--stdin",
      "-z",
      "-v",
      "-n",
    ],
    { cwd: repo, env: gitEnv, input: `${paths.join("\0")}\0`, maxBuffer: 64 * 1024 * 1024 },
  );
  // Exit 1 only says "nothing was ignored"; anything else is a broken run.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`git check-ignore failed: ${result.stderr.toString()}`);
  }
  const out = result.stdout;
  // Four NUL-terminated fields per path: source, line number, pattern, path.
  const fields = out.toString("utf8").split("\0");
  const answers: boolean[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const source = fields[i] as string;
    const pattern = fields[i + 2] as string;
    answers.push(source !== "" && !pattern.startsWith("!"));
  }
  if (answers.length !== paths.length) {
    throw new Error(`git answered ${answers.length} of ${paths.length} paths`);
  }
  return answers;
}
