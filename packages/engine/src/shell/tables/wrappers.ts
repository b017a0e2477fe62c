import type { OptSpec } from "../flags.js";

/**
 * Commands that run another command (SPEC section 4, "Unwrap wrappers"). The analyser strips
 * them, outermost first, and judges what they run; the wrapper's own options are parsed so
 * their values are never mistaken for the command (`nice -n 5 rm` runs `rm`, not `5`).
 */
export interface WrapperSpec {
  /** Options before the command (always parsed with `stopAtOperand`). */
  readonly opts: OptSpec;
  /** Operands the wrapper takes before the command: `timeout 5 cmd`, `flock FILE cmd`. */
  readonly leading?: number;
  /** Runs the command as another user (SPEC stage 1). */
  readonly privilege?: boolean;
  /** Options with which it does not run the command at all (`command -v rm`). */
  readonly noRun?: readonly string[];
  /** Options whose value is the directory the command runs in (`env -C dir`). */
  readonly chdirOpts?: readonly string[];
  /** The script option's value is split into words and the operands after it follow (`env -S`). */
  readonly splitString?: boolean;
  /** Options whose value is a command line, parsed like `sh -c` (`env -S`, `su -c`). */
  readonly scriptOpts?: readonly string[];
  /** Options whose value is a file it reads / writes. */
  readonly readOpts?: readonly string[];
  readonly writeOpts?: readonly string[];
  /** Skips leading `NAME=value` operands (env). */
  readonly assignments?: boolean;
  /** Appends arguments automode cannot see (xargs reads them from its input). */
  readonly unknownInputs?: boolean;
  /** Each operand is a command line of its own (`hyperfine 'a' 'b'`, `concurrently`). */
  readonly eachOperandScript?: boolean;
  /** Its operands are joined into one command line for `sh -c` (watch). */
  readonly joinsScript?: boolean;
  /** Without a command, it starts an interactive shell (sudo -s, su). */
  readonly shellWithoutCommand?: boolean;
}

const NONE: WrapperSpec = { opts: { stopAtOperand: true } };

