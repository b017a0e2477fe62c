import type { ProgramSpec } from "./dsl.js";

/**
 * Python tooling: pip 25, pytest 9, ruff 0.14, mypy 1.18, black 25, uv 0.9, poetry 2.
 * argparse takes unique prefixes of long options (`allow_abbrev`), so pip, mypy, black and
 * pytest's own options are marked `abbrev`.
 */
const PIP_COMMON =
  "-v|--verbose -q|--quiet --isolated --require-virtualenv --python=v --no-input --proxy=h --retries=v --timeout=v --exists-action=v --trusted-host=h --cert=r --client-cert=r --no-cache-dir --disable-pip-version-check --no-color --no-python-version-warning --use-feature=v --use-deprecated=v --keyring-provider=v --resume-retries=v --debug";

const PIP_INSTALL_OPTS =
  "-r|--requirement=r -c|--constraint=r -e|--editable=v --no-deps --pre --dry-run -U|--upgrade --upgrade-strategy=v --force-reinstall -I|--ignore-installed --ignore-requires-python --no-build-isolation --use-pep517 --check-build-dependencies --break-system-packages --no-clean --compile --no-compile --no-warn-script-location --no-warn-conflicts --no-binary=v --only-binary=v --prefer-binary --require-hashes --progress-bar=v --root-user-action=v --report=w -i|--index-url=h --extra-index-url=h --no-index -f|--find-links=v --group=v -C|--config-settings=v --platform=v --python-version=v --implementation=v --abi=v";

export const PIP: ProgramSpec = {
  version: "pip 25",
  abbrev: true,
  globalsInherited: true,
  opts: PIP_COMMON,
  special: { "--log=w": {}, "--cache-dir=w": {} },
  examples: {
    approve: ["pip list", "pip show requests", "pip freeze"],
    notApprove: ["pip frobnicate"],
  },
  sub: {
    install: {
      operands: "any",
      opts: PIP_INSTALL_OPTS,
      special: {
        "--user": { class: "global-config", why: "installs into the user's site-packages" },
        "-t|--target|--prefix|--root|--src=w": {},
      },
    },
    uninstall: {
      operands: "any",
      opts: "-r|--requirement=r -y|--yes --root-user-action=v --break-system-packages",
    },
    download: { operands: "any", opts: `${PIP_INSTALL_OPTS} -d|--dest=w` },
    list: {
      opts: "-o|--outdated -u|--uptodate -e|--editable -l|--local --user --path=v --pre --format=v --not-required --exclude-editable --include-editable --exclude=v -i|--index-url=h --extra-index-url=h --no-index",
    },
    show: { operands: "any", opts: "-f|--files" },
    freeze: {
      opts: "-r|--requirement=r -l|--local --user --path=v --all --exclude-editable --exclude=v",
    },
    check: {},
    help: { operands: "any" },
    config: {
      sub: { "list|get": { operands: "any" }, "set|unset|edit|debug": { operands: "any" } },
    },
    inspect: { opts: "--local --user --path=v" },
    wheel: { operands: "any", opts: `${PIP_INSTALL_OPTS} -w|--wheel-dir=w` },
    index: { sub: { versions: { operands: "any" } } },
  },
};

/** coverage.py 7.10 (`coverage <command> --help`); optparse takes unique prefixes. */
const COV_COMMON = "--debug=v -h|--help";
const COV_REPORTING = "--include=v --omit=v -i|--ignore-errors --fail-under=v --skip-empty";

