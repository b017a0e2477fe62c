import type { ProgramSpec } from "./dsl.js";

/**
 * GNU coreutils 9.1 and friends, from each tool's own `--help` (Debian 12), with BSD/macOS
 * spellings added where they differ (`base64 -o`). getopt_long: unique long prefixes accepted.
 */
const GNU = { abbrev: true, version: "GNU coreutils 9.1" } as const;

export const COREUTILS: Readonly<Record<string, ProgramSpec>> = {
  ls: {
    ...GNU,
    opts: "-a|--all -A|--almost-all --author -b|--escape --block-size=v -B|--ignore-backups -c -C --color[=v] --colour[=v] -d|--directory -D|--dired -f -F|--classify[=v] --file-type --format=v --full-time -g --group-directories-first -G|--no-group -h|--human-readable --si -H|--dereference-command-line --dereference-command-line-symlink-to-dir --hide=v --hyperlink[=v] --indicator-style=v -i|--inode -I|--ignore=v -k|--kibibytes -l -L|--dereference -m -n|--numeric-uid-gid -N|--literal -o -p -q|--hide-control-chars --show-control-chars -Q|--quote-name --quoting-style=v -r|--reverse -R|--recursive -s|--size -S --sort=v --time=v --time-style=v -t -T|--tabsize=v -u -U -v -w|--width=v -x -X -Z|--context --zero -1 -O -e -@ -%",
    examples: { approve: ["ls -la src", "ls -1 --color=never"], notApprove: ["ls --frobnicate"] },
  },
  dir: { ...GNU, opts: "-a|--all -A|--almost-all -l -h|--human-readable -R|--recursive -1" },
  cat: {
    ...GNU,
    opts: "-A|--show-all -b|--number-nonblank -e -E|--show-ends -n|--number -s|--squeeze-blank -t -T|--show-tabs -u -v|--show-nonprinting",
    examples: { approve: ["cat README.md", "cat -n src/a.ts"], notApprove: ["cat -Q x"] },
  },
  tac: { ...GNU, opts: "-b|--before -r|--regex -s|--separator=v" },
  head: {
    ...GNU,
    numberOption: true,
    opts: "-c|--bytes=v -n|--lines=v -q|--quiet|--silent -v|--verbose -z|--zero-terminated",
    examples: {
      approve: ["head -20 src/a.ts", "head -n 5 README.md"],
      notApprove: ["head --pre=x f"],
    },
  },
  tail: {
    ...GNU,
    numberOption: true,
    opts: "-c|--bytes=v -f|--follow[=v] -F -n|--lines=v --max-unchanged-stats=v --pid=v -q|--quiet|--silent --retry -s|--sleep-interval=v -v|--verbose -z|--zero-terminated",
    examples: { approve: ["tail -n 50 log.txt", "tail -5 a.txt"], notApprove: ["tail --exec x"] },
  },
  wc: {
    ...GNU,
    opts: "-c|--bytes -m|--chars -l|--lines --files0-from=r -L|--max-line-length -w|--words --total=v",
    examples: { approve: ["wc -l src/*.ts"], notApprove: [] },
  },
  sort: {
    ...GNU,
    opts: "-b|--ignore-leading-blanks -d|--dictionary-order -f|--ignore-case -g|--general-numeric-sort -i|--ignore-nonprinting -M|--month-sort -h|--human-numeric-sort -n|--numeric-sort -R|--random-sort --random-source=r -r|--reverse --sort=v -V|--version-sort --batch-size=v -c|-C|--check[=v] --debug --files0-from=r -k|--key=v -m|--merge -o|--output=w -s|--stable -S|--buffer-size=v -t|--field-separator=v -T|--temporary-directory=w --parallel=v -u|--unique -z|--zero-terminated",
    special: {
      "--compress-program=x": {},
    },
    examples: {
      approve: ["sort -u names.txt", "sort -k2 -n -t, data.csv"],
      notApprove: ["sort -o .claudeignore x", "sort --compress-program='rm -rf ~' x"],
    },
  },
  uniq: {
    ...GNU,
    opts: "-c|--count -d|--repeated -D --all-repeated[=v] -f|--skip-fields=v --group[=v] -i|--ignore-case -s|--skip-chars=v -u|--unique -z|--zero-terminated -w|--check-chars=v",
  },
  cut: {
    ...GNU,
    opts: "-b|--bytes=v -c|--characters=v -d|--delimiter=v -f|--fields=v -n --complement -s|--only-delimited --output-delimiter=v -z|--zero-terminated",
  },
  tr: { ...GNU, opts: "-c|-C|--complement -d|--delete -s|--squeeze-repeats -t|--truncate-set1" },
  paste: { ...GNU, opts: "-d|--delimiters=v -s|--serial -z|--zero-terminated" },
  join: {
    ...GNU,
    opts: "-a=v -e=v -i|--ignore-case -j=v -o=v -t=v -v=v -1=v -2=v --check-order --nocheck-order --header -z|--zero-terminated",
  },
  comm: {
    ...GNU,
    opts: "-1 -2 -3 --check-order --nocheck-order --output-delimiter=v --total -z|--zero-terminated",
  },
  nl: {
    ...GNU,
    opts: "-b|--body-numbering=v -d|--section-delimiter=v -f|--footer-numbering=v -h|--header-numbering=v -i|--line-increment=v -l|--join-blank-lines=v -n|--number-format=v -p|--no-renumber -s|--number-separator=v -v|--starting-line-number=v -w|--number-width=v",
  },
  fold: { ...GNU, opts: "-b|--bytes -s|--spaces -w|--width=v" },
  fmt: {
    ...GNU,
    opts: "-c|--crown-margin -p|--prefix=v -s|--split-only -t|--tagged-paragraph -u|--uniform-spacing -w|--width=v -g|--goal=v",
  },
  column: {
    opts: "-c|--output-width=v -d|--table-noheadings -e|--table-header-repeat -J|--json -l|--table-columns-limit=v -n|--table-name=v -N|--table-columns=v -o|--output-separator=v -R|--table-right=v -r|--tree=v -s|--separator=v -t|--table -x|--fillrows -L|--keep-empty-lines",
    abbrev: true,
    version: "util-linux 2.38",
  },
  rev: { version: "util-linux 2.38", opts: "-0|--zero" },
  expand: { ...GNU, opts: "-i|--initial -t|--tabs=v" },
  unexpand: { ...GNU, opts: "-a|--all --first-only -t|--tabs=v" },
  diff: {
    abbrev: true,
    version: "GNU diffutils 3.8",
    opts: "--normal -q|--brief -s|--report-identical-files -c -C|--context[=v] -u -U|--unified[=v] -e|--ed -n|--rcs -y|--side-by-side -W|--width=v --left-column --suppress-common-lines -p|--show-c-function -F|--show-function-line=v --label=v -t|--expand-tabs -T|--initial-tab --tabsize=v --suppress-blank-empty -l|--paginate -r|--recursive --no-dereference -N|--new-file --unidirectional-new-file --ignore-file-name-case --no-ignore-file-name-case -x|--exclude=v -X|--exclude-from=r -S|--starting-file=v --from-file=r --to-file=r -i|--ignore-case -E|--ignore-tab-expansion -Z|--ignore-trailing-space -b|--ignore-space-change -w|--ignore-all-space -B|--ignore-blank-lines -I|--ignore-matching-lines=v -a|--text --strip-trailing-cr -D|--ifdef=v --old-group-format=v --new-group-format=v --unchanged-group-format=v --changed-group-format=v --line-format=v --old-line-format=v --new-line-format=v --unchanged-line-format=v -d|--minimal --horizon-lines=v --speed-large-files --color[=v] --palette=v",
    examples: { approve: ["diff -u a.txt b.txt", "diff -r src lib"], notApprove: [] },
  },
  cmp: {
    abbrev: true,
    version: "GNU diffutils 3.8",
    opts: "-b|--print-bytes -i|--ignore-initial=v -l|--verbose -n|--bytes=v -s|--quiet|--silent",
  },
  echo: { opts: "-n -e -E", unknownAreOperands: true },
  printf: { opts: "-v=v", unknownAreOperands: true },
  pwd: { opts: "-L -P", operands: "none" },
  which: { opts: "-a -s", version: "debianutils 5.7" },
  whereis: { opts: "-b -m -s -u -B=v -M=v -S=v -f -l" },
  type: { opts: "-a -f -P -p -t" },
  // bash 5.2 `help command`: only its lookup forms reach the model; `command NAME args` is
  // unwrapped as a wrapper before.
  command: {
    opts: "-p -v -V",
    version: "bash 5.2",
    examples: { approve: ["command -v go", "command -V git"], notApprove: ["command -x go"] },
  },
  file: {
    abbrev: true,
    version: "file 5.44",
    opts: "-v|--version -m|--magic-file=r -z|--uncompress -Z|--uncompress-noreport -b|--brief -c|--checking-printout -e|--exclude=v --exclude-quiet=v -f|--files-from=r -F|--separator=v -i|--mime --mime-encoding --apple --extension --mime-type -k|--keep-going -l|--list -L|--dereference -h|--no-dereference -n|--no-buffer -N|--no-pad -0|--print0 -p|--preserve-date -P|--parameter=v -r|--raw -s|--special-files -S|--no-sandbox -d|--debug",
    special: { "-C|--compile": { class: "development", why: "compiles a magic file" } },
  },
  stat: {
    ...GNU,
    opts: "-L|--dereference -f|--file-system --cached=v -c|--format=v --printf=v -t|--terse",
  },
  du: {
    ...GNU,
    opts: "-0|--null -a|--all --apparent-size -B|--block-size=v -b|--bytes -c|--total -D|--dereference-args -d|--max-depth=v --files0-from=r -H -h|--human-readable --inodes -k -L|--dereference -l|--count-links -m -P|--no-dereference -S|--separate-dirs --si -s|--summarize -t|--threshold=v --time[=v] --time-style=v -X|--exclude-from=r --exclude=v -x|--one-file-system",
    examples: { approve: ["du -sh node_modules"], notApprove: [] },
  },
  df: {
    ...GNU,
    opts: "-a|--all -B|--block-size=v -h|--human-readable -H|--si -i|--inodes -k -l|--local --no-sync --output[=v] -P|--portability --sync --total -t|--type=v -T|--print-type -x|--exclude-type=v",
  },
  date: {
    ...GNU,
    opts: "-d|--date=v --debug -f|--file=r -I|--iso-8601[=v] --resolution -R|--rfc-email --rfc-3339=v -r|--reference=r -u|--utc|--universal",
    special: { "-s|--set=v": { class: "global-config", why: "sets the system clock" } },
  },
  cal: { opts: "-1 -3 -y -Y -m -j -s -w -h -n=v -A=v -B=v -d=v" },
  uname: {
    ...GNU,
    opts: "-a|--all -s|--kernel-name -n|--nodename -r|--kernel-release -v|--kernel-version -m|--machine -p|--processor -i|--hardware-platform -o|--operating-system",
    operands: "none",
  },
  hostname: {
    opts: "-a|--alias -d|--domain -f|--fqdn|--long -A|--all-fqdns -i|--ip-address -I|--all-ip-addresses -s|--short -y|--yp|--nis",
    operands: "none",
  },
  whoami: { operands: "none" },
  id: {
    ...GNU,
    opts: "-a -Z|--context -g|--group -G|--groups -n|--name -r|--real -u|--user -z|--zero",
  },
  groups: {},
  uptime: { opts: "-p|--pretty -s|--since", operands: "none" },
  ps: {
    opts: "-A -e -a -d -N -T -r -x -f -F -l -j -y -w -H -L -m -M -c -o=v -O=v -p=v -u=v -U=v -g=v -G=v -C=v -q=v -s=v -t=v --pid=v --ppid=v --sort=v --format=v --forest --no-headers --headers --cols=v --columns=v --width=v --rows=v --lines=v --user=v -aux -ef",
    operands: "any",
  },
  top: { opts: "-b -c -d=v -E=v -e=v -H -i -n=v -o=v -O -p=v -s -S -u=v -U=v -w[=v] -1" },
  htop: {
    opts: "-C|--no-color -d|--delay=v -F|--filter=v -H|--highlight-changes[=v] -M|--no-mouse -p|--pid=v -s|--sort-key=v -t|--tree -u|--user[=v] -U|--no-unicode",
  },
  free: {
    opts: "-b -k -m -g --kilo --mega --giga --tera --peta -h|--human --si -l|--lowmem -t|--total -v|--committed -s|--seconds=v -c|--count=v -w|--wide",
    operands: "none",
  },
  printenv: { ...GNU, opts: "-0|--null" },
  true: {},
  false: {},
  sleep: { ...GNU },
  seq: { ...GNU, opts: "-f|--format=v -s|--separator=v -w|--equal-width" },
  yes: {},
  basename: { ...GNU, opts: "-a|--multiple -s|--suffix=v -z|--zero" },
  dirname: { ...GNU, opts: "-z|--zero" },
  realpath: {
    ...GNU,
    opts: "-e|--canonicalize-existing -m|--canonicalize-missing -L|--logical -P|--physical -q|--quiet --relative-to=v --relative-base=v -s|--strip|--no-symlinks -z|--zero",
  },
  readlink: {
    ...GNU,
    opts: "-f|--canonicalize -e|--canonicalize-existing -m|--canonicalize-missing -n|--no-newline -q|--quiet -s|--silent -v|--verbose -z|--zero",
  },
  base64: {
    ...GNU,
    // macOS base64 spells its input and output files -i / -o.
    opts: "-d|-D|--decode -i|--ignore-garbage -w|--wrap=v -b|--break=v -o|--output=w --input=r",
    examples: {
      approve: ["base64 logo.png", "base64 -d blob.txt"],
      notApprove: ["base64 -o .claudeignore x", "base64 --output=/etc/passwd x"],
    },
  },
  basenc: {
    ...GNU,
    opts: "--base64 --base64url --base32 --base32hex --base16 --base2msbf --base2lsbf --z85 -d|--decode -i|--ignore-garbage -w|--wrap=v",
  },
  xxd: {
    version: "xxd 2022-01-14",
    // xxd INFILE OUTFILE: the second operand is written (see `tables/files.ts`).
    opts: "-a|-autoskip -b|-bits -C|-capitalize -c|-cols=v -E|-EBCDIC -e -g|-groupsize=v -i|-include -l|-len=v -n|-name=v -o|-offset=v -p|-ps|-postscript|-plain -R=v -r|-revert -d -s|-seek=v -u -v|-version",
  },
  od: {
    ...GNU,
    opts: "-A|--address-radix=v --endian=v -j|--skip-bytes=v -N|--read-bytes=v -S|--strings[=v] -t|--format=v -v|--output-duplicates -w|--width[=v] --traditional -a -b -c -d -f -i -l -o -s -x",
  },
  hexdump: { opts: "-b -c -C -d -o -x -L[=v] -e=v -f=r -n=v -s=v -v" },
  strings: {
    opts: "-a|--all -d|--data -f|--print-file-name -n|--bytes=v -t|--radix=v -o -e|--encoding=v -w|--include-all-whitespace -s|--output-separator=v --unicode=v -U=v -T|--target=v",
    abbrev: true,
  },
  md5sum: {
    ...GNU,
    opts: "-b|--binary -c|--check --tag -t|--text -z|--zero --ignore-missing --quiet --status --strict -w|--warn",
  },
  sha1sum: {
    ...GNU,
    opts: "-b|--binary -c|--check --tag -t|--text -z|--zero --ignore-missing --quiet --status --strict -w|--warn",
  },
  sha256sum: {
    ...GNU,
    opts: "-b|--binary -c|--check --tag -t|--text -z|--zero --ignore-missing --quiet --status --strict -w|--warn",
  },
  sha512sum: {
    ...GNU,
    opts: "-b|--binary -c|--check --tag -t|--text -z|--zero --ignore-missing --quiet --status --strict -w|--warn",
  },
  md5: { opts: "-p -q -r -s=v -t -x" },
  shasum: {
    opts: "-a|--algorithm=v -b|--binary -c|--check -t|--text -U|--UNIVERSAL -0|--01 -s|--status -q|--quiet -w|--warn --strict --tag",
    abbrev: true,
  },
  cksum: {
    ...GNU,
    opts: "-a|--algorithm=v -c|--check -l|--length=v --tag --untagged -z|--zero --ignore-missing --quiet --status --strict -w|--warn --debug --base64 --raw",
  },
  nproc: { ...GNU, opts: "--all --ignore=v", operands: "none" },
  getconf: { opts: "-a -v=v" },
  locale: {
    opts: "-a|--all-locales -m|--charmaps -c|--category-name -k|--keyword-name -v|--verbose",
  },
  tty: { opts: "-s|--silent|--quiet", operands: "none" },
  tput: { opts: "-T=v -S -V -x" },
  clear: { opts: "-T=v -V -x", operands: "none" },
  man: {
    opts: "-k -f -a -w -W -S=v -s=v -M=v -L=v",
    special: { "-P|--pager=x": {}, "-H|--html[=x]": {} },
  },
  help: { opts: "-d -m -s" },
  // Local file changes: the file operations the operand tables give decide (SPEC tier matrix).
  touch: {
    ...GNU,
    opts: "-a -c|--no-create -d|--date=v -f -h|--no-dereference -m -r|--reference=r -t=v --time=v",
  },
  mkdir: { ...GNU, opts: "-m|--mode=v -p|--parents -v|--verbose -Z --context[=v]" },
  cp: {
    ...GNU,
    opts: "-a|--archive --attributes-only --backup[=v] -b --copy-contents -d -f|--force -i|--interactive -H -L|--dereference -n|--no-clobber -P|--no-dereference -p --preserve[=v] --no-preserve=v --parents -R|-r|--recursive --reflink[=v] --remove-destination --sparse=v --strip-trailing-slashes -s|--symbolic-link -S|--suffix=v -t|--target-directory=v -T|--no-target-directory -u|--update[=v] -v|--verbose -x|--one-file-system -Z --context[=v] -l|--link -c -X",
    examples: {
      approve: ["cp src/a.ts src/b.ts", "cp -r fixtures tmp-fixtures"],
      notApprove: ["cp .env x"],
    },
  },
  mv: {
    ...GNU,
    opts: "--backup[=v] -b -f|--force -i|--interactive -n|--no-clobber --strip-trailing-slashes -S|--suffix=v -t|--target-directory=v -T|--no-target-directory -u|--update[=v] -v|--verbose -Z|--context --exchange --no-copy",
  },
  ln: {
    ...GNU,
    opts: "--backup[=v] -b -d|-F|--directory -f|--force -i|--interactive -L|--logical -n|--no-dereference -P|--physical -r|--relative -s|--symbolic -S|--suffix=v -t|--target-directory=v -T|--no-target-directory -v|--verbose -h -w",
  },
  link: { ...GNU },
  rm: {
    ...GNU,
    opts: "-f|--force -i -I --interactive[=v] --one-file-system --no-preserve-root --preserve-root[=v] -r|-R|--recursive -d|--dir -v|--verbose -P -W -x",
  },
  rmdir: { ...GNU, opts: "--ignore-fail-on-non-empty -p|--parents -v|--verbose" },
  unlink: { ...GNU },
  chmod: {
    ...GNU,
    opts: "-c|--changes -f|--silent|--quiet -v|--verbose --no-preserve-root --preserve-root --reference=r -R|--recursive -h -H -L -P",
  },
  chown: {
    ...GNU,
    opts: "-c|--changes -f|--silent|--quiet -v|--verbose --dereference -h|--no-dereference --from=v --no-preserve-root --preserve-root --reference=r -R|--recursive -H -L -P",
  },
  chgrp: {
    ...GNU,
    opts: "-c|--changes -f|--silent|--quiet -v|--verbose --dereference -h|--no-dereference --no-preserve-root --preserve-root --reference=r -R|--recursive -H -L -P",
  },
  tee: { ...GNU, opts: "-a|--append -i|--ignore-interrupts -p --output-error[=v]" },
  install: {
    ...GNU,
    opts: "--backup[=v] -b -c -C|--compare -d|--directory -D -g|--group=v -m|--mode=v -o|--owner=v -p|--preserve-timestamps -s|--strip --strip-program=x -S|--suffix=v -t|--target-directory=v -T|--no-target-directory -v|--verbose --preserve-context -Z --context[=v]",
  },
  split: {
    ...GNU,
    opts: "-a|--suffix-length=v --additional-suffix=v -b|--bytes=v -C|--line-bytes=v -d --numeric-suffixes[=v] -x --hex-suffixes[=v] -e|--elide-empty-files -l|--lines=v -n|--number=v -t|--separator=v -u|--unbuffered --verbose",
    special: { "--filter=x": {} },
    examples: {
      approve: ["split -l 1000 big.csv part-"],
      notApprove: ["split --filter='rm -rf ~' big.csv"],
    },
  },
  truncate: { ...GNU, opts: "-c|--no-create -o|--io-blocks -r|--reference=r -s|--size=v" },
  shred: {
    ...GNU,
    opts: "-f|--force -n|--iterations=v --random-source=r -s|--size=v -u --remove[=v] -v|--verbose -x|--exact -z|--zero",
  },
  mktemp: {
    ...GNU,
    opts: "-d|--directory -u|--dry-run -q|--quiet --suffix=v -p=v --tmpdir[=v] -t",
  },
  patch: {
    abbrev: true,
    version: "GNU patch 2.7.6",
    opts: "-p|--strip=v -i|--input=r -o|--output=w -r|--reject-file=w -d|--directory=d -R|--reverse -N|--forward -f|--force -s|--silent|--quiet -t|--batch -E|--remove-empty-files -F|--fuzz=v -l|--ignore-whitespace -b|--backup -B|--prefix=v -V|--version-control=v -z|--suffix=v --dry-run --verbose --binary --no-backup-if-mismatch --backup-if-mismatch -u|--unified -c|--context -e|--ed -n|--normal --merge[=v] -Z|--set-utc -T|--set-time --posix --follow-symlinks --read-only=v --reject-format=v --quoting-style=v -D|--ifdef=v",
  },
  tree: {
    opts: "-a -d -l -f -x -L=v -R -P=v -I=v --gitignore --ignore-case --matchdirs --metafirst --prune --info --infofile=r --noreport --charset=v --filelimit=v --dirsfirst --filesfirst -q -N -Q -p -u -g -s -h --si --du -D --timefmt=v -F --inodes --device -v -t -c -U -r --sort=v -i -A -S -n -C -X -J -H=v -T=v --nolinks --hintro=r --houtro=r -o=w --fromfile --fromtabfile --fflinks -1 --noindent",
  },
  less: {
    version: "less 590",
    // `+cmd` and `-p`/`-t` start less on a command; `!cmd` inside it runs a shell: the
    // interactive session is out of scope, but an initial `+!cmd` runs at once.
    opts: "-? -a|--search-skip-screen -A|--SEARCH-SKIP-SCREEN -b|--buffers=v -B|--auto-buffers -c|--clear-screen -C|--CLEAR-SCREEN -d|--dumb -e|--quit-at-eof -E|--QUIT-AT-EOF -f|--force -F|--quit-if-one-screen -g|--hilite-search -G|--HILITE-SEARCH -h|--max-back-scroll=v -i|--ignore-case -I|--IGNORE-CASE -j|--jump-target=v -J|--status-column -L|--no-lessopen -m|--long-prompt -M|--LONG-PROMPT -n|--line-numbers -N|--LINE-NUMBERS -p|--pattern=v -P|--prompt=v -q|--quiet|--silent -Q|--QUIET|--SILENT -r|--raw-control-chars -R|--RAW-CONTROL-CHARS -s|--squeeze-blank-lines -S|--chop-long-lines -t|--tag=v -T|--tag-file=r -u|--underline-special -U|--UNDERLINE-SPECIAL -V -w|--hilite-unread -W|--HILITE-UNREAD -x|--tabs=v -X|--no-init -y|--max-forw-scroll=v -z|--window=v --mouse --wheel-lines=v --incsearch --use-color --no-histdups --redraw-on-quit --follow-name --file-size --line-num-width=v --header=v",
    special: {
      "-k|--lesskey-file=r": {
        dynamic: "less --lesskey-file loads key bindings that can run commands",
      },
      "-o|--log-file=w": {},
      "-O|--LOG-FILE=w": {},
    },
    examples: {
      approve: ["less -R README.md"],
      notApprove: ["less +'!rm -rf ~' f", "less -o .claudeignore x"],
    },
  },
  more: {
    opts: "-d|--silent -f|--logical -l|--no-pause -c|--print-over -p|--clean-print -s|--squeeze -u|--plain -n|--lines=v",
  },
  zcat: { opts: "-f|--force -q|--quiet -v|--verbose -l|--list -t|--test" },
  bzcat: { opts: "-s|--small -q|--quiet -v|--verbose" },
  xzcat: { opts: "-q|--quiet -v|--verbose -T|--threads=v" },
  lsof: {
    opts: "-a -b -c=v -d=v -D=v -g[=v] -i[=v] -l -n -N -O -p=v -P -R -s[=v] -t -u=v -U -w -x[=v] +c=v +d=r +D=r -F=v -K -r[=v]",
  },
  arch: { operands: "none" },
  umask: { opts: "-p -S" },
  sum: { ...GNU, opts: "-r -s|--sysv" },
};