export const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    opts: {
      stopAtOperand: true,
      shortValue: "ugpCDhrtTUR",
      longValue: [
        "--user",
        "--group",
        "--prompt",
        "--close-from",
        "--chdir",
        "--host",
        "--role",
        "--type",
        "--other-user",
        "--command-timeout",
        "--chroot",
      ],
    },
    privilege: true,
    chdirOpts: ["-D", "--chdir"],
    noRun: [
      "-l",
      "--list",
      "-v",
      "--validate",
      "-k",
      "-K",
      "--reset-timestamp",
      "--remove-timestamp",
      "-e",
      "--edit",
      "-V",
      "--version",
    ],
    shellWithoutCommand: true,
  },
  doas: {
    opts: { stopAtOperand: true, shortValue: "uC" },
    privilege: true,
    shellWithoutCommand: true,
  },
  pkexec: {
    opts: { stopAtOperand: true, longValue: ["--user"] },
    privilege: true,
    shellWithoutCommand: true,
  },
  run0: {
    opts: {
      stopAtOperand: true,
      shortValue: "uDg",
      longValue: [
        "--user",
        "--group",
        "--chdir",
        "--unit",
        "--property",
        "--description",
        "--slice",
        "--nice",
        "--setenv",
        "--background",
      ],
    },
    privilege: true,
    chdirOpts: ["-D", "--chdir"],
    shellWithoutCommand: true,
  },
  su: {
    opts: {
      stopAtOperand: false,
      shortValue: "cgGsw",
      longValue: [
        "--command",
        "--group",
        "--supp-group",
        "--shell",
        "--whitelist-environment",
        "--session-command",
      ],
    },
    privilege: true,
    scriptOpts: ["-c", "--command", "--session-command"],
    shellWithoutCommand: true,
  },
  env: {
    opts: {
      stopAtOperand: true,
      shortValue: "uCS",
      longValue: [
        "--unset",
        "--chdir",
        "--split-string",
        "--block-signal",
        "--default-signal",
        "--ignore-signal",
      ],
    },
    chdirOpts: ["-C", "--chdir"],
    scriptOpts: ["-S", "--split-string"],
    splitString: true,
    assignments: true,
  },
  command: { opts: { stopAtOperand: true }, noRun: ["-v", "-V"] },
  builtin: NONE,
  exec: { opts: { stopAtOperand: true, shortValue: "a" } },
  nohup: NONE,
  nice: { opts: { stopAtOperand: true, shortValue: "n", longValue: ["--adjustment"] } },
  ionice: {
    opts: {
      stopAtOperand: true,
      shortValue: "cnpPu",
      longValue: ["--class", "--classdata", "--pid", "--pgid", "--uid"],
    },
    noRun: ["-p", "--pid", "-P", "--pgid", "-u", "--uid"],
  },
  time: {
    opts: { stopAtOperand: true, shortValue: "fo", longValue: ["--format", "--output"] },
    writeOpts: ["-o", "--output"],
  },
  timeout: {
    opts: { stopAtOperand: true, shortValue: "sk", longValue: ["--signal", "--kill-after"] },
    leading: 1,
  },
  stdbuf: {
    opts: { stopAtOperand: true, shortValue: "ioe", longValue: ["--input", "--output", "--error"] },
  },
  setsid: NONE,
  watch: {
    opts: {
      stopAtOperand: true,
      shortValue: "nqs",
      longValue: ["--interval", "--differences", "--equexit", "--shell"],
    },
    joinsScript: true,
  },
  flock: {
    opts: {
      stopAtOperand: true,
      shortValue: "wEc",
      longValue: ["--timeout", "--wait", "--conflict-exit-code", "--command"],
    },
    leading: 1,
    scriptOpts: ["-c", "--command"],
  },
  xargs: {
    opts: {
      stopAtOperand: true,
      shortValue: "adEeIiLlnPs",
      longValue: [
        "--arg-file",
        "--delimiter",
        "--eof",
        "--replace",
        "--max-lines",
        "--max-args",
        "--max-procs",
        "--max-chars",
        "--process-slot-var",
      ],
    },
    readOpts: ["-a", "--arg-file"],
    unknownInputs: true,
  },
  unbuffer: NONE,
  // Tools that run the command (or command lines) they are given: what they run is judged.
  script: {
    opts: {
      stopAtOperand: true,
      shortValue: "cETtIOBm",
      longValue: [
        "--command",
        "--echo",
        "--timing",
        "--log-in",
        "--log-out",
        "--log-io",
        "--logging-format",
      ],
    },
    scriptOpts: ["-c", "--command"],
  },
  "cross-env": { opts: { stopAtOperand: true }, assignments: true },
  "cross-env-shell": { opts: { stopAtOperand: true }, assignments: true, joinsScript: true },
  dotenv: { opts: { stopAtOperand: true, shortValue: "ecv", longValue: [] }, readOpts: ["-e"] },
  "env-cmd": {
    opts: {
      stopAtOperand: true,
      shortValue: "fre",
      longValue: ["--file", "--rc-file", "--environments"],
    },
    readOpts: ["-f", "--file", "-r", "--rc-file"],
  },
  hyperfine: {
    opts: {
      stopAtOperand: false,
      shortValue: "wmMrpcSnLNs",
      longValue: [
        "--warmup",
        "--min-runs",
        "--max-runs",
        "--runs",
        "--setup",
        "--prepare",
        "--conclude",
        "--cleanup",
        "--parameter-scan",
        "--parameter-step-size",
        "--parameter-list",
        "--shell",
        "--style",
        "--export-json",
        "--export-csv",
        "--export-markdown",
        "--export-asciidoc",
        "--export-orgmode",
        "--command-name",
        "--output",
        "--time-unit",
        "--sort",
        "--input",
        "--reference",
      ],
    },
    eachOperandScript: true,
    scriptOpts: [
      "-p",
      "--prepare",
      "-s",
      "--setup",
      "-c",
      "--cleanup",
      "--conclude",
      "--reference",
    ],
    writeOpts: [
      "--export-json",
      "--export-csv",
      "--export-markdown",
      "--export-asciidoc",
      "--export-orgmode",
    ],
  },
  concurrently: {
    opts: {
      stopAtOperand: false,
      shortValue: "nckpsl",
      longValue: [
        "--names",
        "--prefix",
        "--prefix-colors",
        "--kill-others",
        "--success",
        "--max-processes",
        "--restart-tries",
        "--restart-after",
        "--default-input-target",
        "--timestamp-format",
        "--prefix-length",
        "--handle-input",
        "--group",
        "--raw",
        "--hide",
        "--passthrough-arguments",
        "--pad-prefix",
        "--teardown",
      ],
    },
    eachOperandScript: true,
  },
  "xvfb-run": {
    opts: {
      stopAtOperand: true,
      shortValue: "anefpsw",
      longValue: ["--server-args", "--auth-file", "--error-file", "--server-num"],
    },
  },
  "dbus-run-session": {
    opts: { stopAtOperand: true, longValue: ["--config-file", "--dbus-daemon"] },
  },
  "ssh-agent": { opts: { stopAtOperand: true, shortValue: "aEPt" }, noRun: ["-k", "-l"] },
  valgrind: { opts: { stopAtOperand: true, longValue: [] } },
  chroot: {
    opts: { stopAtOperand: true, longValue: ["--userspec", "--groups"] },
    leading: 1,
    privilege: true,
  },
  runuser: {
    opts: {
      stopAtOperand: false,
      shortValue: "cgGuls",
      longValue: ["--command", "--group", "--supp-group", "--user", "--shell", "--session-command"],
    },
    privilege: true,
    scriptOpts: ["-c", "--command", "--session-command"],
  },
  setpriv: {
    opts: {
      stopAtOperand: true,
      longValue: [
        "--reuid",
        "--regid",
        "--groups",
        "--inh-caps",
        "--ambient-caps",
        "--bounding-set",
        "--securebits",
        "--pdeathsig",
        "--selinux-label",
        "--apparmor-profile",
      ],
    },
    privilege: true,
  },
  unshare: {
    opts: {
      stopAtOperand: true,
      shortValue: "SGRw",
      longValue: ["--setuid", "--setgid", "--root", "--wd", "--propagation"],
    },
  },
  nsenter: {
    opts: {
      stopAtOperand: true,
      shortValue: "tSGrw",
      longValue: ["--target", "--setuid", "--setgid", "--root", "--wd"],
    },
    privilege: true,
  },
  "systemd-run": {
    opts: {
      stopAtOperand: true,
      shortValue: "pEM",
      longValue: [
        "--unit",
        "--property",
        "--description",
        "--slice",
        "--setenv",
        "--working-directory",
        "--uid",
        "--gid",
        "--nice",
        "--on-calendar",
        "--on-active",
        "--machine",
        "--host",
      ],
    },
    privilege: true,
  },
  // macOS `arch -arm64 cmd` runs cmd under another architecture.
  arch: { opts: { stopAtOperand: true, shortValue: "ed" } },
  taskset: {
    opts: { stopAtOperand: true, longValue: ["--cpu-list"] },
    leading: 1,
    noRun: ["-p", "--pid"],
  },
  chrt: { opts: { stopAtOperand: true }, leading: 1, noRun: ["-p", "--pid"] },
  numactl: {
    opts: {
      stopAtOperand: true,
      shortValue: "CNmlp",
      longValue: ["--cpunodebind", "--membind", "--physcpubind", "--preferred", "--interleave"],
    },
  },
  prlimit: { opts: { stopAtOperand: true, shortValue: "p", longValue: ["--pid"] } },
  busybox: NONE,
  caffeinate: { opts: { stopAtOperand: true, shortValue: "tw" } },
  chronic: NONE,
  nocache: NONE,
  strace: {
    opts: { stopAtOperand: true, shortValue: "eoOpPsSuUXbI", longValue: [] },
    writeOpts: ["-o"],
  },
  ltrace: { opts: { stopAtOperand: true, shortValue: "eoplnsSuXAaDLw" }, writeOpts: ["-o"] },
};