export const COVERAGE: ProgramSpec = {
  version: "coverage.py 7.10",
  abbrev: true,
  opts: "--version -h|--help",
  examples: {
    approve: [
      "coverage run -m pytest",
      "coverage run --branch -m pytest -q tests",
      "coverage run tools/gen.py",
      "coverage report -m",
      "coverage html -d htmlcov",
      "coverage xml -o coverage.xml",
    ],
    notApprove: [
      "coverage run -m pip install requests",
      "coverage run -m http.server",
      "coverage run --frobnicate -m pytest",
      "coverage xml -o /etc/cov.xml",
      "coverage run --data-file=.claudeignore -m pytest",
      "coverage run --rcfile=/etc/shadow -m pytest",
    ],
  },
  sub: {
    run: {
      abbrev: true,
      operands: "any",
      // `coverage run [opts] -m MODULE args…` / `coverage run [opts] FILE args…`: the words
      // after the first operand belong to the program it runs.
      stopAtOperand: true,
      opts: `${COV_COMMON} -a|--append --branch --concurrency=v --context=v --include=v --omit=v -m|--module -L|--pylib -p|--parallel-mode --no-parallel-mode --save-signal=v --source=v --timid`,
      special: { "--data-file=w": {}, "--rcfile=r": {} },
    },
    report: {
      abbrev: true,
      operands: "any",
      opts: `${COV_COMMON} ${COV_REPORTING} --contexts=v --format=v --precision=v --sort=v -m|--show-missing --skip-covered --no-skip-covered`,
      special: { "--data-file|--rcfile=r": {} },
    },
    html: {
      abbrev: true,
      operands: "any",
      opts: `${COV_COMMON} ${COV_REPORTING} --contexts=v --precision=v -q|--quiet --show-contexts --skip-covered --no-skip-covered --title=v`,
      special: { "-d|--directory=w": {}, "--data-file|--rcfile=r": {} },
    },
    "xml|lcov": {
      abbrev: true,
      operands: "any",
      opts: `${COV_COMMON} ${COV_REPORTING} -q|--quiet`,
      special: { "-o=w": {}, "--data-file|--rcfile=r": {} },
    },
    json: {
      abbrev: true,
      operands: "any",
      opts: `${COV_COMMON} ${COV_REPORTING} --contexts=v --pretty-print -q|--quiet --show-contexts`,
      special: { "-o=w": {}, "--data-file|--rcfile=r": {} },
    },
    erase: { abbrev: true, opts: COV_COMMON, special: { "--data-file=w": {}, "--rcfile=r": {} } },
    combine: {
      abbrev: true,
      operands: "any",
      opts: `${COV_COMMON} -a|--append --keep -q|--quiet`,
      special: { "--data-file=w": {}, "--rcfile=r": {} },
    },
    debug: { operands: "any", opts: COV_COMMON, special: { "--data-file|--rcfile=r": {} } },
    help: { operands: "any" },
  },
};

