import type { ProgramSpec } from "./dsl.js";

/**
 * Go 1.25 (`go help build`, `go help testflag`) and Cargo 1.95 (`cargo <cmd> --help`).
 * Go's flag package spells every flag with one dash (or two) and never clusters; cargo's
 * clap parser takes no abbreviations.
 */
const GO_BUILD =
  "-a -n -p=v -race -msan -asan -cover -covermode=v -coverpkg=v -v -work -x -asmflags=v -buildmode=v -buildvcs=v -compiler=v -gccgoflags=v -gcflags=v -installsuffix=v -ldflags=v -linkshared -mod=v -tags=v -trimpath -json -modcacherw -pgo=r -overlay=r -modfile=r";
const GO_SPECIAL = {
  "-toolexec=x": {},
  "-exec=x": {},
  "-o=w": {},
  "-pkgdir=w": {},
  "-C=d": {},
};

const GO_TEST =
  "-bench=v -benchmem -benchtime=v -count=v -cpu=v -failfast -fullpath -fuzz=v -fuzztime=v -fuzzminimizetime=v -json -list=v -parallel=v -run=v -short -shuffle=v -skip=v -timeout=v -vet=v -c -args";
const GO_TEST_WRITES = {
  "-coverprofile|-cpuprofile|-memprofile|-blockprofile|-mutexprofile|-trace|-outputdir|-test.coverprofile=w":
    {},
};

export const GO: ProgramSpec = {
  version: "go 1.25",
  singleDashLong: true,
  examples: {
    approve: ["go build ./...", "go test -run TestX -count=1 ./pkg/...", "go vet ./..."],
    notApprove: [
      "go test -exec='rm -rf ~' ./...",
      "go build -toolexec='rm -rf ~' ./...",
      "go mod tidy",
      "go build -o /usr/local/bin/x .",
    ],
  },
  sub: {
    build: { operands: "any", singleDashLong: true, opts: GO_BUILD, special: GO_SPECIAL },
    test: {
      operands: "any",
      singleDashLong: true,
      opts: `${GO_BUILD} ${GO_TEST}`,
      special: { ...GO_SPECIAL, ...GO_TEST_WRITES },
    },
    vet: {
      operands: "any",
      singleDashLong: true,
      opts: `${GO_BUILD} -vettool=x`,
      special: { ...GO_SPECIAL, "-vettool=x": {} },
    },
    run: {
      operands: "any",
      singleDashLong: true,
      stopAtOperand: true,
      opts: GO_BUILD,
      special: GO_SPECIAL,
    },
    fmt: { operands: "any", singleDashLong: true, opts: "-n -x -mod=v" },
    generate: { operands: "any", singleDashLong: true, opts: `${GO_BUILD} -run=v -skip=v` },
    version: { operands: "any", singleDashLong: true, opts: "-m -v -json" },
    env: {
      operands: "any",
      singleDashLong: true,
      opts: "-json -changed",
      special: { "-w|-u": { class: "global-config", why: "changes the user's go environment" } },
    },
    list: {
      operands: "any",
      singleDashLong: true,
      opts: `${GO_BUILD} -compiled -deps -e -export -f=v -find -test -m -u -versions -retracted -reuse=r`,
    },
    doc: { operands: "any", singleDashLong: true, opts: "-all -c -cmd -short -src -u" },
    get: { operands: "any", singleDashLong: true, opts: `${GO_BUILD} -t -u -tool` },
    install: { operands: "any", singleDashLong: true, opts: GO_BUILD, special: GO_SPECIAL },
    clean: {
      operands: "any",
      singleDashLong: true,
      opts: "-i -n -r -x -cache -testcache -modcache -fuzzcache",
    },
    work: { operands: "any" },
    mod: {
      singleDashLong: true,
      sub: {
        tidy: { singleDashLong: true, opts: "-e -v -x -go=v -compat=v -diff" },
        download: { operands: "any", singleDashLong: true, opts: "-json -x -reuse=r" },
        vendor: { singleDashLong: true, opts: "-e -v -o=w" },
        graph: { singleDashLong: true, opts: "-go=v -x" },
        why: { operands: "any", singleDashLong: true, opts: "-m -vendor" },
        verify: {},
        init: { operands: "any" },
        edit: {
          operands: "any",
          singleDashLong: true,
          opts: "-fmt -module=v -go=v -toolchain=v -require=v -droprequire=v -exclude=v -dropexclude=v -replace=v -dropreplace=v -retract=v -dropretract=v -tool=v -droptool=v -print -json",
        },
      },
    },
  },
};