/**
 * Package runners: they run a tool from the project (or download it). The tool decides the
 * class; an unknown tool through a downloading runner is `package-install`.
 * Key: the runner's words (`pnpm exec`). `downloads`: it fetches a package when missing.
 */
export interface RunnerSpec {
  readonly opts: OptSpec;
  readonly downloads: boolean;
  /** Options with which the tool's words are a shell command line (`pnpm exec -c`). */
  readonly shellMode?: readonly string[];
  /** Options whose value is a shell command line it runs (`npx -c 'cmd'`, `npm exec --call`). */
  readonly callOpts?: readonly string[];
  /** The tool's words are always run through a shell (`yarn exec` in yarn 2+). */
  readonly alwaysShell?: boolean;
}

export const RUNNERS: Readonly<Record<string, RunnerSpec>> = {
  npx: {
    opts: { stopAtOperand: true, shortValue: "pc", longValue: ["--package", "--call"] },
    downloads: true,
    callOpts: ["-c", "--call"],
  },
  pnpx: { opts: { stopAtOperand: true }, downloads: true },
  bunx: {
    opts: { stopAtOperand: true, shortValue: "p", longValue: ["--package"] },
    downloads: true,
  },
  uvx: {
    opts: { stopAtOperand: true, longValue: ["--from", "--with", "--python"] },
    downloads: true,
  },
  "npm exec": {
    opts: { stopAtOperand: true, shortValue: "pc", longValue: ["--package", "--call"] },
    downloads: true,
    callOpts: ["-c", "--call"],
  },
  "npm x": {
    opts: { stopAtOperand: true, shortValue: "pc", longValue: ["--package", "--call"] },
    downloads: true,
    callOpts: ["-c", "--call"],
  },
  "pnpm exec": {
    opts: { stopAtOperand: true },
    downloads: false,
    shellMode: ["-c", "--shell-mode"],
  },
  "pnpm dlx": {
    opts: { stopAtOperand: true, longValue: ["--package"] },
    downloads: true,
    shellMode: ["-c", "--shell-mode"],
  },
  "yarn exec": { opts: { stopAtOperand: true }, downloads: false, alwaysShell: true },
  "yarn dlx": {
    opts: { stopAtOperand: true, shortValue: "p", longValue: ["--package"] },
    downloads: true,
  },
  "bun x": { opts: { stopAtOperand: true }, downloads: true },
  "uv run": {
    opts: {
      stopAtOperand: true,
      longValue: ["--with", "--python", "--project", "--directory", "--package", "--env-file"],
    },
    downloads: false,
  },
  "poetry run": { opts: { stopAtOperand: true }, downloads: false },
  "pipenv run": { opts: { stopAtOperand: true }, downloads: false },
  "pipx run": { opts: { stopAtOperand: true, longValue: ["--spec", "--python"] }, downloads: true },
  "bundle exec": { opts: { stopAtOperand: true }, downloads: false },
  "cargo run": { opts: { stopAtOperand: false }, downloads: false },
};

