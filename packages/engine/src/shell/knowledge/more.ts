import { COREUTILS } from "./coreutils.js";
import type { ProgramSpec } from "./dsl.js";
import { SEARCH } from "./search.js";

/** Archivers, JVM and JS build tools, containers. tar 1.34, zip 3.0, docker 27, maven 3.9, gradle 8. */
const ARCHIVE: Readonly<Record<string, ProgramSpec>> = {
  tar: {
    version: "GNU tar 1.34",
    abbrev: true,
    opts: "-A|--catenate|--concatenate -c|--create -d|--diff|--compare --delete -r|--append -t|--list --test-label -u|--update -x|--extract|--get -C|--directory=v -f|--file=v -T|--files-from=r -X|--exclude-from=r --exclude=v --exclude-vcs --exclude-vcs-ignores --exclude-caches --anchored --no-anchored --wildcards --no-wildcards -v|--verbose -z|--gzip|--gunzip|--ungzip -j|--bzip2 -J|--xz --zstd --lzip --lzma --lzop -Z|--compress|--uncompress -a|--auto-compress -p|--preserve-permissions|--same-permissions -P|--absolute-names -h|--dereference -k|--keep-old-files --keep-newer-files --skip-old-files --overwrite --overwrite-dir --remove-files -m|--touch -O|--to-stdout -S|--sparse -W|--verify --strip-components=v --transform|--xform=v --owner=v --group=v --mode=v --mtime=v --numeric-owner --no-same-owner --same-owner --no-same-permissions --sort=v --format=v -H=v --totals[=v] -b|--blocking-factor=v -B|--read-full-records -i|--ignore-zeros --ignore-failed-read --one-file-system -l|--check-links --null --no-null --recursion --no-recursion -N|--newer|--after-date=v --newer-mtime=v -V|--label=v --warning=v -w|--interactive|--confirmation --force-local --no-xattrs --xattrs --acls --no-acls --selinux --show-transformed-names --index-file=w",
    special: {
      "-I|--use-compress-program|--to-command|--info-script|--new-volume-script|--rsh-command=x":
        {},
      "-F=x": {},
      "--checkpoint-action=v": { dynamic: "tar --checkpoint-action can run a command" },
      "--checkpoint[=v]": {},
    },
    examples: {
      approve: ["tar czf dist.tgz dist", "tar -xzf pkg.tgz -C tmp"],
      notApprove: ["tar --to-command='sh -c x' -xf a.tar", "tar -cf a.tar -I 'rm -rf ~' src"],
    },
  },
  zip: {
    version: "zip 3.0",
    opts: "-r|--recurse-paths -R -j|--junk-paths -q|--quiet -v|--verbose -0 -1 -2 -3 -4 -5 -6 -7 -8 -9 -x|--exclude=v -i|--include=v -u|--update -f|--freshen -d|--delete -m|--move -e|--encrypt -P|--password=v -y|--symlinks -D|--no-dir-entries -X|--no-extra -o|--latest-time -l|--to-crlf -ll|--from-crlf -n|--suffixes=v -t|--from-date=v -tt=v -A|--adjust-sfx -F|--fix -FF|--fixfix -g|--grow -T|--test -z|--archive-comment -c|--entry-comments -b|--temp-path=w -@|--names-stdin -S|--system-hidden -L|--license -sf|--show-files",
    special: {
      // zip runs the command with the archive's name appended (or put in place of `{}`).
      "-TT|--unzip-command=x": {
        dynamic:
          "zip --unzip-command runs the command on the archive, with a path automode cannot see",
      },
    },
    examples: {
      approve: ["zip -r dist.zip dist"],
      notApprove: ["zip -T -TT 'rm -rf ~' a.zip f", "zip -T -TT rm out.zip README.md"],
    },
  },
  unzip: {
    version: "unzip 6.0",
    opts: "-l -t -v -z -p -f -u -o -n -q -qq -j -C -L -X -a -aa -b -V -M -K -d=v -x=v -P=v -Z",
  },
  gzip: {
    version: "gzip 1.12",
    abbrev: true,
    opts: "-c|--stdout|--to-stdout -d|--decompress|--uncompress -f|--force -k|--keep -l|--list -n|--no-name -N|--name -q|--quiet -r|--recursive --rsyncable -S|--suffix=v --synchronous -t|--test -v|--verbose -1|--fast -2 -3 -4 -5 -6 -7 -8 -9|--best",
  },
  gunzip: {
    version: "gzip 1.12",
    abbrev: true,
    opts: "-c|--stdout|--to-stdout -f|--force -k|--keep -l|--list -n|--no-name -N|--name -q|--quiet -r|--recursive -S|--suffix=v -t|--test -v|--verbose",
  },
  bzip2: {
    version: "bzip2 1.0",
    opts: "-c|--stdout -d|--decompress -z|--compress -f|--force -k|--keep -t|--test -q|--quiet -v|--verbose -s|--small -1 -2 -3 -4 -5 -6 -7 -8 -9",
  },
  xz: {
    version: "xz 5.4",
    abbrev: true,
    opts: "-z|--compress -d|--decompress|--uncompress -t|--test -l|--list -k|--keep -f|--force -c|--stdout|--to-stdout -0 -1 -2 -3 -4 -5 -6 -7 -8 -9 -e|--extreme -T|--threads=v -q|--quiet -v|--verbose -F|--format=v -C|--check=v -S|--suffix=v",
  },
  rimraf: {
    version: "rimraf 6",
    opts: "-G|--no-glob -g|--glob --no-preserve-root --preserve-root --tmp=v --max-retries=v --retry-delay=v --backoff=v -v|--verbose -i|--interactive -I",
  },
};

