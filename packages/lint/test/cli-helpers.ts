import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export const packageRoot = join(import.meta.dirname, "..");
export const bin = join(packageRoot, "bin", "automode-lint.js");

export function assertBuilt(): void {
  if (!existsSync(join(packageRoot, "dist", "cli.js"))) {
    throw new Error("run `pnpm build` in packages/lint before these tests: they run the built CLI");
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a child process, as a user or CI would. */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A folder of stand-ins for `npx` and `automode-lint` that run this package's build, so the
 * action's and pre-commit's exact command lines run without downloading from npm. `npx`
 * records its arguments in `npx-args.txt` beside itself.
 */
export function shimPath(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "automode-lint-shims-"));
  const npx = `#!/bin/sh
printf '%s\\n' "$@" > "${dir}/npx-args.txt"
# Skip npx's own options up to "--" (or up to the command name when there is none).
if printf '%s\\n' "$@" | grep -qx -- '--'; then
  while [ "$1" != "--" ]; do shift; done; shift
else
  while [ "\${1#-}" != "$1" ]; do shift; done
fi
[ "$1" = "automode-lint" ] || { echo "shim: unexpected command $1" >&2; exit 127; }
shift
exec "${process.execPath}" "${bin}" "$@"
`;
  const lint = `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`;
  writeFileSync(join(dir, "npx"), npx);
  writeFileSync(join(dir, "automode-lint"), lint);
  chmodSync(join(dir, "npx"), 0o755);
  chmodSync(join(dir, "automode-lint"), 0o755);
  return { dir, path: `${dir}${delimiter}${process.env.PATH ?? ""}` };
}
