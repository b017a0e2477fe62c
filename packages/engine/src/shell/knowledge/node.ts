import type { ProgramSpec } from "./dsl.js";

/**
 * The JavaScript and TypeScript toolchain: npm 11, pnpm 10, yarn 1/4, bun 1, and the tools a
 * package script runs (tsc 5, vitest 4, jest 30, eslint 9, prettier 3, biome 2, turbo 2).
 * npm's option parser (nopt) takes unique abbreviations; npm's command aliases are its own
 * (`npm isntall` is install). An npm config not listed here (`--script-shell`, `--node-options`)
 * makes the invocation unknown.
 */

/** Options npm accepts on every command (npm 11 `npm help config`, the usual subset). */
const NPM_COMMON =
  "-v -w|--workspace=v --workspaces --include-workspace-root --no-workspaces --loglevel=v -s|--silent -q|--quiet -d --verbose --color[=v] --no-color --json --parseable -p --long -l --yes -y --no --if-present --ignore-scripts --foreground-scripts --no-audit --audit --fund --no-fund --progress --no-progress --offline --prefer-offline --prefer-online --registry=h --save -S --no-save -D|--save-dev -O|--save-optional -P|--save-prod -E|--save-exact -B|--save-bundle --save-peer --legacy-peer-deps --strict-peer-deps --force -f --dry-run --omit=v --include=v --production --only=v --also=v --package-lock --no-package-lock --package-lock-only --install-links --install-strategy=v --engine-strict --update-notifier --no-update-notifier --workspaces-update --depth=v --all -a --tag=v --access=v --otp=v --before=v --cpu=v --os=v --libc=v --provenance --timing --logs-max=v --unicode --no-unicode --audit-level=v --fetch-retries=v --fetch-timeout=v --prefer-dedupe --global-style --legacy-bundling --strict-ssl --no-strict-ssl --expect-results --expect-result-count=v";

const NPM_GLOBAL = {
  "-g|--global|--location=v": {
    class: "global-config" as const,
    why: "installs globally, outside the project",
  },
};

/** npm reads its options anywhere before `--` (`npm run build --script-shell=x` sets a config). */
const NPM_RUN: ProgramSpec = { operands: "any" };

export const NPM: ProgramSpec = {
  version: "npm 11",
  abbrev: true,
  globalsInherited: true,
  opts: NPM_COMMON,
  special: {
    ...NPM_GLOBAL,
    "--prefix|-C=d": {},
    "--cache=w": {},
    "--script-shell|--shell|--editor|--browser|--git|--node-gyp|--viewer=x": {},
    "--node-options=c": { dynamic: "npm --node-options makes node load code" },
    "--userconfig|--globalconfig=r": { dynamic: "an npm config file can set commands npm runs" },
  },
  examples: {
    approve: ["npm test", "npm run build -- --watch", "npm ls react"],
    notApprove: [
      "npm isntall x",
      "npm it",
      "npm exec -c 'rm -rf ~'",
      "npm explore x -- ls",
      "npm owner add bob x",
      "npm test --script-shell='rm -rf ~'",
      "npm ci",
      "npm frobnicate",
    ],
  },
  sub: {
    "install|i|in|ins|inst|insta|instal|isnt|isnta|isntal|isntall|add": { operands: "any" },
    ci: { operands: "any", special: {} },
    "clean-install|install-clean|isntall-clean|ic": { operands: "any" },
    "update|up|upgrade|udpate": { operands: "any" },
    "uninstall|unlink|remove|rm|r|un": { operands: "any" },
    "run|run-script|rum|urn": NPM_RUN,
    "test|tst|t": NPM_RUN,
    start: NPM_RUN,
    stop: NPM_RUN,
    restart: NPM_RUN,
    "exec|x": {
      operands: "any",
      stopAtOperand: true,
      special: { "--package=v": {}, "-c|--call=x": {} },
    },
    pack: { opts: "--pack-destination=w", operands: "any" },
    "init|create|innit": {
      operands: "any",
      special: { "--init-module=r": { dynamic: "npm init --init-module runs a module" } },
    },
    version: {
      operands: "any",
      opts: "--allow-same-version --commit-hooks --git-tag-version --no-git-tag-version --sign-git-tag --preid=v -m|--message=v",
    },
    "ls|list|la|ll": { operands: "any" },
    "why|explain": { operands: "any" },
    outdated: { operands: "any" },
    audit: { operands: "any", sub: undefined },
    "view|info|show|v": { operands: "any" },
    "search|find|s|se": { operands: "any" },
    publish: { operands: "any" },
    unpublish: { operands: "any" },
    "config|c": {
      sub: {
        set: { operands: "any" },
        get: { operands: "any" },
        delete: { operands: "any" },
        "list|ls": {},
        edit: {},
        fix: {},
      },
    },
    cache: {
      sub: {
        add: { operands: "any" },
        clean: { operands: "any" },
        ls: { operands: "any" },
        verify: {},
      },
    },
    "rebuild|rb": { operands: "any" },
    "dedupe|ddp": {},
    prune: { operands: "any" },
    "help|hlep": { operands: "any" },
    pkg: {
      sub: {
        get: { operands: "any" },
        set: { operands: "any" },
        delete: { operands: "any" },
        fix: {},
      },
    },
    "login|logout|adduser|whoami": { operands: "any" },
    doctor: { operands: "any" },
    "root|prefix|bin": {},
    fund: { operands: "any" },
    query: { operands: "any" },
    "link|ln": { operands: "any" },
  },
};