/** staticcheck 2025.1 (`staticcheck -h`): Go's flag package, one dash. */
export const STATICCHECK: ProgramSpec = {
  version: "staticcheck 2025.1",
  singleDashLong: true,
  operands: "any",
  opts: "-checks=v -explain=v -f=v -fail=v -go=v -list-checks -matrix -merge -show-ignored -tags=v -tests -version -debug.version -debug.no-compile-errors -debug.run-quickfix-analyzers",
  special: {
    "-debug.cpuprofile|-debug.memprofile|-debug.trace|-debug.measure-analyzers|-debug.unused-graph=w":
      {},
  },
  examples: {
    approve: ["staticcheck ./...", "staticcheck -checks=all,-ST1000 -tests=false ./pkg/..."],
    notApprove: ["staticcheck -debug.trace=/etc/x ./...", "staticcheck -frob ./..."],
  },
};

const CARGO_COMMON =
  "-q|--quiet -v|--verbose -vv --color=v --locked --offline --frozen -Z=v --message-format=v";
const CARGO_TARGETS =
  "-p|--package=v --workspace --all --exclude=v --lib --bins --bin=v --examples --example=v --tests --test=v --benches --bench=v --all-targets -F|--features=v --all-features --no-default-features -r|--release --profile=v -j|--jobs=v --keep-going --target=v --timings[=v] --future-incompat-report --ignore-rust-version --unit-graph --build-plan";
const CARGO_SPECIAL = {
  "--target-dir|--artifact-dir|--out-dir=w": {},
  "--manifest-path|--lockfile-path=r": {},
  "--config=v": { dynamic: "cargo --config can set a wrapper or runner that cargo runs" },
  "-C=d": {},
};

/**
 * cargo-nextest 0.9 (`cargo nextest run --help`): the common flags of `run` and `list`.
 * Test filters are operands; words after `--` go to the test binaries.
 */
const NEXTEST_COMMON =
  "--color=v -v|--verbose --hide-progress-bar --no-output-indent --frozen --locked --offline -Z=v";
const NEXTEST_SPECIAL = {
  "--manifest-path|--config-file|--tool-config-file=r": {},
  "--config=v": { dynamic: "cargo --config can set a wrapper or runner that cargo runs" },
};
const NEXTEST_BUILD =
  "-p|--package=v --workspace --exclude=v --all --lib --bin=v --bins --example=v --examples --test=v --tests --bench=v --benches --all-targets -F|--features=v --all-features --no-default-features --build-jobs=v -r|--release --cargo-profile=v --target=v --timings[=v] --cargo-quiet --cargo-verbose --ignore-rust-version --unit-graph --future-incompat-report --cargo-message-format=v -E|--filterset|--filter-expr=v --run-ignored=v --partition=v --ignore-default-filter -P|--profile=v --message-format=v --message-format-version=v";
const NEXTEST_RUN =
  "--no-capture|--nocapture --no-fail-fast --fail-fast --max-fail=v -j|--test-threads=v --retries=v --status-level=v --final-status-level=v --failure-output=v --success-output=v --no-tests=v --show-progress=v --no-run --stress-count=v --stress-duration=v --debugger=x --tracer=x";
const NEXTEST_TARGET_DIR = { "--target-dir=w": {} };
const NEXTEST: Readonly<Record<string, ProgramSpec>> = {
  "run|r": {
    operands: "any",
    opts: `${NEXTEST_COMMON} ${NEXTEST_BUILD} ${NEXTEST_RUN}`,
    special: { ...NEXTEST_SPECIAL, ...NEXTEST_TARGET_DIR },
  },
  list: {
    operands: "any",
    opts: `${NEXTEST_COMMON} ${NEXTEST_BUILD} -T --list-type=v`,
    special: { ...NEXTEST_SPECIAL, ...NEXTEST_TARGET_DIR },
  },
  "show-config": { operands: "any", opts: NEXTEST_COMMON, special: NEXTEST_SPECIAL },
};