const MVN =
  "-am|--also-make -amd|--also-make-dependents -B|--batch-mode -C|--strict-checksums -c|--lax-checksums -e|--errors -fae|--fail-at-end -ff|--fail-fast -fn|--fail-never -N|--non-recursive -npr|--no-plugin-registry -npu|--no-plugin-updates -nsu|--no-snapshot-updates -ntp|--no-transfer-progress -o|--offline -P|--activate-profiles=v -pl|--projects=v -q|--quiet -rf|--resume-from=v -T|--threads=v -U|--update-snapshots -V|--show-version -v|--version -X|--debug -D=v --color=v";

const JVM: Readonly<Record<string, ProgramSpec>> = {
  mvn: {
    version: "maven 3.9",
    // Goals and phases are operands; `deploy` publishes (SPEC section 5).
    opts: MVN,
    special: {
      "-f|--file=r": {},
      "-s|--settings|-gs|--global-settings|-t|--toolchains=r": {},
      "-l|--log-file=w": {},
    },
    examples: {
      approve: ["mvn test", "mvn -q package -DskipTests"],
      notApprove: ["mvn deploy", "mvn -f x.xml --frob"],
    },
  },
  gradle: {
    version: "gradle 8",
    opts: "--offline --build-cache --no-build-cache --configuration-cache --no-configuration-cache --parallel --no-parallel --daemon --no-daemon --continue -q|--quiet -w|--warn -i|--info -d|--debug -s|--stacktrace -S|--full-stacktrace --scan --no-scan -x|--exclude-task=v -m|--dry-run --refresh-dependencies --rerun-tasks --console=v --warning-mode=v -D|--system-prop=v -P|--project-prop=v --max-workers=v --status --stop --profile --watch-fs --no-watch-fs -t|--continuous --write-locks --update-locks=v -a|--no-rebuild --priority=v --tests=v",
    special: {
      "-p|--project-dir=d": {},
      "-c|--settings-file|-b|--build-file=r": {},
      "-g|--gradle-user-home|--project-cache-dir=w": {},
      "-I|--init-script=c": { dynamic: "gradle --init-script runs a Groovy/Kotlin script" },
    },
    examples: {
      approve: ["gradle build", "gradle test --tests 'a.B'"],
      notApprove: ["gradle publish", "gradle -I evil.gradle build"],
    },
  },
  javac: {
    version: "javac 17",
    singleDashLong: true,
    opts: "-g -nowarn -verbose -deprecation -classpath|-cp|--class-path=v -sourcepath|--source-path=v -source|--source=v -target|--target=v --release=v -encoding=v -Xlint[=v] -Werror -parameters -proc=v --module-path|-p=v -implicit=v",
    special: {
      "-d|-s|-h=w": {},
      "-processor|-processorpath|--processor-path=c": {
        dynamic: "javac annotation processors run code",
      },
    },
  },
  java: {
    version: "java 17",
    singleDashLong: true,
    stopAtOperand: true,
    opts: "-cp|-classpath|--class-path=v -jar -version --version -showversion -verbose -ea -da -server -D=v -X=v -p|--module-path=v -m|--module=v --add-opens=v --enable-preview -Xmx=v -Xms=v",
    special: {
      "-javaagent|-agentlib|-agentpath=c": { dynamic: "java -javaagent loads code into the JVM" },
    },
  },
};