/** Options every pnpm command takes (pnpm 10 `pnpm help`). */
const PNPM_COMMON =
  "-v -r|--recursive -F|--filter=v --filter-prod=v --test-pattern=v --changed-files-ignore-pattern=v -w|--workspace-root --include-workspace-root --fail-if-no-match --parallel --stream --aggregate-output --workspace-concurrency=v --sort --no-sort --reverse --bail --no-bail --if-present --reporter=v --silent -s --loglevel=v --color --no-color --aggregate-output --use-stderr --shell-emulator --resume-from=v --report-summary --frozen-lockfile --no-frozen-lockfile --prefer-frozen-lockfile --lockfile-only --fix-lockfile --prefer-offline --offline --ignore-scripts --no-optional --prod -P|--production --dev -D|--save-dev --save-prod -O|--save-optional -E|--save-exact --save-peer --save-catalog --workspace --no-save-workspace-protocol --ignore-workspace --force --depth=v --json --long --parseable --no-verify-store-integrity --strict-peer-dependencies --resolution-only --child-concurrency=v --network-concurrency=v --registry=h --stream --no-reporter-hide-prefix --production --interactive -i --latest -L --ci";

const PNPM_RUN: ProgramSpec = { operands: "any", stopAtOperand: true };
/** `pnpm test`, `yarn start`: what follows goes to the script. */
const PASS: ProgramSpec = { operands: "any", passRest: true };

export const PNPM: ProgramSpec = {
  version: "pnpm 10",
  abbrev: false,
  globalsInherited: true,
  scriptFallback: true,
  opts: PNPM_COMMON,
  special: {
    "-g|--global": { class: "global-config", why: "installs globally, outside the project" },
    "-C|--dir=d": {},
    "--store-dir|--virtual-store-dir|--modules-dir=w": {},
  },
  examples: {
    approve: [
      "pnpm test",
      "pnpm build",
      "pnpm -r --filter @automode/engine run test",
      "pnpm --filter web typecheck",
      "pnpm exec vitest run",
    ],
    notApprove: ["pnpm -F web add left-pad", "pnpm --frob test"],
  },
  sub: {
    "install|i": { operands: "any" },
    add: { operands: "any" },
    "update|up|upgrade": { operands: "any" },
    "remove|rm|uninstall|un": { operands: "any" },
    "run|run-script": PNPM_RUN,
    "test|t|tst": PASS,
    start: PASS,
    exec: { operands: "any", stopAtOperand: true, opts: "-c|--shell-mode" },
    dlx: { operands: "any", stopAtOperand: true, opts: "--package=v -c|--shell-mode" },
    create: { operands: "any", stopAtOperand: true },
    "ls|list|ll|la": { operands: "any" },
    why: { operands: "any" },
    outdated: { operands: "any" },
    audit: {
      operands: "any",
      opts: "--fix --audit-level=v --prod --dev --ignore-registry-errors --ignore=v",
    },
    publish: {
      operands: "any",
      opts: "--access=v --tag=v --no-git-checks --publish-branch=v --otp=v --dry-run --provenance --report-summary",
    },
    pack: { operands: "any", opts: "--pack-destination=w --out=w --pack-gzip-level=v" },
    "rebuild|rb": { operands: "any" },
    dedupe: { opts: "--check" },
    prune: {},
    "install-test|it": { operands: "any" },
    fetch: {},
    store: { sub: { status: {}, add: { operands: "any" }, prune: {}, path: {} } },
    "config|c": {
      sub: {
        set: { operands: "any" },
        get: { operands: "any" },
        delete: { operands: "any" },
        list: {},
      },
    },
    "set|get": { operands: "any" },
    "view|info|show|v": { operands: "any" },
    init: {},
    import: {},
    "link|ln": { operands: "any" },
    unlink: { operands: "any" },
    root: {},
    bin: {},
    licenses: { sub: { list: {}, ls: {} } },
    help: { operands: "any" },
    env: { sub: { use: { operands: "any" }, list: { operands: "any" } } },
    setup: {},
  },
};