/** Shells whose `-c` script is parsed recursively. */
export const SHELLS: ReadonlySet<string> = new Set([
  "bash",
  "sh",
  "zsh",
  "dash",
  "ksh",
  "mksh",
  "ash",
  "fish",
]);

/**
 * Interpreters: inline code (`-c`, `-e`, …) and scripts fed on stdin are `dynamic`
 * (SPEC section 4, last bullet). `inline`: the options that take code.
 */
export const INTERPRETERS: Readonly<
  Record<string, { readonly inline: readonly string[]; readonly opts: OptSpec }>
> = {
  python: { inline: ["-c"], opts: { shortValue: "cmWXQ" } },
  python2: { inline: ["-c"], opts: { shortValue: "cmWXQ" } },
  python3: { inline: ["-c"], opts: { shortValue: "cmWXQ" } },
  pypy: { inline: ["-c"], opts: { shortValue: "cmW" } },
  pypy3: { inline: ["-c"], opts: { shortValue: "cmW" } },
  node: {
    inline: ["-e", "--eval", "-p", "--print"],
    opts: {
      shortValue: "epr",
      longValue: [
        "--eval",
        "--print",
        "--require",
        "--import",
        "--loader",
        "--input-type",
        "--env-file",
      ],
    },
  },
  nodejs: {
    inline: ["-e", "--eval", "-p", "--print"],
    opts: { shortValue: "epr", longValue: ["--eval", "--print", "--require", "--import"] },
  },
  bun: {
    inline: ["-e", "--eval", "-p", "--print"],
    opts: { shortValue: "ep", longValue: ["--eval", "--print"] },
  },
  deno: { inline: ["eval"], opts: {} },
  perl: { inline: ["-e", "-E"], opts: { shortValue: "eEIMml" } },
  ruby: { inline: ["-e"], opts: { shortValue: "eIr" } },
  php: { inline: ["-r"], opts: { shortValue: "rdcf" } },
  osascript: { inline: ["-e"], opts: { shortValue: "el" } },
  lua: { inline: ["-e"], opts: { shortValue: "el" } },
  Rscript: { inline: ["-e"], opts: { shortValue: "e" } },
  pwsh: { inline: ["-c", "-Command", "-command", "-EncodedCommand", "-e"], opts: {} },
  powershell: { inline: ["-c", "-Command", "-command", "-EncodedCommand", "-e"], opts: {} },
  tclsh: { inline: [], opts: {} },
  jshell: { inline: [], opts: {} },
  irb: { inline: [], opts: {} },
};

/**
 * Prefix assignments that change what a command runs or loads: `PATH=/tmp/x git status`,
 * `LD_PRELOAD=…`. Dynamic: the command word no longer says what runs.
 */
export const DANGEROUS_ENV: ReadonlySet<string> = new Set([
  "PATH",
  "LD_PRELOAD",
  "LD_LIBRARY_PATH",
  "LD_AUDIT",
  "DYLD_INSERT_LIBRARIES",
  "DYLD_LIBRARY_PATH",
  "BASH_ENV",
  "ENV",
  "PROMPT_COMMAND",
  "SHELLOPTS",
  "BASHOPTS",
  "PS4",
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_EXTERNAL_DIFF",
  "GIT_EDITOR",
  "GIT_PAGER",
  "GIT_ASKPASS",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_PARAMETERS",
  "GIT_EXEC_PATH",
  "NODE_OPTIONS",
  "PYTHONSTARTUP",
  "PYTHONPATH",
  "PERL5OPT",
  "RUBYOPT",
  "EDITOR",
  "VISUAL",
  "PAGER",
]);
