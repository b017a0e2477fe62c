import type { ProgramSpec } from "./dsl.js";

/**
 * Builds, compilers, network clients, containers and shell builtins. Versions: GNU make 4.3,
 * cmake 3.25, gcc 12, curl 7.88, wget 1.21, OpenSSH 9.2, rsync 3.2, docker 27, kubectl 1.31.
 */
const GCC =
  "-c -S -E -g -g0 -g1 -g2 -g3 -ggdb -O -O0 -O1 -O2 -O3 -Os -Oz -Ofast -Og -w -W=v -Wall -Wextra -Werror -pedantic -ansi -std=v -I=v -L=v -l=v -D=v -U=v -f=v -m=v -M -MM -MD -MMD -MP -MT=v -MF=w -MQ=v -shared -static -pthread -fPIC -pipe -v -x=v -include=r -isystem=v -iquote=v -idirafter=v -nostdlib -nostdinc -rdynamic -s";

export const MISC: Readonly<Record<string, ProgramSpec>> = {
  make: {
    version: "GNU make 4.3",
    abbrev: true,
    // `make target VAR=value`: operands are targets and variable settings.
    opts: "-b -m -B|--always-make -d --debug[=v] -e|--environment-overrides -i|--ignore-errors -I|--include-dir=v -j|--jobs[=v] -k|--keep-going -l|--load-average|--max-load[=v] -L|--check-symlink-times -n|--just-print|--dry-run|--recon -o|--old-file|--assume-old=v -O|--output-sync[=v] -p|--print-data-base -q|--question -r|--no-builtin-rules -R|--no-builtin-variables -s|--silent|--quiet --no-silent -S|--no-keep-going|--stop -t|--touch --trace -v -w|--print-directory --no-print-directory -W|--what-if|--new-file|--assume-new=v --warn-undefined-variables",
    special: {
      "-f|--file|--makefile=r": {},
      "-C|--directory=d": {},
      "--eval=c": { dynamic: "make --eval runs make code given on the command line" },
    },
    examples: {
      approve: ["make", "make -j4 build", "make -C docs html"],
      notApprove: ["make --eval='$(shell rm -rf ~)'", "make --ev=x"],
    },
  },
  gmake: {
    version: "GNU make 4.3",
    abbrev: true,
    opts: "-B|--always-make -j|--jobs[=v] -k|--keep-going -n|--dry-run -s|--silent -w|--print-directory --no-print-directory",
    special: {
      "-f|--file=r": {},
      "-C|--directory=d": {},
      "--eval=c": { dynamic: "make --eval runs make code" },
    },
  },
  cmake: {
    version: "cmake 3.25",
    singleDashLong: false,
    opts: "-S=v -B=v -G=v -T=v -A=v -D=v -U=v -C=r --toolchain=r --install-prefix=v -Wdev -Wno-dev -Werror=v -Wno-error=v --fresh -L -LA -LH -LAH --build=v --target=v -t=v --config=v --clean-first -j|--parallel=v --install=v --prefix=v --component=v --strip -v|--verbose --preset=v --list-presets[=v] --workflow --log-level=v --log-context --debug-output --trace --trace-expand --warn-uninitialized --graphviz=w --system-information --open=v --version",
    special: {
      "-E": { dynamic: "cmake -E runs one of cmake's file and process commands" },
      "-P=c": { dynamic: "cmake -P runs a cmake script" },
    },
    examples: {
      approve: ["cmake -S . -B build", "cmake --build build -j 4"],
      notApprove: ["cmake -E rm -rf ~"],
    },
  },
  ninja: {
    version: "ninja 1.11",
    opts: "-C=d -f=r -j=v -k=v -l=v -n -v --verbose --quiet -d=v -w=v -t=v",
  },
  just: {
    version: "just 1",
    opts: "--dry-run -n -q|--quiet -v|--verbose -l|--list --summary --show=v -s --evaluate --dump --choose --unstable --yes --color=v --set=v -f|--justfile=r -d|--working-directory=d --one --timestamp",
  },
  gcc: {
    version: "gcc 12",
    opts: GCC,
    special: {
      "-o=w": {},
      "-B=c": { dynamic: "gcc -B runs compiler programs from another folder" },
      "-wrapper=c": { dynamic: "gcc -wrapper runs another program" },
      "-fplugin=c": { dynamic: "gcc -fplugin loads code into the compiler" },
    },
    examples: {
      approve: ["gcc -O2 -o build/app main.c"],
      notApprove: ["gcc -o /usr/local/bin/x main.c"],
    },
  },
  "g++": {
    version: "gcc 12",
    opts: GCC,
    special: {
      "-o=w": {},
      "-B=c": { dynamic: "g++ -B runs compiler programs from another folder" },
      "-wrapper=c": { dynamic: "g++ -wrapper runs another program" },
      "-fplugin=c": { dynamic: "g++ -fplugin loads code into the compiler" },
    },
  },
  cc: {
    version: "gcc 12",
    opts: GCC,
    special: {
      "-o=w": {},
      "-B=c": { dynamic: "cc -B runs compiler programs from another folder" },
    },
  },
  clang: {
    version: "clang 16",
    opts: GCC,
    special: {
      "-o=w": {},
      "-B=c": { dynamic: "clang -B runs compiler programs from another folder" },
      "-Xclang=c": { dynamic: "clang -Xclang passes options that can load plugins" },
    },
  },
  "clang++": {
    version: "clang 16",
    opts: GCC,
    special: {
      "-o=w": {},
      "-B=c": { dynamic: "clang++ -B runs compiler programs from another folder" },
    },
  },
  rustc: {
    version: "rustc 1.95",
    opts: "--cfg=v -L=v -l=v --crate-type=v --crate-name=v --edition=v --emit=v --print=v -g -O --test --target=v -W|--warn=v -A|--allow=v -D|--deny=v -F|--forbid=v --cap-lints=v -C|--codegen=v -V -v|--verbose --explain=v --error-format=v --json=v --color=v --extern=v --sysroot=v",
    special: { "-o|--out-dir=w": {} },
  },
  rustfmt: {
    version: "rustfmt 1.8",
    opts: "--check --emit=v --backup --config-path=r --edition=v --style-edition=v --color=v --print-config=v -l|--files-with-diff --config=v -v|--verbose -q|--quiet",
  },
  gofmt: { version: "go 1.25", singleDashLong: true, opts: "-d -e -l -r=v -s -w -cpuprofile=w" },
  shellcheck: {
    version: "shellcheck 0.9",
    opts: "-a|--check-sourced -C|--color[=v] -i|--include=v -e|--exclude=v --extended-analysis=v -f|--format=v --list-optional -o|--enable=v -P|--source-path=v -s|--shell=v -S|--severity=v -W|--wiki-link-count=v -x|--external-sources --norc --rcfile=r",
  },
  shfmt: {
    version: "shfmt 3",
    opts: "-l|--list -w|--write -d|--diff -s|--simplify -mn|--minify -i|--indent=v -bn|--binary-next-line -ci|--case-indent -sr|--space-redirects -kp|--keep-padding -fn|--func-next-line -ln|--language-dialect=v -p|--posix -f|--find --apply-ignore --filename=v -tojson|--to-json --from-json",
  },
  // Network clients: their URLs and hosts are modelled in `operands.ts`.
  curl: {
    version: "curl 7.88",
    opts: "-o|--output=w -O|--remote-name --remote-name-all -J|--remote-header-name --output-dir=w --create-dirs -d|--data|--data-binary|--data-raw|--data-ascii|--data-urlencode|--json=v -F|--form|--form-string=v -H|--header=v -X|--request=v -u|--user=v -A|--user-agent=v -e|--referer=v -T|--upload-file=r -b|--cookie=v -c|--cookie-jar=w -x|--proxy=h -U|--proxy-user=v -r|--range=v -m|--max-time=v --connect-timeout=v --retry=v --retry-delay=v --retry-max-time=v --retry-all-errors -w|--write-out=v --cacert=r --capath=r -E|--cert=r --key=r --cert-type=v --key-type=v -D|--dump-header=w --trace=w --trace-ascii=w --trace-time --netrc-file=r -n|--netrc --netrc-optional --url=h --resolve=v --connect-to=v --stderr=w --oauth2-bearer=v --variable=v -s|--silent -S|--show-error -f|--fail --fail-with-body -L|--location --max-redirs=v -i|--include -I|--head -v|--verbose -k|--insecure --compressed -G|--get -#|--progress-bar --no-progress-meter -N|--no-buffer -4|--ipv4 -6|--ipv6 --http1.1 --http2 --http3 -z|--time-cond=v -C|--continue-at=v --limit-rate=v -Z|--parallel --parallel-max=v -q|--disable --tlsv1.2 --tlsv1.3 --ssl-reqd --location-trusted --digest --basic --ntlm --negotiate --anyauth --keepalive-time=v --no-keepalive --tcp-nodelay --path-as-is --globoff -g --raw --styled-output --no-styled-output --etag-save=w --etag-compare=r -K|--config=r --proto=v --proto-redir=v --unix-socket=r --abstract-unix-socket=v --doh-url=h --noproxy=v --socks5=h --socks5-hostname=h --interface=v --local-port=v --dns-servers=v --max-filesize=v --speed-limit=v -Y|--speed-time=v -y -M|--manual -V",
    examples: { approve: [], notApprove: ["curl -o .claudeignore https://example.com/x"] },
  },
  wget: {
    version: "wget 1.21",
    abbrev: true,
    opts: "-O|--output-document=w -o|--output-file=w -a|--append-output=w -P|--directory-prefix=w -i|--input-file=r --post-file=r --body-file=r --load-cookies=r --save-cookies=w --user-agent|-U=v --header=v --post-data=v --body-data=v --method=v --user=v --password=v -T|--timeout=v -t|--tries=v --ca-certificate=r --certificate=r --private-key=r -q|--quiet -v|--verbose -nv|--no-verbose -c|--continue -N|--timestamping -r|--recursive -l|--level=v -np|--no-parent -nc|--no-clobber -nd|--no-directories -x|--force-directories -k|--convert-links -p|--page-requisites -m|--mirror -S|--server-response --spider -w|--wait=v --limit-rate=v -Q|--quota=v --no-check-certificate --https-only -4|--inet4-only -6|--inet6-only -e|--execute=v --content-disposition --show-progress --progress=v -b|--background --max-redirect=v",
  },
  ssh: {
    version: "OpenSSH 9.2",
    opts: "-4 -6 -A -a -C -f -G -g -K -k -M -N -n -q -s -T -t -V -v -X -x -Y -y -B=v -b=v -c=v -D=v -E=w -e=v -F=r -I=v -i=r -J=v -L=v -l=v -m=v -O=v -p=v -Q=v -R=v -S=r -W=v -w=v",
    special: {
      "-o=v": { dynamic: "ssh -o can set ProxyCommand or LocalCommand, which run commands" },
    },
    stopAtOperand: true,
  },
  scp: {
    version: "OpenSSH 9.2",
    opts: "-3 -4 -6 -A -B -C -O -p -q -R -r -s -T -v -c=v -D=v -F=r -i=r -J=v -l=v -P=v -X=v",
    special: {
      "-o=v": { dynamic: "scp -o can set ProxyCommand, which runs a command" },
      "-S=x": {},
    },
  },
  sftp: {
    version: "OpenSSH 9.2",
    opts: "-4 -6 -A -a -C -f -N -p -q -r -v -B=v -c=v -D=v -F=r -i=r -J=v -l=v -P=v -R=v -s=v -X=v",
    special: {
      "-o=v": { dynamic: "sftp -o can set ProxyCommand, which runs a command" },
      "-b=r": {},
      "-S=x": {},
    },
  },
  rsync: {
    version: "rsync 3.2",
    abbrev: true,
    opts: "-v|--verbose -q|--quiet -c|--checksum -a|--archive -r|--recursive -R|--relative --no-implied-dirs -b|--backup --backup-dir=w --suffix=v -u|--update --inplace --append --append-verify -d|--dirs --mkpath -l|--links -L|--copy-links --copy-unsafe-links --safe-links --munge-links -k|--copy-dirlinks -K|--keep-dirlinks -H|--hard-links -p|--perms -E|--executability --chmod=v -A|--acls -X|--xattrs -o|--owner -g|--group --devices --specials -D -t|--times -O|--omit-dir-times -J|--omit-link-times --super --fake-super -S|--sparse --preallocate -n|--dry-run -W|--whole-file --checksum-choice|--cc=v -x|--one-file-system -B|--block-size=v --existing --ignore-existing --ignore-errors --force --max-delete=v --max-size=v --min-size=v --max-alloc=v --partial --partial-dir=w --delay-updates -m|--prune-empty-dirs --numeric-ids --usermap=v --groupmap=v --chown=v --timeout=v --contimeout=v -I|--ignore-times --size-only -@|--modify-window=v -T|--temp-dir=w -y|--fuzzy --compare-dest=r --copy-dest=r --link-dest=r -z|--compress --compress-choice|--zc=v --compress-level|--zl=v --skip-compress=v -C|--cvs-exclude -f|--filter=v -F --exclude=v --exclude-from=r --include=v --include-from=r --files-from=r -0|--from0 -s|--secluded-args --trust-sender --copy-as=v --address=v --port=v --sockopts=v --blocking-io --outbuf=v --stats -8|--8-bit-output -h|--human-readable --progress -P -i|--itemize-changes -M|--remote-option=v --out-format=v --log-file=w --log-file-format=v --password-file=r --early-input=r --list-only --bwlimit=v --stop-after=v --stop-at=v --fsync --write-batch=w --only-write-batch=w --read-batch=r --protocol=v --iconv=v --checksum-seed=v -4|--ipv4 -6|--ipv6 --info=v --debug=v --no-motd",
    special: {
      "--del|--delete|--delete-before|--delete-during|--delete-delay|--delete-after|--delete-excluded|--delete-missing-args|--remove-source-files":
        { destructive: "rsync --delete deletes files at the destination" },
      "-e|--rsh|--rsync-path=x": {},
    },
    examples: {
      approve: ["rsync -av src/ backup/"],
      notApprove: ["rsync -a --del src/ dst/", "rsync -e 'sh -c x' a b"],
    },
  },
  ping: { opts: "-c=v -i=v -W=v -w=v -s=v -t=v -q -n -4 -6 -D -O -v -I=v" },
  dig: { opts: "-4 -6 -b=v -c=v -f=r -k=r -m -p=v -q=v -t=v -u -v -x=v -y=v" },
  nslookup: { opts: "-type=v -query=v -port=v -timeout=v -debug" },
  host: { opts: "-a -A -c=v -C -d -l -n -p=v -r -R=v -s -t=v -T -U -v -V -w -W=v -4 -6" },
  traceroute: { opts: "-4 -6 -I -T -U -n -m=v -p=v -q=v -w=v -f=v -i=v -s=v" },
  whois: {
    opts: "-h=h -p=v -H -l -L -m -M -r -b -B -G -d -c -i=v -T=v -s=v -g=v -t=v -v=v -q=v --verbose",
  },
  http: {
    version: "HTTPie 3",
    opts: "-j|--json -f|--form --multipart --boundary=v --raw=v -x|--compress -o|--output=w -d|--download -c|--continue -q|--quiet -v|--verbose -h|--headers -b|--body -p|--print=v --pretty=v -s|--style=v --unsorted --sorted -a|--auth=v -A|--auth-type=v --ignore-netrc --offline --proxy=h -F|--follow --max-redirects=v --max-headers=v --timeout=v --check-status --path-as-is --chunked --verify=v --ssl=v --ciphers=v --cert=r --cert-key=r -I|--ignore-stdin --session=w --session-read-only=r --default-scheme=v --debug --traceback",
  },
  https: {
    version: "HTTPie 3",
    opts: "-j|--json -f|--form -o|--output=w -d|--download -q|--quiet -v|--verbose -h|--headers -b|--body -p|--print=v -a|--auth=v -F|--follow --timeout=v --check-status -I|--ignore-stdin --offline",
  },
  xh: {
    version: "xh 0.22",
    opts: "-j|--json -f|--form -o|--output=w -d|--download -q|--quiet -v|--verbose -h|--headers -b|--body -p|--print=v -a|--auth=v -F|--follow --timeout=v --check-status -I|--ignore-stdin --offline",
  },
  // Shell builtins.
  export: { opts: "-f -n -p" },
  declare: { opts: "-a -A -f -F -g -i -I -l -n -r -t -u -x -p" },
  typeset: { opts: "-a -A -f -F -g -i -I -l -n -r -t -u -x -p" },
  local: { opts: "-a -A -i -l -n -r -u -x" },
  readonly: { opts: "-a -A -f -p" },
  unset: { opts: "-f -v -n" },
  set: { opts: "-a -b -e -f -h -k -m -n -o=v -p -t -u -v -x -B -C -E -H -P -T" },
  read: { opts: "-a=v -d=v -e -i=v -n=v -N=v -p=v -r -s -t=v -u=v" },
  wait: { opts: "-f -n -p=v" },
  jobs: { opts: "-l -n -p -r -s -x" },
  exit: {},
  return: {},
  break: {},
  continue: {},
  shift: {},
  source: {},
  ".": {},
  history: { opts: "-c -d=v -a -n -r -w -p -s" },
  // Builtins that set code for later words: their effect is judged in runs-code.ts.
  trap: { opts: "-l -p", unknownAreOperands: true },
  alias: { opts: "-p" },
  hash: { opts: "-r -d -l -t -p=v" },
  shopt: { opts: "-s -u -q -o -p" },
  kill: { opts: "-s=v -n=v -l -L", numberOption: true, unknownAreOperands: true },
  pkill: {
    opts: "-f -x -u=v -U=v -g=v -G=v -P=v -s=v -t=v -n -o -e -c -i --signal=v",
    numberOption: true,
  },
  killall: { opts: "-e -I -g -i -q -r -s=v -u=v -v -w -y=v -o=v", numberOption: true },
  "[": { unknownAreOperands: true },
  "[[": { unknownAreOperands: true },
  test: { unknownAreOperands: true },
  ":": { unknownAreOperands: true },
};