export const CARGO: ProgramSpec = {
  version: "cargo 1.95",
  opts: `-V --list --explain=v ${CARGO_COMMON}`,
  special: CARGO_SPECIAL,
  examples: {
    approve: [
      "cargo build --release",
      "cargo test -p core -- --nocapture",
      "cargo clippy --all-targets -- -D warnings",
      "cargo fmt --check",
      "cargo --version",
      "cargo nextest run",
      "cargo nextest run -p core --no-fail-fast test_parse",
    ],
    notApprove: [
      "cargo build --config 'build.rustc-wrapper=\"./x\"'",
      "cargo frob",
      "cargo nextest run --target-dir /tmp/t",
      "cargo nextest run --debugger 'rm -rf ~'",
    ],
  },
  sub: {
    "build|b|check|c|doc|d": {
      operands: "any",
      opts: `${CARGO_COMMON} ${CARGO_TARGETS} --open --no-deps --document-private-items`,
      special: CARGO_SPECIAL,
    },
    "test|t|bench": {
      operands: "any",
      opts: `${CARGO_COMMON} ${CARGO_TARGETS} --no-run --no-fail-fast --doc`,
      special: CARGO_SPECIAL,
    },
    "run|r": { operands: "any", opts: `${CARGO_COMMON} ${CARGO_TARGETS}`, special: CARGO_SPECIAL },
    clippy: {
      operands: "any",
      opts: `${CARGO_COMMON} ${CARGO_TARGETS} --fix --allow-dirty --allow-staged --allow-no-vcs --no-deps --broken-code`,
      special: CARGO_SPECIAL,
    },
    fmt: {
      operands: "any",
      opts: "-q|--quiet -v|--verbose --all --check -p|--package=v --message-format=v",
      special: { "--manifest-path=r": {} },
    },
    clean: {
      operands: "any",
      opts: `${CARGO_COMMON} -p|--package=v -r|--release --profile=v --target=v --doc -n|--dry-run`,
      special: CARGO_SPECIAL,
    },
    "new|init": {
      operands: "any",
      opts: `${CARGO_COMMON} --bin --lib --edition=v --name=v --vcs=v --registry=v`,
    },
    tree: {
      operands: "any",
      opts: `${CARGO_COMMON} -p|--package=v --workspace -e|--edges=v -i|--invert=v --prune=v --depth=v --prefix=v --no-dedupe -d|--duplicates --charset=v -f|--format=v -F|--features=v --all-features --no-default-features --target=v`,
      special: CARGO_SPECIAL,
    },
    metadata: {
      opts: `${CARGO_COMMON} --format-version=v --no-deps --filter-platform=v -F|--features=v --all-features --no-default-features`,
      special: CARGO_SPECIAL,
    },
    "add|remove|rm": {
      operands: "any",
      opts: `${CARGO_COMMON} -p|--package=v --dev --build --target=v -F|--features=v --optional --no-optional --rename=v --path=v --git=h --branch=v --tag=v --rev=v --registry=v --default-features --no-default-features -n|--dry-run`,
      special: CARGO_SPECIAL,
    },
    "update|fetch|generate-lockfile": {
      operands: "any",
      opts: `${CARGO_COMMON} -p|--package=v --aggressive --recursive --precise=v -w|--workspace -n|--dry-run --breaking --target=v`,
      special: CARGO_SPECIAL,
    },
    install: {
      operands: "any",
      opts: `${CARGO_COMMON} --version=v --git=h --branch=v --tag=v --rev=v --path=v --list --force -f --no-track --bin=v --bins --example=v --examples --root=w --registry=v --index=h -F|--features=v --all-features --no-default-features --debug --profile=v --target=v -j|--jobs=v`,
    },
    uninstall: { operands: "any" },
    publish: {
      operands: "any",
      opts: `${CARGO_COMMON} --dry-run -n --no-verify --allow-dirty --index=h --registry=v --token=v -p|--package=v --workspace`,
    },
    "search|login|logout|owner|yank": { operands: "any" },
    package: {
      operands: "any",
      opts: `${CARGO_COMMON} -l|--list --no-verify --allow-dirty --no-metadata -p|--package=v --workspace`,
      special: CARGO_SPECIAL,
    },
    "version|help|locate-project|pkgid|verify-project|vendor|report|info": { operands: "any" },
    nextest: { opts: NEXTEST_COMMON, special: NEXTEST_SPECIAL, sub: NEXTEST },
  },
};