export const PYTHON_TOOLS: Readonly<Record<string, ProgramSpec>> = {
  // `python -m unittest` (CPython 3.13 `python -m unittest -h`, `… discover -h`). The
  // discover options are accepted without the word `discover` too: argparse rejects them
  // there, which is no effect to judge.
  unittest: {
    version: "CPython 3.13",
    abbrev: true,
    operands: "any",
    opts: "-v|--verbose -q|--quiet --locals --durations=v -f|--failfast -c|--catch -b|--buffer -k=v -s|--start-directory=v -p|--pattern=v -t|--top-level-directory=v",
    examples: {
      approve: [
        "python -m unittest",
        "python -m unittest discover -s tests",
        "python -m unittest -v tests.test_app",
      ],
      notApprove: ["python -m unittest --frobnicate"],
    },
  },
  // `python -m venv` (CPython 3.13 `python -m venv -h`): the operands are the folders it
  // creates (a write each, see `tables/files.ts`).
  venv: {
    version: "CPython 3.13",
    abbrev: true,
    operands: "any",
    opts: "--system-site-packages --symlinks --copies --clear --upgrade --without-pip --prompt=v --upgrade-deps --without-scm-ignore-files",
    examples: {
      approve: ["python -m venv .venv", "python3 -m venv --upgrade-deps .venv"],
      notApprove: ["python -m venv /opt/env", "python -m venv ~/.venvs/x"],
    },
  },
  pytest: {
    version: "pytest 9",
    abbrev: true,
    opts: "-k=v -m=v --markers -x|--exitfirst --fixtures|--funcargs --fixtures-per-test --pdb --trace --capture=v -s --runxfail --lf|--last-failed --ff|--failed-first --nf|--new-first --cache-show[=v] --cache-clear --lfnf|--last-failed-no-failures=v --sw|--stepwise --sw-skip|--stepwise-skip --sw-reset|--stepwise-reset --durations=v --durations-min=v -v|--verbose --no-header --no-summary --no-fold-skipped -q|--quiet --verbosity=v -r=v --disable-warnings|--disable-pytest-warnings -l|--showlocals --no-showlocals --tb=v --xfail-tb --show-capture=v --full-trace --color=v --code-highlight=v --pastebin=v --junit-prefix=v --strict-config --strict-markers --strict -c|--config-file=r --continue-on-collection-errors --rootdir=v --collect-only|--co --pyargs --ignore=v --ignore-glob=v --deselect=v --confcutdir=v --noconftest --keep-duplicates --collect-in-virtualenv --import-mode=v --doctest-modules --doctest-report=v --doctest-glob=v --doctest-ignore-import-errors --doctest-continue-on-failure --version -V --debug[=w]  --assert=v --setup-only --setup-show --setup-plan --log-level=v --log-format=v --log-date-format=v --log-cli-level=v --log-cli-format=v --log-cli-date-format=v --log-file-level=v --log-file-mode=v --log-file-format=v --log-file-date-format=v --log-auto-indent=v --log-disable=v -W|--pythonwarnings=v -n=v --numprocesses=v --dist=v --maxfail=v --cov[=v] --cov-report=v --cov-fail-under=v --no-cov --timeout=v --reruns=v --asyncio-mode=v --benchmark-skip --benchmark-only --snapshot-update --hypothesis-show-statistics",
    special: {
      "--junitxml|--junit-xml|--log-file|--resultlog|--report-log=w": {},
      "--basetemp=v": {
        destructive: "pytest --basetemp empties the folder it is given before the run",
      },
      "-p=v": { dynamic: "pytest -p loads a plugin module" },
      "-o|--override-ini=v": {
        dynamic: "pytest -o overrides configuration such as cache_dir and addopts",
      },
    },
    examples: {
      approve: ["pytest", "pytest -x -q tests/test_a.py", "pytest -k parse --lf"],
      notApprove: ["pytest --junitxml=.claudeignore", "pytest --basetemp=src", "pytest -p evil"],
    },
  },
  ruff: {
    version: "ruff 0.14",
    opts: "--config=v --isolated -v|--verbose -q|--quiet -s|--silent",
    sub: {
      check: {
        operands: "any",
        opts: "--fix --no-fix --unsafe-fixes --no-unsafe-fixes --show-fixes --no-show-fixes --diff -w|--watch --fix-only --no-fix-only --ignore-noqa --output-format=v --target-version=v --preview --no-preview --extension=v --statistics --add-noqa --show-files --show-settings --select=v --ignore=v --extend-select=v --per-file-ignores=v --extend-per-file-ignores=v --exclude=v --extend-exclude=v --fixable=v --unfixable=v --extend-fixable=v --respect-gitignore --no-respect-gitignore --force-exclude --no-force-exclude --line-length=v --dummy-variable-rgx=v --no-cache --stdin-filename=v -e|--exit-zero --exit-non-zero-on-fix --config=v --isolated -v|--verbose -q|--quiet -s|--silent",
        special: { "-o|--output-file|--cache-dir=w": {} },
      },
      format: {
        operands: "any",
        opts: "--check --diff --no-cache --stdin-filename=v --exit-non-zero-on-format --target-version=v --preview --no-preview --exclude=v --respect-gitignore --no-respect-gitignore --force-exclude --line-length=v --range=v --config=v --isolated -v|--verbose -q|--quiet -s|--silent",
        special: { "--cache-dir=w": {} },
      },
      "rule|config|linter|version|clean|analyze": {
        operands: "any",
        opts: "--all --output-format=v",
      },
    },
    examples: {
      approve: ["ruff check .", "ruff check --fix src", "ruff format --check ."],
      notApprove: ["ruff check -o .claudeignore ."],
    },
  },
  mypy: {
    version: "mypy 1.18",
    abbrev: true,
    opts: "-v|--verbose -V --config-file=r --warn-unused-configs --no-namespace-packages --ignore-missing-imports --follow-imports=v  --python-version=v --platform=v --always-true=v --always-false=v --disallow-any-unimported --disallow-any-expr --disallow-any-decorated --disallow-any-explicit --disallow-any-generics --disallow-subclassing-any --disallow-untyped-calls --disallow-untyped-defs --disallow-incomplete-defs --check-untyped-defs --disallow-untyped-decorators --implicit-optional --no-implicit-optional --no-strict-optional --warn-redundant-casts --warn-unused-ignores --no-warn-no-return --warn-return-any --warn-unreachable --allow-untyped-globals --allow-redefinition --no-implicit-reexport --strict-equality --strict --disable-error-code=v --enable-error-code=v --show-error-context --show-column-numbers --show-error-end --hide-error-codes --pretty --no-color-output --no-error-summary --show-absolute-path --incremental --no-incremental --sqlite-cache --skip-version-check --skip-cache-mtime-checks --pdb --show-traceback --tb --raise-exceptions --custom-typing-module=v --custom-typeshed-dir=v --warn-incomplete-stub --shadow-file=v --no-site-packages --no-silence-site-packages --junit-format=v --exclude=v -m|--module=v -p|--package=v -c|--command=v --explicit-package-bases --install-types --non-interactive --namespace-packages --check --scripts-are-modules --local-partial-types --extra-checks --follow-untyped-imports",
    special: {
      "--python-executable=x": {},
      "--cache-dir|--junit-xml|--html-report|--txt-report|--xml-report|--linecount-report|--any-exprs-report|--cobertura-xml-report|--lineprecision-report|--linecoverage-report|--xslt-html-report|--xslt-txt-report=w":
        {},
    },
    examples: {
      approve: ["mypy src", "mypy --strict ."],
      notApprove: ["mypy --junit-xml=.claudeignore src"],
    },
  },
  black: {
    version: "black 25",
    abbrev: true,
    opts: "-c|--code=v -l|--line-length=v -t|--target-version=v --pyi --ipynb --python-cell-magics=v -x|--skip-source-first-line -S|--skip-string-normalization -C|--skip-magic-trailing-comma --preview --unstable --enable-unstable-feature=v --check --diff --color --no-color --line-ranges=v --fast --safe --required-version=v --exclude=v --extend-exclude=v --force-exclude=v --stdin-filename=v --include=v -W|--workers=v -q|--quiet -v|--verbose --config=r",
  },
  isort: {
    version: "isort 6",
    opts: "--check-only|-c --diff --profile=v -l|--line-length=v --atomic -q|--quiet -v|--verbose --settings-path|--sp=r --skip=v --skip-glob=v --filter-files --gitignore --float-to-top --ca|--combine-as --force-sort-within-sections --py=v --src=v",
  },
  flake8: {
    version: "flake8 7",
    opts: "-v|--verbose -q|--quiet --count --exclude=v --extend-exclude=v --filename=v --stdin-display-name=v --format=v --hang-closing --ignore=v --extend-ignore=v --per-file-ignores=v --max-line-length=v --max-doc-length=v --indent-size=v --select=v --extend-select=v --disable-noqa --show-source --no-show-source --statistics --exit-zero -j|--jobs=v --benchmark --bug-report --config=r --append-config=r --isolated --max-complexity=v",
    special: { "--output-file=w": {}, "--tee": {} },
  },
  pyright: {
    version: "pyright 1.1",
    opts: "-p|--project=r --pythonpath=v --pythonplatform=v --pythonversion=v --level=v --outputjson --skipunannotated --stats --threads[=v] -t|--typeshedpath=v --venvpath=v --verbose --version -w|--watch --warnings --verifytypes=v --ignoreexternal --dependencies --createstub=v",
  },
  pylint: {
    version: "pylint 3",
    abbrev: true,
    opts: "--rcfile=r --disable=v --enable=v -d=v -e=v -j|--jobs=v --output-format=v -f=v --reports=v -r=v --score=v -s=v --errors-only -E --exit-zero --fail-under=v --fail-on=v --ignore=v --ignore-patterns=v --recursive=v --max-line-length=v -v|--verbose",
    special: {
      "--output=w": {},
      "--load-plugins|--init-hook=c": {
        dynamic: "pylint --load-plugins/--init-hook runs Python code",
      },
    },
  },
  tox: {
    version: "tox 4",
    opts: "-e=v -p|--parallel[=v] -r|--recreate -q|--quiet -v|--verbose --notest --skip-missing-interpreters[=v] -m=v -f=v --skip-pkg-install --no-provision --develop -x|--override=v -c|--conf=r --root=v --workdir=w",
    operands: "any",
  },
  nox: {
    version: "nox 2025",
    opts: "-s|--sessions|--session=v -k=v -t|--tags=v -l|--list -r|--reuse-existing-virtualenvs -R -p|--python=v -f|--noxfile=r --no-venv --no-install --stop-on-first-error --error-on-missing-interpreters -x --non-interactive",
    operands: "any",
  },
};