const DOCKER_COMMON =
  "--context|-c=v -D|--debug -l|--log-level=v --tls --tlscacert=r --tlscert=r --tlskey=r --tlsverify";

const JS_TOOLS: Readonly<Record<string, ProgramSpec>> = {
  mocha: {
    version: "mocha 11",
    opts: "-A|--async-only -b|--bail --check-leaks --color --diff --dry-run --exit --fail-zero --forbid-only --forbid-pending --full-trace -g|--grep=v -f|--fgrep=v -i|--invert -j|--jobs=v -p|--parallel -R|--reporter=v -O|--reporter-option=v -r|--require=r -s|--slow=v -t|--timeout=v -u|--ui=v -w|--watch --watch-files=v --watch-ignore=v --config=r --package=r --extension=v --file=r --ignore=v --recursive --sort --spec=v -n|--node-option=v",
  },
  playwright: {
    version: "playwright 1.55",
    sub: {
      test: {
        operands: "any",
        opts: "-c|--config=r --debug --forbid-only --fully-parallel -g|--grep=v --grep-invert=v --global-timeout=v --headed --last-failed --list --max-failures=v -x --only-changed[=v] --pass-with-no-tests --project=v --quiet --repeat-each=v --reporter=v --retries=v --shard=v --timeout=v --trace=v --ui --update-snapshots[=v] -u -j|--workers=v",
        special: { "--output=w": {} },
      },
      "show-report|show-trace": { operands: "any" },
      install: { operands: "any", opts: "--with-deps --dry-run --force" },
    },
  },
  "ts-node": {
    version: "ts-node 10",
    operands: "any",
    stopAtOperand: true,
    opts: "-P|--project=r -T|--transpile-only -H|--cwd-mode -O|--compiler-options=v --esm --swc -r|--require=r",
    special: { "-e|--eval|-p|--print=c": { dynamic: "ts-node --eval runs inline code" } },
  },
  vite: {
    version: "vite 7",
    operands: "any",
    opts: "--host[=v] --port=v --open[=v] --cors --strictPort --force -c|--config=r --base=v -l|--logLevel=v --clearScreen -d|--debug[=v] -f|--filter=v -m|--mode=v --outDir=w --assetsDir=v --sourcemap[=v] --minify[=v] --emptyOutDir -w|--watch --ssr[=v] --manifest[=v] --target=v",
  },
  esbuild: {
    version: "esbuild 0.25",
    operands: "any",
    opts: "--bundle --minify --sourcemap[=v] --platform=v --format=v --target=v --external=v --loader=v --define=v --watch --servedir=v --serve[=v] --splitting --metafile=w --analyze --log-level=v --tsconfig=r --jsx=v --packages=v --main-fields=v --conditions=v",
    special: { "--outfile|--outdir=w": {} },
  },
  webpack: {
    version: "webpack 5",
    operands: "any",
    opts: "-c|--config=r --config-name=v -m|--merge --env=v --node-env=v --mode=v -w|--watch --no-watch --progress --json[=w] --analyze --stats=v -d|--devtool=v --entry=v --name=v --target=v",
    special: { "-o|--output-path=w": {} },
  },
  rollup: {
    version: "rollup 4",
    operands: "any",
    opts: "-c|--config[=r] -f|--format=v -i|--input=v -n|--name=v -m|--sourcemap[=v] -w|--watch -p|--plugin=v -e|--external=v --environment=v --silent",
    special: { "-o|--file|-d|--dir=w": {} },
  },
  tsup: {
    version: "tsup 8",
    operands: "any",
    opts: "--format=v --dts --dts-only --sourcemap --minify --watch[=v] --target=v --clean --splitting --no-splitting --treeshake --external=v --tsconfig=r --env.*=v --platform=v --config=r --silent",
    special: { "-d|--out-dir=w": {}, "--onSuccess=x": {} },
  },
  next: {
    version: "next 15",
    sub: {
      "build|dev|start|lint|info|telemetry": {
        operands: "any",
        opts: "-p|--port=v -H|--hostname=v --turbo --turbopack --debug --no-lint --profile --experimental-https --dir=v --fix",
      },
    },
  },
  nx: {
    version: "nx 21",
    scriptFallback: true,
    opts: "--verbose --skip-nx-cache --parallel[=v] --configuration|-c=v --exclude=v --projects|-p=v --targets|-t=v --base=v --head=v --graph[=v] --output-style=v --nxBail",
    sub: {
      "run|run-many|affected|show|graph|format:check|format:write|reset|report|list": {
        operands: "any",
        opts: "--verbose --skip-nx-cache --parallel[=v] --configuration|-c=v --exclude=v --projects|-p=v --targets|-t=v --target=v --base=v --head=v --all --output-style=v --nxBail --json",
      },
    },
  },
  "golangci-lint": {
    version: "golangci-lint 2",
    sub: {
      run: {
        operands: "any",
        opts: "--fix -v|--verbose -c|--config=r --no-config --timeout=v --new --new-from-rev=v --fast-only --enable=v -E=v --disable=v -D=v --default=v --build-tags=v --concurrency=v -j=v --allow-parallel-runners --out-format=v --issues-exit-code=v --tests --show-stats --max-issues-per-linter=v --max-same-issues=v --path-prefix=v --color=v",
      },
      "linters|version|help|fmt|config": { operands: "any" },
    },
  },
  bun: {
    version: "bun 1.2",
    scriptFallback: true,
    opts: "-v --revision --silent --bun --watch --hot --smol --cwd=d --env-file=r --config=r -c=r --filter=v -F=v",
    special: {
      "-e|--eval|-p|--print=c": { dynamic: "bun --eval runs inline code" },
      "-r|--preload|--require|--import=r": {},
    },
    sub: {
      "install|i|add|a|remove|rm|update|link|unlink|outdated|pm|audit|set": {
        operands: "any",
        opts: "-d|--dev|-D -E|--exact --frozen-lockfile --production -p -g|--global --dry-run --no-save --save --force -f --ignore-scripts --optional --peer --latest",
      },
      "run|test|build|create|init|x|exec|publish|upgrade": {
        operands: "any",
        stopAtOperand: true,
        opts: "--watch --timeout=v --coverage -u|--update-snapshots -t|--test-name-pattern=v --bail[=v] --rerun-each=v --only --todo --outdir=w --outfile=w --target=v --minify --sourcemap[=v] --compile --silent",
      },
    },
  },
  docker: {
    version: "docker 27",
    opts: DOCKER_COMMON,
    special: { "-H|--host=h": {}, "--config=r": {} },
    examples: {
      approve: ["docker ps", "docker images", "docker build -t app ."],
      notApprove: [
        "docker -H tcp://10.0.0.1:2375 ps",
        "docker volume rm data",
        "docker compose down -v",
        "docker build --push -t x .",
      ],
    },
    sub: {
      ps: {
        opts: "-a|--all -f|--filter=v --format=v -n|--last=v -l|--latest --no-trunc -q|--quiet -s|--size",
      },
      images: {
        operands: "any",
        opts: "-a|--all --digests -f|--filter=v --format=v --no-trunc -q|--quiet --tree",
      },
      build: {
        operands: "any",
        opts: "-t|--tag=v -f|--file=r --build-arg=v --target=v --platform=v --no-cache --pull -q|--quiet --progress=v --network=v --label=v --cache-from=v --cache-to=v --load --secret=v --ssh=v --add-host=v --iidfile=w --metadata-file=w -o|--output=w --provenance=v --sbom=v --builder=v --rm --force-rm --squash --shm-size=v -m|--memory=v --isolation=v",
        special: {
          "--push": { destructive: "docker build --push publishes the image to a registry" },
        },
      },
      logs: {
        operands: "any",
        opts: "--details -f|--follow --since=v -n|--tail=v -t|--timestamps --until=v",
      },
      inspect: { operands: "any", opts: "-f|--format=v -s|--size --type=v" },
      "version|info": { opts: "-f|--format=v" },
      pull: {
        operands: "any",
        opts: "-a|--all-tags --disable-content-trust --platform=v -q|--quiet",
      },
      push: {
        operands: "any",
        opts: "-a|--all-tags --disable-content-trust --platform=v -q|--quiet",
      },
      "stats|top|port|diff|history": {
        operands: "any",
        opts: "-a|--all --format=v --no-stream --no-trunc -q|--quiet -H|--human",
      },
      "tag|stop|kill|rm|rmi|start|restart|pause|unpause": {
        operands: "any",
        opts: "-f|--force -t|--time=v -s|--signal=v -v|--volumes -l|--link --no-prune -a|--attach -i|--interactive",
      },
      image: {
        sub: {
          "ls|list": { opts: "-a|--all --digests -f|--filter=v --format=v --no-trunc -q|--quiet" },
          "inspect|history": { operands: "any", opts: "-f|--format=v" },
          "pull|push": { operands: "any", opts: "-a|--all-tags -q|--quiet --platform=v" },
          prune: { opts: "-a|--all -f|--force --filter=v" },
          rm: { operands: "any", opts: "-f|--force --no-prune" },
          build: { operands: "any", opts: "-t|--tag=v -f|--file=r --no-cache" },
          tag: { operands: "any" },
        },
      },
      container: {
        sub: {
          "ls|list": { opts: "-a|--all -f|--filter=v --format=v -q|--quiet -s|--size -n|--last=v" },
          "inspect|logs": { operands: "any", opts: "-f|--format=v --tail=v" },
          prune: { opts: "-f|--force --filter=v" },
        },
      },
      network: {
        sub: {
          "ls|list": { opts: "-f|--filter=v --format=v -q|--quiet --no-trunc" },
          inspect: { operands: "any", opts: "-f|--format=v" },
          prune: { opts: "-f|--force --filter=v" },
          "create|rm|connect|disconnect": { operands: "any" },
        },
      },
      volume: {
        sub: {
          "ls|list": { opts: "-f|--filter=v --format=v -q|--quiet" },
          inspect: { operands: "any", opts: "-f|--format=v" },
          create: { operands: "any", opts: "-d|--driver=v -o|--opt=v --label=v" },
          prune: { opts: "-a|--all -f|--force --filter=v" },
          "rm|remove": {
            operands: "any",
            opts: "-f|--force",
            destructive: "docker volume rm deletes volumes and their data",
          },
        },
      },
      system: {
        sub: {
          df: { opts: "-v|--verbose --format=v" },
          info: { opts: "-f|--format=v" },
          prune: { opts: "-a|--all -f|--force --volumes --filter=v" },
        },
      },
      compose: {
        opts: "-f|--file=r -p|--project-name=v --profile=v --env-file=r --project-directory=d --ansi=v --progress=v --parallel=v --dry-run --compatibility",
        globalsInherited: true,
        sub: {
          ps: { operands: "any", opts: "-a|--all -q|--quiet --services --format=v --status=v" },
          logs: {
            operands: "any",
            opts: "-f|--follow -n|--tail=v -t|--timestamps --no-color --since=v --until=v",
          },
          config: {
            opts: "-q|--quiet --services --volumes --images --format=v --resolve-image-digests --no-interpolate",
            special: { "-o|--output=w": {} },
          },
          build: {
            operands: "any",
            opts: "--no-cache --pull -q|--quiet --build-arg=v --ssh=v --progress=v",
            special: {
              "--push": {
                destructive: "docker compose build --push publishes images to a registry",
              },
            },
          },
          down: {
            opts: "--remove-orphans --rmi=v -t|--timeout=v",
            special: {
              "-v|--volumes": {
                destructive:
                  "docker compose down --volumes deletes the project's volumes and their data",
              },
            },
          },
          stop: { operands: "any", opts: "-t|--timeout=v" },
        },
      },
    },
  },
};