const YARN_COMMON =
  "-v --cwd=d --silent -s --verbose --json --no-progress --frozen-lockfile --immutable --immutable-cache --check-cache --pure-lockfile --prefer-offline --offline --ignore-scripts --ignore-engines --ignore-optional --production --prod --non-interactive --mode=v -D|--dev -P|--peer -O|--optional -E|--exact -T|--tilde --top-level -A|--all -R|--recursive -W|--ignore-workspace-root-check --registry=h --network-timeout=v --no-lockfile";

export const YARN: ProgramSpec = {
  version: "yarn 1.22 / 4",
  globalsInherited: true,
  scriptFallback: true,
  opts: YARN_COMMON,
  special: { "--modules-folder|--cache-folder=w": {} },
  examples: {
    approve: ["yarn test", "yarn build", "yarn lint --fix"],
    notApprove: ["yarn --frob"],
  },
  sub: {
    install: { operands: "any" },
    add: { operands: "any" },
    remove: { operands: "any" },
    "upgrade|up": { operands: "any" },
    run: PNPM_RUN,
    test: PASS,
    start: PASS,
    exec: PNPM_RUN,
    dlx: { operands: "any", stopAtOperand: true, opts: "-p|--package=v -q|--quiet" },
    workspace: { operands: "any", stopAtOperand: true },
    workspaces: {
      sub: {
        foreach: {
          operands: "any",
          stopAtOperand: true,
          opts: "-A|--all -R|--recursive -W|--worktree -p|--parallel -i|--interlaced -v|--verbose -t|--topological --topological-dev -j|--jobs=v --include=v --exclude=v --no-private --since[=v]",
        },
        list: { opts: "--json -v|--verbose" },
        info: {},
      },
    },
    why: { operands: "any" },
    list: { operands: "any" },
    info: { operands: "any" },
    outdated: { operands: "any" },
    audit: { operands: "any" },
    publish: { operands: "any" },
    pack: { operands: "any", opts: "-o|--out|--filename=w" },
    global: { operands: "any" },
    config: { operands: "any" },
    set: { operands: "any" },
    cache: { operands: "any" },
    init: { operands: "any" },
    version: { operands: "any" },
    link: { operands: "any" },
    unlink: { operands: "any" },
    dedupe: {},
    constraints: {},
    help: { operands: "any" },
  },
};