export const UV: ProgramSpec = {
  version: "uv 0.9",
  globalsInherited: true,
  opts: "-q|--quiet -v|--verbose --color=v --native-tls --offline --no-progress --no-config --directory|--project=d --python=v -p=v --no-python-downloads --managed-python --no-managed-python --frozen --locked --no-sync --all-packages --package=v --all-extras --extra=v --no-dev --dev --group=v --only-group=v --no-default-groups --index=h --default-index=h --index-url=h --extra-index-url=h --prerelease=v --resolution=v --upgrade -U --upgrade-package=v --reinstall --no-build-isolation --no-cache -n --cache-dir=w --refresh --link-mode=v --compile-bytecode --exact --inexact --no-install-project --no-editable",
  sub: {
    pip: PIP,
    "add|remove": {
      operands: "any",
      opts: "--dev -D --optional=v --group=v --editable --raw --bounds=v --rev=v --tag=v --branch=v --no-sync --frozen --locked --script=v --workspace -r|--requirements=r",
    },
    "sync|lock": {
      opts: "--check --dry-run --script=v --all-groups --inexact --exact --no-install-workspace --only-dev",
    },
    venv: {
      operands: "any",
      opts: "--seed --prompt=v --system-site-packages --allow-existing --relocatable --clear",
    },
    run: {
      operands: "any",
      stopAtOperand: true,
      opts: "--with=v --with-editable=v --with-requirements=r --isolated --env-file=r --no-env-file -m|--module --script -s --gui-script --no-project --only-dev",
    },
    build: {
      operands: "any",
      opts: "--sdist --wheel --all-packages -o|--out-dir=w --build-constraint=r",
    },
    tree: { opts: "--depth=v -d --outdated --invert --no-dedupe --universal --prune=v" },
    tool: { operands: "any" },
    python: { operands: "any" },
    publish: { operands: "any" },
    "version|help|export|init|cache|self|format": { operands: "any" },
  },
};

export const POETRY: ProgramSpec = {
  version: "poetry 2",
  globalsInherited: true,
  opts: "-q|--quiet -v|--verbose -vv -vvv -n|--no-interaction --ansi --no-ansi --no-plugins --no-cache -P|--project=d -C|--directory=d",
  sub: {
    "install|add|remove|update|lock|check|show|build|publish|shell|env|init|new|version|export|search|about|list|sync":
      {
        operands: "any",
        opts: "--without=v --with=v --only=v --sync --no-root --no-directory --dry-run --extras=v -E=v --all-extras --all-groups --compile --only-root -G|--group=v -D|--dev -e|--editable --optional=v --allow-prereleases --source=v --lock --tree --latest -l --outdated -o --top-level -T --why --no-update --regenerate -f|--format=v -o|--output=w",
      },
    run: { operands: "any", stopAtOperand: true },
    "config|self|source|cache|debug": { operands: "any" },
  },
};
