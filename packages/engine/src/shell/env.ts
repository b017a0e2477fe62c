/**
 * What an environment assignment before a command does (SPEC section 4): one function,
 * used for `A=1 cmd`, `env A=1 cmd` and `env -S 'A=1 cmd'`.
 * - `harmless`: the command keeps its class;
 * - `dynamic`: the variable makes a program load or run code;
 * - `unknown`: anything else (the command becomes `unknown`).
 */
export type EnvEffect = "harmless" | "unknown" | "dynamic";

const HARMLESS = new Set([
  "NODE_ENV",
  "CI",
  "DEBUG",
  "FORCE_COLOR",
  "NO_COLOR",
  "COLOR",
  "CLICOLOR",
  "TERM",
  "COLUMNS",
  "LINES",
  "LANG",
  "LANGUAGE",
  "TZ",
  "RUST_BACKTRACE",
  "RUST_LOG",
  "GOOS",
  "GOARCH",
  "CGO_ENABLED",
  "PYTHONUNBUFFERED",
  "PYTHONDONTWRITEBYTECODE",
  "PYTHONHASHSEED",
  "PYTHONIOENCODING",
  "NODE_NO_WARNINGS",
  "TS_NODE_TRANSPILE_ONLY",
  "VITEST_MAX_THREADS",
  "JEST_WORKER_ID",
  "TURBO_TELEMETRY_DISABLED",
  "NEXT_TELEMETRY_DISABLED",
  "DO_NOT_TRACK",
  "VERBOSE",
  "LOG_LEVEL",
  "PORT",
  "HOST",
  "TIMEOUT",
  "UPDATE_SNAPSHOTS",
  // Word splitting of this one command (`IFS= read -r line`).
  "IFS",
]);

const DYNAMIC = new Set([
  "HOME",
  "PATH",
  "ENV",
  "BASH_ENV",
  "PROMPT_COMMAND",
  "SHELLOPTS",
  "BASHOPTS",
  "PS4",
  "NODE_OPTIONS",
  "NODE_PATH",
  "PYTHONSTARTUP",
  "PYTHONPATH",
  "PYTHONHOME",
  "PERL5OPT",
  "PERL5LIB",
  "PERLLIB",
  "RUBYOPT",
  "RUBYLIB",
  "LESSOPEN",
  "LESSCLOSE",
  "EDITOR",
  "VISUAL",
  "PAGER",
  "MANPAGER",
  "BROWSER",
  "SSH_ASKPASS",
  "SUDO_ASKPASS",
  "GOFLAGS",
  "RUSTFLAGS",
  "RUSTC",
  "RUSTDOC",
  "CARGO_HOME",
  "CC",
  "CXX",
  "LD",
  "MAKEFLAGS",
  "JAVA_TOOL_OPTIONS",
  "_JAVA_OPTIONS",
  "JDK_JAVA_OPTIONS",
  "MAVEN_OPTS",
  "GRADLE_OPTS",
  "PIP_CONFIG_FILE",
  "PYTEST_ADDOPTS",
  "PYTEST_PLUGINS",
  "TMPDIR",
]);

/** Prefixes of variables that load configuration or code (`GIT_*` config and hooks, `LD_*`). */
const DYNAMIC_PREFIX =
  /^(GIT_|LD_|DYLD_|XDG_|NPM_CONFIG_|npm_config_|PNPM_|YARN_|BUN_|DOCKER_|CARGO_|UV_|PIP_|POETRY_|BASH_FUNC_)/;

export function envEffect(name: string): EnvEffect {
  if (HARMLESS.has(name) || name.startsWith("LC_")) return "harmless";
  if (DYNAMIC.has(name) || DYNAMIC_PREFIX.test(name) || name.endsWith("_WRAPPER")) return "dynamic";
  return "unknown";
}