/** Tools package scripts run. Their own options; project files they read are incidental. */
export const NODE_TOOLS: Readonly<Record<string, ProgramSpec>> = {
  tsc: {
    version: "TypeScript 5.9",
    // tsc spells long options with one or two dashes and takes no clusters.
    singleDashLong: true,
    opts: "-p|--project=v -b|--build -w|--watch --noEmit --emitDeclarationOnly -d|--declaration --declarationMap --sourceMap --incremental --composite --pretty --listFiles --listEmittedFiles --extendedDiagnostics --diagnostics --generateTrace=w --traceResolution --explainFiles --showConfig --strict --noImplicitAny --skipLibCheck --allowJs --checkJs --esModuleInterop --resolveJsonModule --isolatedModules --noUnusedLocals --noUnusedParameters -t|--target=v -m|--module=v --moduleResolution=v --lib=v --jsx=v --types=v --typeRoots=v --rootDir=v --baseUrl=v --verbatimModuleSyntax --force --clean --dry --verbose -v --init --all --locale=v --preserveWatchOutput --noErrorTruncation --removeComments --stopBuildOnErrors -i",
    special: {
      "--outDir|--declarationDir|--outFile|--out|--tsBuildInfoFile=w": {},
      "--plugins=c": {},
    },
    examples: {
      approve: ["tsc --noEmit", "tsc -p tsconfig.build.json", "tsc -b"],
      notApprove: ["tsc --outFile /usr/local/lib/x.js"],
    },
  },
  vitest: {
    version: "vitest 4",
    // Subcommands (run, watch, related, bench, list) and test filters are operands alike.
    opts: "-r|--root=v --dir=v -c|--config=r -u|--update -w|--watch -t|--testNamePattern=v --ui --open --api[=v] --silent[=v] --hideSkippedTests --reporter=v --reporters=v --coverage --coverage.enabled --coverage.provider=v --coverage.reporter=v --coverage.include=v --coverage.exclude=v --run --mode=v --globals --dom --environment=v --pool=v --isolate --no-isolate --bail=v --retry=v --passWithNoTests --allowOnly --changed[=v] --shard=v --sequence.shuffle --sequence.concurrent --maxWorkers=v --minWorkers=v --testTimeout=v --hookTimeout=v --project=v --typecheck --typecheck.only --browser[=v] --no-color --clearScreen --no-file-parallelism --fileParallelism --inspect --inspect-brk --logHeapUsage --expand-snapshot-diff --exclude=v --include=v --standalone --no-watch --filesOnly --json[=w] --config-loader=v",
    special: {
      "--outputFile=w": {},
      "--coverage.reportsDirectory=w": {},
      "--attachmentsDir=w": {},
    },
    examples: {
      approve: ["vitest run", "vitest run test/a.test.ts -t parse", "vitest --run --reporter=dot"],
      notApprove: ["vitest run --outputFile=.claudeignore", "vitest --frob"],
    },
  },
  jest: {
    version: "jest 30",
    opts: "--bail[=v] -b --cache --no-cache --ci --changedSince=v --clearCache --collectCoverageFrom=v --colors --config=r -c=r --coverage --coverageProvider=v --debug --detectOpenHandles --env=v --findRelatedTests --forceExit --init --injectGlobals --json --lastCommit --listTests --logHeapUsage --maxConcurrency=v -w|--maxWorkers=v --noStackTrace --onlyChanged -o --onlyFailures -f --passWithNoTests --projects=v --randomize --reporters=v --roots=v -i|--runInBand --runTestsByPath --seed=v --selectProjects=v --shard=v --showConfig --showSeed --silent --testLocationInResults --testMatch=v --testNamePattern=v -t=v --testPathIgnorePatterns=v --testPathPatterns=v --testRegex=v --testTimeout=v -u|--updateSnapshot --useStderr --verbose --watch --watchAll --workerThreads -e|--expand --no-coverage --errorOnDeprecated",
    special: {
      "--outputFile|--coverageDirectory=w": {},
      "--testResultsProcessor|--testRunner|--testSequencer|--globalSetup|--globalTeardown|--setupFiles|--resolver|--transform|--preset=r":
        {},
    },
    examples: {
      approve: ["jest --ci", "jest -t parse src"],
      notApprove: ["jest --outputFile=.claude/policy.json"],
    },
  },
  eslint: {
    version: "eslint 9",
    opts: "-c|--config=r --no-config-lookup --inspect-config --ext=v --global=v --parser=v --parser-options=v --rule=v --fix --fix-dry-run --fix-type=v --no-ignore --ignore-pattern=v --stdin --stdin-filename=v --quiet --max-warnings=v -f|--format=v --color --no-color --no-inline-config --report-unused-disable-directives --report-unused-disable-directives-severity=v --report-unused-inline-configs=v --cache --cache-strategy=v --debug --print-config=v --env-info --no-error-on-unmatched-pattern --exit-on-fatal-error --no-warn-ignored --pass-on-no-patterns --concurrency=v --flag=v --stats --init --mcp",
    special: {
      "-o|--output-file|--cache-location|--cache-file=w": {},
      "--rulesdir|--resolve-plugins-relative-to=r": {},
      "--plugin=v": {},
    },
    examples: {
      approve: ["eslint .", "eslint --fix src", "eslint -f json src"],
      notApprove: ["eslint -o .claudeignore .", "eslint --frob ."],
    },
  },
  prettier: {
    version: "prettier 3",
    opts: "-c|--check -l|--list-different -w|--write -u|--ignore-unknown --no-config --config=r --config-precedence=v --no-editorconfig --find-config-path=v --ignore-path=r --with-node-modules --log-level=v --no-color --no-error-on-unmatched-pattern --stdin-filepath=v --cache --cache-strategy=v --parser=v --print-width=v --tab-width=v --use-tabs --no-semi --single-quote --jsx-single-quote --quote-props=v --trailing-comma=v --no-bracket-spacing --bracket-same-line --arrow-parens=v --end-of-line=v --prose-wrap=v --embedded-language-formatting=v --single-attribute-per-line --object-wrap=v --experimental-ternaries --debug-check --file-info=v --support-info",
    special: { "--cache-location=w": {}, "--plugin=r": {} },
    examples: { approve: ["prettier --check .", "prettier -w src"], notApprove: [] },
  },
  biome: {
    version: "biome 2",
    opts: "--colors=v --use-server --verbose --config-path=r --max-diagnostics=v --skip-parse-errors --no-errors-on-unmatched --error-on-warnings --reporter=v --log-level=v --log-kind=v --diagnostic-level=v",
    sub: {
      "check|lint|format|ci": {
        operands: "any",
        opts: "--write --fix --unsafe --staged --changed --since=v --formatter-enabled=v --linter-enabled=v --assist-enabled=v --enforce-assist=v --stdin-file-path=v --only=v --skip=v --vcs-enabled=v --vcs-use-ignore-file=v --files-ignore-unknown=v --indent-style=v --indent-width=v --line-width=v --no-errors-on-unmatched --error-on-warnings --max-diagnostics=v --reporter=v --colors=v --verbose --diagnostic-level=v --config-path=r --threads=v --javascript-formatter-enabled=v --json-formatter-enabled=v",
        special: { "--log-file=w": {} },
      },
      "version|rage|explain|init|migrate|search": { operands: "any" },
    },
    examples: { approve: ["biome check --write src", "biome ci ."], notApprove: ["biome start"] },
  },
  turbo: {
    version: "turbo 2",
    opts: "--color --no-color --cwd=d --heap=v --login=v --no-update-notifier --preflight --remote-cache-timeout=v --team=v --token=v --trace=v --verbosity=v -v --skip-infer --dangerously-disable-package-manager-check --root-turbo-json=r",
    sub: {
      run: {
        operands: "any",
        opts: "--cache-dir=w --concurrency=v --continue[=v] --dry-run[=v] --dry[=v] -F|--filter=v --affected --force --framework-inference=v --global-deps=v --graph[=v] --env-mode=v --no-cache --no-daemon --daemon --output-logs=v --log-order=v --only --parallel --profile=w --anon-profile=w --remote-only --remote-cache-read-only --summarize --log-prefix=v --cache=v --ui=v --experimental-write-cache",
      },
      "ls|prune|query|info|boundaries|scan": { operands: "any" },
    },
    scriptFallback: false,
    examples: {
      approve: ["turbo run build", "turbo run test --filter=@automode/engine..."],
      notApprove: [],
    },
  },
  tsx: {
    version: "tsx 4",
    operands: "any",
    stopAtOperand: true,
    opts: "--tsconfig=r --no-cache -w|--watch --clear-screen --include=v --exclude=v --conditions=v --env-file=r --import=r --require|-r=r",
    special: { "-e|--eval|-p|--print=c": { dynamic: "tsx --eval runs inline code" } },
  },
  publint: { version: "publint 0.3", opts: "--level=v --strict --pack=v" },
  changeset: {
    version: "changesets 2",
    opts: "--empty --open --since=v --verbose --output=w --snapshot[=v] --snapshot-prerelease-template=v --ignore=v",
    sub: {
      add: { opts: "--empty --open --since=v" },
      version: { opts: "--ignore=v --snapshot[=v] --snapshot-prerelease-template=v" },
      status: { opts: "--verbose --output=w --since=v" },
      pre: { operands: "any" },
      tag: {},
      init: {},
      publish: { operands: "any", opts: "--otp=v --tag=v --no-git-tag" },
    },
  },
};