export const MORE: Readonly<Record<string, ProgramSpec>> = {
  ...ARCHIVE,
  ...JVM,
  ...JS_TOOLS,
  egrep: SEARCH.grep as ProgramSpec,
  fgrep: SEARCH.grep as ProgramSpec,
  gawk: SEARCH.awk as ProgramSpec,
  ll: COREUTILS.ls as ProgramSpec,
  gtar: ARCHIVE.tar as ProgramSpec,
  bsdtar: ARCHIVE.tar as ProgramSpec,
  mvnw: JVM.mvn as ProgramSpec,
  gradlew: JVM.gradle as ProgramSpec,
  golangci_lint: JS_TOOLS["golangci-lint"] as ProgramSpec,
  deno: {
    version: "deno 2",
    sub: {
      "run|test|bench|check|compile|serve": {
        operands: "any",
        stopAtOperand: true,
        opts: "-A|--allow-all -P[=v] -q|--quiet --allow-read[=v] -R[=v] --allow-write[=v] -W[=v] --allow-net[=v] -N[=v] --allow-env[=v] -E[=v] --allow-sys[=v] -S[=v] --allow-run[=v] --allow-ffi[=v] --allow-import[=v] -I[=v] --deny-read[=v] --deny-write[=v] --deny-net[=v] --deny-env[=v] --deny-run[=v] --no-prompt --check[=v] --no-check[=v] -c|--config=r --no-config --import-map=r --lock[=v] --frozen[=v] --no-lock --node-modules-dir[=v] --cached-only --reload[=v] -r[=v] --watch[=v] --no-clear-screen --env-file[=r] --unstable --v8-flags[=v] --seed=v --inspect[=v] --inspect-brk[=v] --filter=v --doc --parallel --coverage[=w] --fail-fast[=v] --permit-no-files --trace-leaks --shuffle[=v] --ext=v --location=v --cert=r -o|--output=w --target=v --include=v --exclude=v",
      },
      "fmt|lint": {
        operands: "any",
        opts: "--check --fix --ext=v --ignore=v --config|-c=r --no-config --watch --quiet -q --json --compact --rules --rules-tags=v --rules-include=v --rules-exclude=v --indent-width=v --line-width=v --use-tabs --no-semicolons --single-quote --prose-wrap=v --permit-no-files",
      },
      task: {
        operands: "any",
        stopAtOperand: true,
        opts: "-c|--config=r --cwd=d -f|--filter=v -r|--recursive",
      },
      "info|doc|types|outdated": { operands: "any", opts: "--json --html --output=w --lint" },
      "install|i|add|remove|rm|uninstall|upgrade|cache|publish": {
        operands: "any",
        opts: "-g|--global -D|--dev --allow-scripts[=v] -f|--force --root=w --name=v -A|--allow-all --entrypoint=v --dry-run --allow-dirty",
      },
    },
  },
  "7z": {
    version: "7-Zip 16.02 (p7zip)",
    sub: {
      "a|u": {
        operands: "any",
        opts: "-r -t=v -mx=v -p=v -mhe=v -v=v -x=v -i=v -y -bd -bb=v -sdel",
        special: { "-o=w": {} },
      },
      "x|e": {
        operands: "any",
        opts: "-r -t=v -p=v -x=v -i=v -y -aoa -aos -aou -aot -bd",
        special: { "-o=w": {} },
      },
      "l|t|h": { operands: "any", opts: "-r -t=v -p=v -slt -ba -bd" },
      d: { operands: "any", opts: "-r -t=v -y" },
    },
  },
  task: {
    version: "go-task 3",
    scriptFallback: true,
    opts: "-l|--list -a|--list-all -s|--silent -v|--verbose -f|--force -n|--dry -p|--parallel -c|--color -C|--concurrency=v -o|--output=v -y|--yes --summary --status -w|--watch -I|--interval=v -x|--exit-code --json --sort=v -t|--taskfile=r -d|--dir=d -g|--global",
  },
  ava: {
    version: "ava 6",
    opts: "-m|--match=v -w|--watch -v|--verbose -s|--serial -c|--concurrency=v --fail-fast --tap -u|--update-snapshots --timeout=v -T=v --reset-cache --color --no-color --node-arguments=v --config=r",
  },
  gem: {
    version: "rubygems 3.4",
    sub: {
      "list|search|info|query|contents|which|env|help|specification|outdated": {
        operands: "any",
        opts: "-l|--local -r|--remote -a|--all -i|--installed -d|--details -e|--exact -v|--version=v",
      },
      "install|update|uninstall": {
        operands: "any",
        opts: "-v|--version=v -N|--no-document --no-doc --conservative --force -f --pre --user-install --minimal-deps -i|--install-dir=w --bindir=w",
        special: {
          "--user-install": { class: "global-config", why: "installs into the user's gem folder" },
        },
      },
    },
  },
  bundle: {
    version: "bundler 2.4",
    sub: {
      "install|update|lock|add|remove|outdated": {
        operands: "any",
        opts: "--jobs=v -j=v --retry=v --local --prefer-local --frozen --deployment --without=v --with=v --path=w --gemfile=r --quiet --full-index --conservative --strict --all --group=v --version=v",
      },
      "list|show|info|check|config|platform|exec": {
        operands: "any",
        stopAtOperand: true,
        opts: "--name-only --paths --gemfile=r",
      },
    },
  },
  composer: {
    version: "composer 2",
    globalsInherited: true,
    scriptFallback: true,
    opts: "-q|--quiet -v|--verbose -n|--no-interaction --ansi --no-ansi --no-plugins --no-scripts --no-cache -d|--working-dir=d --profile",
    sub: {
      "install|update|require|remove|dump-autoload|dumpautoload": {
        operands: "any",
        opts: "--dev --no-dev --prefer-dist --prefer-source --dry-run --optimize-autoloader -o --classmap-authoritative -a --ignore-platform-reqs --ignore-platform-req=v --with-all-dependencies -W --with-dependencies -w --lock --no-progress --no-update --update-with-dependencies",
      },
      "run-script|run|test|show|info|outdated|validate|licenses|depends|why|why-not|check-platform-reqs|audit|diagnose|fund|search":
        {
          operands: "any",
          stopAtOperand: true,
          opts: "--dev --no-dev --list -l --all -a --direct -D --outdated --tree -t --format=v -f=v --locked --strict",
        },
    },
  },
  brew: {
    version: "Homebrew 4",
    opts: "-v|--verbose -d|--debug -q|--quiet",
    sub: {
      "list|ls": {
        operands: "any",
        opts: "--formula --formulae --cask --casks --versions --pinned -1 -l -r -t --full-name --multiple",
      },
      "info|abv": {
        operands: "any",
        opts: "--json[=v] --installed --eval-all --formula --cask --analytics --days=v --category=v",
      },
      "search|outdated|doctor|dr|config|deps|uses|leaves|home|desc": {
        operands: "any",
        opts: "--formula --cask --json[=v] --installed --tree --greedy --desc --eval-all",
      },
    },
  },
  conda: {
    version: "conda 24",
    sub: {
      "list|info": {
        operands: "any",
        opts: "-n|--name=v -p|--prefix=v --json -e|--export --explicit --envs -e -a|--all",
      },
      "install|create": {
        operands: "any",
        opts: "-n|--name=v -p|--prefix=v -c|--channel=v -y|--yes --file=r --dry-run --json -q|--quiet",
      },
    },
  },
  pipenv: {
    version: "pipenv 2024",
    sub: {
      "install|sync|lock|graph|check|clean|update": {
        operands: "any",
        opts: "--dev -d --system --deploy --ignore-pipfile --skip-lock --pre --python=v --categories=v -r|--requirements=r --json --reverse",
      },
      "run|shell": { operands: "any", stopAtOperand: true },
    },
  },
  crontab: { opts: "-l -u=v -i -r -e" },
  systemctl: {
    opts: "--user --system --no-pager -a|--all -l|--full -q|--quiet -t|--type=v --state=v --no-legend -n|--lines=v -o|--output=v",
    sub: {
      "status|is-active|is-enabled|is-failed|list-units|list-unit-files|show|cat|list-timers": {
        operands: "any",
        opts: "--user --system --no-pager -a|--all -l|--full -q|--quiet -t|--type=v --state=v --no-legend -n|--lines=v -o|--output=v -p|--property=v --value",
      },
    },
  },
  launchctl: { sub: { "list|print": { operands: "any" } } },
  defaults: {
    opts: "-currentHost -host=v",
    sub: {
      "read|read-type|domains|find": { operands: "any" },
      "write|delete|import|rename": { operands: "any" },
    },
  },
  env: {
    version: "GNU coreutils 9.1",
    abbrev: true,
    opts: "-i|--ignore-environment -0|--null -u|--unset=v -v|--debug --list-signal-handling",
  },
};
