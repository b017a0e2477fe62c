import type { ProgramSpec } from "./dsl.js";

/**
 * The options of interpreters that run a project file (node 20, CPython 3.12). Inline code
 * (`-e`, `-c`) and stdin scripts are handled in simple.ts; these models close the options
 * given with a script file: an unknown one makes the invocation unknown.
 */
export const NODE: ProgramSpec = {
  version: "node 20",
  stopAtOperand: true,
  opts: "--abort-on-uncaught-exception --allow-addons --allow-child-process --allow-fs-read=v --allow-fs-write=v --allow-wasi --allow-worker -c|--check -C|--conditions=v --cpu-prof --cpu-prof-interval=v --cpu-prof-name=v --disable-proto=v --disable-warning=v --disallow-code-generation-from-strings --dns-result-order=v --enable-source-maps --env-file=r --env-file-if-exists=r --experimental-default-type=v --experimental-eventsource --experimental-import-meta-resolve --experimental-permission --experimental-print-required-tla --experimental-require-module --experimental-strip-types --experimental-transform-types --experimental-test-coverage --experimental-test-module-mocks --experimental-vm-modules --experimental-wasm-modules --experimental-websocket --expose-gc --force-fips --frozen-intrinsics --heap-prof --heap-prof-interval=v --heap-prof-name=v --heapsnapshot-near-heap-limit=v --heapsnapshot-signal=v --huge-max-old-generation-size --input-type=v --insecure-http-parser --inspect[=v] --inspect-brk[=v] --inspect-wait[=v] --inspect-port|--debug-port=v --inspect-publish-uid=v -i|--interactive --jitless --max-http-header-size=v --max-old-space-size=v --max-semi-space-size=v --stack-size=v --no-addons --no-deprecation --no-experimental-detect-module --no-experimental-fetch --no-experimental-global-customevent --no-experimental-global-webcrypto --no-experimental-repl-await --no-experimental-require-module --no-extra-info-on-fatal-exception --no-force-async-hooks-checks --no-global-search-paths --no-warnings --openssl-legacy-provider --pending-deprecation --preserve-symlinks --preserve-symlinks-main --prof --report-compact --report-on-fatalerror --report-on-signal --report-signal=v --report-uncaught-exception --secure-heap=v --secure-heap-min=v --test --test-concurrency=v --test-force-exit --test-name-pattern=v --test-skip-pattern=v --test-only --test-reporter=v --test-shard=v --test-timeout=v --throw-deprecation --title=v --trace-deprecation --trace-exit --trace-promises --trace-sigint --trace-sync-io --trace-uncaught --trace-warnings --track-heap-objects --unhandled-rejections=v --use-bundled-ca --use-openssl-ca --v8-pool-size=v -v|--version --watch --watch-path=v --watch-preserve-output --zero-fill-buffers --experimental-detect-module --enable-network-family-autoselection --no-network-family-autoselection",
  special: {
    // A module loaded before the script: a project file is a read; `data:` or a URL is code.
    "-r|--require|--import|--loader|--experimental-loader=r": {},
    "--cpu-prof-dir|--heap-prof-dir|--diagnostic-dir|--report-dir|--report-directory|--redirect-warnings|--report-filename|--test-reporter-destination|--tls-keylog|--snapshot-blob=w":
      {},
    "--experimental-policy|--openssl-config|--icu-data-dir=r": {},
    "--experimental-network-imports": {
      dynamic: "node --experimental-network-imports runs code from URLs",
    },
    "--build-snapshot|--experimental-sea-config=v": {},
  },
  examples: {
    approve: [
      "node scripts/build.js",
      "node --test src/a.test.js",
      "node --enable-source-maps dist/index.js",
    ],
    notApprove: [
      "node --import 'data:text/javascript,1' x.js",
      "node --frob x.js",
      "node -r /tmp/evil.js x.js",
    ],
  },
};

export const PYTHON: ProgramSpec = {
  version: "CPython 3.12",
  stopAtOperand: true,
  opts: "-b -bb -B -d -E -i -I -O -OO -P -q -s -S -u -v -V --version -W=v -x -X=v --check-hash-based-pycs=v --help-env --help-xoptions --help-all",
  examples: {
    approve: ["python tools/gen.py", "python3 -u scripts/run.py --flag", "python -m pytest -q"],
    notApprove: [
      "python -Z x.py",
      "python -m pytest -p evil",
      "python -m pytest --junitxml=.claudeignore",
    ],
  },
};
