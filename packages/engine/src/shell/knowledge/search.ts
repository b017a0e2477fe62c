import type { ProgramSpec } from "./dsl.js";

/** Searching and text-processing tools. grep 3.8, ripgrep 13, fd 8.6, jq 1.6, yq 4. */
export const SEARCH: Readonly<Record<string, ProgramSpec>> = {
  grep: {
    abbrev: true,
    numberOption: true,
    version: "GNU grep 3.8",
    opts: "-E|--extended-regexp -F|--fixed-strings -G|--basic-regexp -P|--perl-regexp -e|--regexp=v -f|--file=r -i|-y|--ignore-case --no-ignore-case -w|--word-regexp -x|--line-regexp -z|--null-data -s|--no-messages -v|--invert-match -V -m|--max-count=v -b|--byte-offset -n|--line-number --line-buffered -H|--with-filename -h|--no-filename --label=v -o|--only-matching -q|--quiet|--silent --binary-files=v -a|--text -I -d|--directories=v -D|--devices=v -r|--recursive -R|--dereference-recursive --include=v --exclude=v --exclude-from=r --exclude-dir=v -L|--files-without-match -l|--files-with-matches -c|--count -T|--initial-tab -Z|--null -B|--before-context=v -A|--after-context=v -C|--context=v --group-separator=v --no-group-separator --color[=v] --colour[=v] -U|--binary",
    examples: {
      approve: ["grep -rn TODO src", "grep -E 'a|b' -C2 README.md"],
      notApprove: ["grep --frob x", "grep -f .env x"],
    },
  },
  rg: {
    version: "ripgrep 13.0",
    opts: "-A|--after-context=v --auto-hybrid-regex --binary --no-binary --block-buffered -b|--byte-offset -s|--case-sensitive --color=v --colors=v --column --no-column -C|--context=v --context-separator=v --no-context-separator -c|--count --count-matches --crlf --debug --trace --dfa-size-limit=v -E|--encoding=v --engine=v --field-context-separator=v --field-match-separator=v -f|--file=r --files -l|--files-with-matches --files-without-match -F|--fixed-strings -L|--follow -g|--glob=v --glob-case-insensitive --heading --no-heading -.|--hidden --no-hidden --iglob=v -i|--ignore-case --ignore-file=r --ignore-file-case-insensitive --include-zero -v|--invert-match --json --no-json --line-buffered -n|--line-number -N|--no-line-number -x|--line-regexp -M|--max-columns=v --max-columns-preview -m|--max-count=v -d|--max-depth=v --max-filesize=v --mmap --no-mmap -U|--multiline --multiline-dotall --no-config -I|--no-filename --no-ignore --no-ignore-dot --no-ignore-exclude --no-ignore-files --no-ignore-global --no-ignore-messages --no-ignore-parent --no-ignore-vcs --no-messages --no-pcre2-unicode --no-require-git --no-unicode -0|--null --null-data --one-file-system -o|--only-matching --passthru|--passthrough --path-separator=v -P|--pcre2 --pcre2-version -p|--pretty -q|--quiet --regex-size-limit=v -e|--regexp=v -r|--replace=v -S|--smart-case --sort=v --sortr=v --sort-files --stats -a|--text -j|--threads=v --trim -t|--type=v --type-add=v --type-clear=v --type-list -T|--type-not=v -u|--unrestricted -V --vimgrep -H|--with-filename -w|--word-regexp --unicode --pcre2-unicode --no-search-zip --no-pre",
    special: {
      // rg runs `CMD FILE` for every file it searches: the command is analysed, and the file
      // words it is given are ones automode cannot see (`rg --pre rm x` deletes x).
      "--pre=x": {
        dynamic:
          "rg --pre runs the command on every file it searches, with paths automode cannot see",
      },
      "--pre-glob=v": {},
      "--hostname-bin=x": {},
      "-z|--search-zip": { dynamic: "rg --search-zip runs decompression programs found on PATH" },
    },
    examples: {
      approve: ["rg -n foo src", "rg --glob '*.ts' bar", "rg -l TODO"],
      notApprove: [
        "rg --pre 'rm -rf ~' x",
        "rg --pre='curl -s x | sh' x",
        "rg --pre rm TODO README.md",
        "rg --frobnicate x",
      ],
    },
  },
  fd: {
    version: "fd 8.6",
    opts: "-H|--hidden -I|--no-ignore --no-ignore-vcs --no-ignore-parent -u|--unrestricted -s|--case-sensitive -i|--ignore-case -g|--glob --regex -F|--fixed-strings --and=v -a|--absolute-path -l|--list-details -L|--follow -p|--full-path -0|--print0 -d|--max-depth=v --min-depth=v --exact-depth=v -E|--exclude=v --prune -t|--type=v -e|--extension=v -S|--size=v --changed-within|--change-newer-than|--newer=v --changed-before|--change-older-than|--older=v -o|--owner=v --batch-size=v --ignore-file=r -c|--color=v -j|--threads=v --max-results=v -1 -q|--quiet --show-errors --base-directory=d --path-separator=v --search-path=v --strip-cwd-prefix --one-file-system --no-hidden --no-follow --no-global-ignore-file",
    special: {
      "-x|--exec": { runsRest: true },
      "-X|--exec-batch": { runsRest: true },
    },
    examples: {
      approve: ["fd -e ts src", "fd -H config"],
      notApprove: ["fd -X git reset --hard", "fd -x rm -rf"],
    },
  },
  ag: {
    version: "ag 2.2",
    opts: "-a|--all-types -A|--after=v -B|--before=v -C|--context=v --color --nocolor -c|--count --column -f|--follow -G|--file-search-regex=v -g=v --hidden -i|--ignore-case --ignore=v --ignore-dir=v -l|--files-with-matches -L|--files-without-matches -m|--max-count=v --depth=v -n|--norecurse -Q|--literal -s|--case-sensitive -S|--smart-case -t|--all-text -u|--unrestricted -U|--skip-vcs-ignores -v|--invert-match -w|--word-regexp -z|--search-zip --vimgrep --nogroup --group --filename --nofilename --heading --noheading",
  },
  ack: {
    version: "ack 3",
    opts: "-i|--ignore-case -s -w|--word-regexp -Q|--literal -v|--invert-match -l|--files-with-matches -L|--files-without-matches -c|--count -h|--no-filename -H|--with-filename -n|--no-recurse -r|-R|--recurse -f -g=v -A|--after-context=v -B|--before-context=v -C|--context=v --type=v --color --nocolor --column --smart-case -o --output=v --sort-files --ignore-dir=v --noignore-dir=v --ignore-file=v -k|--known-types",
    special: { "--pager=x": {} },
  },
  locate: {
    opts: "-A|--all -b|--basename -c|--count -d|--database=r -e|--existing -L|--follow -i|--ignore-case -l|--limit=v -0|--null -S|--statistics -q|--quiet -r|--regexp=v --regex -w|--wholename",
  },
  jq: {
    version: "jq 1.6",
    // The filter program's own analysis belongs to `languages/`; here only its options.
    opts: "-c|--compact-output -r|--raw-output -j|--join-output -a|--ascii-output -n|--null-input -s|--slurp -e|--exit-status -S|--sort-keys -C|--color-output -M|--monochrome-output --tab --indent=v --unbuffered --stream --stream-errors --seq -R|--raw-input --raw-output0 --arg=v --argjson=v --args --jsonargs -L=r --ascii-output",
    special: {
      "-f|--from-file=r": {},
      // `--rawfile NAME FILE`: languages/jq.ts reads FILE as an operation.
      "--slurpfile=v": {},
      "--rawfile=v": {},
    },
    examples: {
      approve: ["jq .name package.json", "jq -r '.scripts | keys[]' package.json"],
      notApprove: ["jq -n --rawfile a .env '$a'"],
    },
  },
  yq: {
    version: "yq 4",
    opts: "-C|--colors -M|--no-colors -e|--exit-status -I|--indent=v -N|--no-doc -n|--null-input -o|--output-format=v -p|--input-format=v -P|--prettyPrint -r|--unwrapScalar -s|--split-exp=v -0|--nul-output --header-preprocess --expression=v -v|--verbose --xml-attribute-prefix=v --xml-content-name=v --front-matter=v --csv-separator=v --tsv --no-colors",
    special: {
      "-i|--inplace": { writesOperands: true, class: "development", why: "edits files in place" },
      "--from-file=r": {},
    },
    examples: {
      approve: ["yq '.a' config.yaml"],
      notApprove: ["yq -i '.a = 1' .claude/policy.json"],
    },
  },
  awk: {
    version: "gawk 5 / mawk",
    opts: "-F|--field-separator=v -v|--assign=v -f|--file=r -e|--source=v -b|--characters-as-bytes -c|--traditional -C|--copyright -d|--dump-variables[=w] -D|--debug[=w] -g|--gen-pot -i|--include=r -l|--load=r -L|--lint[=v] -M|--bignum -N|--use-lc-numeric -n|--non-decimal-data -o|--pretty-print[=w] -O|--optimize -p|--profile[=w] -P|--posix -r|--re-interval -s|--no-optimize -S|--sandbox -t|--lint-old -W=v -E|--exec=r",
  },
  sed: {
    abbrev: true,
    version: "GNU sed 4.9",
    opts: "-n|--quiet|--silent --debug -e|--expression=v -f|--file=r --follow-symlinks -l|--line-length=v --posix -E|-r|--regexp-extended -s|--separate -z|--null-data -u|--unbuffered --sandbox -b|--binary",
    // `-i` (in place) is modelled by the operand table in `tables/files.ts`.
    special: { "-i|--in-place[=v]": {}, "-I[=v]": {} },
    examples: {
      approve: ["sed -n 1,20p src/a.ts", "sed -i 's/a/b/' src/a.ts"],
      notApprove: ["sed --frob x"],
    },
  },
};
