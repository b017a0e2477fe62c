import type { ProgramSpec } from "./dsl.js";
import type { OptionEffect } from "./types.js";

/**
 * git 2.39 (Debian 12), from `git <command> -h` and the manual pages. git's parse-options
 * takes unique prefixes of long options and a `--no-` form of each (added by `negatable`).
 * Subcommands not listed here (difftool, mergetool, filter-branch, …) are `unknown`.
 */

/** Settings that make git run a command or load code (`git -c core.pager=…`). */
const CODE_CONFIG =
  /^(alias\.|core\.(pager|sshcommand|fsmonitor|hookspath|editor|askpass|gitproxy|alternaterefsCommand)$|.*\.(command|cmd|program|textconv|helper|process|clean|smudge|path|tool|driver|receivepack|uploadpack|proxy)$|diff\.external$|include\.|includeif\.|protocol\.|sequence\.editor$|gpg\.|ssh\.variant$|http\..*(proxy|sslkey|sslcert|cookiefile)|remote\..*\.(proxy|vcs)$|uploadpack\.packobjectshook$|credential\.)/i;

/** What a `key=value` setting given through `-c` does. */
export function gitSetting(setting: string): OptionEffect | undefined {
  const key = setting.split("=")[0] ?? "";
  if (/^core\.hookspath$/i.test(key))
    return { dynamic: `git ${setting} makes git run hooks from another folder` };
  if (CODE_CONFIG.test(key)) return { dynamic: `git -c ${key} can make git run another command` };
  return undefined;
}

const VERSION = "git 2.39";

const PATHSPEC = "--pathspec-from-file=r --pathspec-file-nul";

/** Diff output options shared by diff, log, show (from git-diff(1), "OPTIONS"). */
const DIFF =
  "-p|-u|--patch -s|--no-patch -U|--unified=v --output=w --output-indicator-new=v --output-indicator-old=v --output-indicator-context=v --raw --patch-with-raw -t --indent-heuristic --minimal --patience --histogram --anchored=v --diff-algorithm=v --stat[=v] --stat-width=v --stat-name-width=v --stat-count=v --stat-graph-width=v --compact-summary --numstat --shortstat -X|--dirstat[=v] --cumulative --dirstat-by-file[=v] --summary --patch-with-stat -z --name-only --name-status --submodule[=v] --color[=v] --color-moved[=v] --color-moved-ws=v --word-diff[=v] --word-diff-regex=v --color-words[=v] --no-renames --rename-empty --check --ws-error-highlight=v --full-index --binary --abbrev[=v] -B|--break-rewrites[=v] -M|--find-renames[=v] -C|--find-copies[=v] --find-copies-harder -D|--irreversible-delete -l=v --diff-filter=v -S=v -G=v --find-object=v --pickaxe-all --pickaxe-regex -O=r --skip-to=v --rotate-to=v -R --relative[=v] -a|--text --ignore-cr-at-eol --ignore-space-at-eol -b|--ignore-space-change -w|--ignore-all-space --ignore-blank-lines -I|--ignore-matching-lines=v --inter-hunk-context=v -W|--function-context --exit-code --quiet --ext-diff --textconv --ignore-submodules[=v] --src-prefix=v --dst-prefix=v --no-prefix --default-prefix --line-prefix=v --ita-invisible-in-index --ita-visible-in-index --cached --staged --merge-base --no-index -1|--base -2|--ours -3|--theirs -0 -c --cc --combined-all-paths -m --diff-merges=v --remerge-diff --no-color --no-ext-diff --no-textconv";

/** Commit limiting and formatting shared by log, show, shortlog, rev-list. */
const REV =
  "-n|--max-count=v --skip=v --since=v --after=v --since-as-filter=v --until=v --before=v --author=v --committer=v --grep-reflog=v --grep=v --all-match --invert-grep -i|--regexp-ignore-case --basic-regexp -E|--extended-regexp -F|--fixed-strings -P|--perl-regexp --remove-empty --merges --no-merges --min-parents=v --max-parents=v --no-min-parents --no-max-parents --first-parent --exclude-first-parent-only --not --all --branches[=v] --tags[=v] --remotes[=v] --glob=v --exclude=v --exclude-hidden=v --reflog --alternate-refs --single-worktree --ignore-missing --bisect --stdin --cherry-mark --cherry-pick --left-only --right-only --cherry -g|--walk-reflogs --merge --boundary --simplify-by-decoration --show-pulls --full-history --dense --sparse --simplify-merges --ancestry-path[=v] --date-order --author-date-order --topo-order --reverse --no-walk[=v] --do-walk --pretty[=v] --format=v --abbrev-commit --no-abbrev-commit --oneline --encoding=v --expand-tabs[=v] --no-expand-tabs --notes[=v] --no-notes --show-notes[=v] --standard-notes --show-signature --relative-date --date=v --parents --children --left-right --graph --show-linear-break[=v] --follow --decorate[=v] --decorate-refs=v --decorate-refs-exclude=v --clear-decorations --source --mailmap --use-mailmap --full-diff --log-size -L=v --no-decorate --no-graph --count";

const DIFF_REV = `${DIFF} ${REV}`;

const BISECT_SUB: ProgramSpec = { operands: "any" };

export const GIT: ProgramSpec = {
  version: VERSION,
  abbrev: true,
  negatable: true,
  opts: "-v|--version --exec-path[=v] --html-path --man-path --info-path -p|--paginate -P|--no-pager --namespace=v --bare --no-replace-objects --literal-pathspecs --glob-pathspecs --noglob-pathspecs --icase-pathspecs --no-optional-locks --no-advice --list-cmds=v --attr-source=v",
  special: {
    // Another repository's folder: its config can run commands (core.fsmonitor), so it is
    // read like a folder the command works in (outside the project, it escalates).
    "-C|--git-dir|--work-tree=d": {},
    "-c=k": {},
    "--config-env=v": {
      dynamic:
        "git --config-env sets configuration from the environment, which can make git run another command",
    },
    "--exec-path=v": { dynamic: "git --exec-path runs git's own commands from another folder" },
    "--super-prefix=v": {},
  },
  config: gitSetting,
  examples: {
    approve: [
      "git status",
      "git -C packages/engine log --oneline -5",
      "git diff --stat HEAD~1",
      "git --version",
    ],
    notApprove: [
      "git -c core.pager='rm -rf ~' log",
      "git -ccore.pager='sh -c x' log",
      "git --config-env=core.pager=X log",
      "git log --output=/etc/passwd",
      "git frobnicate",
    ],
  },
  sub: {
    status: {
      opts: "-v|--verbose -s|--short -b|--branch --show-stash --ahead-behind --no-ahead-behind --porcelain[=v] --long -z|--null -u|--untracked-files[=v] --ignored[=v] --ignore-submodules[=v] --column[=v] --no-column --renames --no-renames -M|--find-renames[=v] --no-optional-locks",
      examples: {
        approve: ["git status --short", "git status -sb"],
        notApprove: ["git status --exec=x"],
      },
    },
    diff: {
      opts: DIFF_REV,
      numberOption: true,
      examples: {
        approve: ["git diff --cached", "git diff main...HEAD -- src"],
        notApprove: ["git diff --output=.claude/policy.json"],
      },
    },
    log: {
      opts: DIFF_REV,
      numberOption: true,
      examples: {
        approve: ["git log --oneline -20", "git log -p --follow src/a.ts"],
        notApprove: ["git log --output=../x.txt --oneline"],
      },
    },
    show: {
      opts: DIFF_REV,
      numberOption: true,
      examples: {
        approve: ["git show HEAD~2 --stat"],
        notApprove: ["git show --output=/etc/passwd"],
      },
    },
    whatchanged: { opts: DIFF_REV, numberOption: true },
    shortlog: {
      opts: `${REV} -c|--committer -n|--numbered -s|--summary -e|--email -w[=v] --group=v`,
      numberOption: true,
    },
    "rev-list": {
      opts: `${REV} --objects --objects-edge --disk-usage[=v] --unpacked --header --object-names --no-object-names --bisect-vars --bisect-all --quiet --filter=v --no-filter --missing=v --timestamp`,
      numberOption: true,
    },
    "rev-parse": {
      opts: "--parseopt --sq-quote --keep-dashdash --stop-at-non-option --stuck-long --revs-only --no-revs --flags --no-flags --default=v --prefix=v --verify -q|--quiet --sq --short[=v] --not --abbrev-ref[=v] --symbolic --symbolic-full-name --all --branches[=v] --tags[=v] --remotes[=v] --glob=v --exclude=v --exclude-hidden=v --disambiguate=v --local-env-vars --path-format=v --git-dir --git-common-dir --resolve-git-dir=v --git-path=v --show-toplevel --show-superproject-working-tree --shared-index-path --absolute-git-dir --is-inside-git-dir --is-inside-work-tree --is-bare-repository --is-shallow-repository --show-cdup --show-prefix --show-object-format[=v] --since=v --after=v --until=v --before=v --show-ref-format",
    },
    describe: {
      opts: "--contains --debug --all --tags --long --first-parent --abbrev[=v] --exact-match --candidates=v --match=v --exclude=v --always --dirty[=v] --broken[=v]",
    },
    blame: {
      opts: "--incremental -b --root --show-stats --progress --score-debug -f|--show-name -n|--show-number -p|--porcelain --line-porcelain -c -t -l -s -e|--show-email -w --ignore-rev=v --ignore-revs-file=r --color-lines --color-by-age --minimal -S=r --contents=r -C[=v] -M[=v] -L=v --abbrev[=v] --reverse=v --first-parent --encoding=v --date=v",
    },
    annotate: {
      opts: "-b --root --show-stats -f|--show-name -n|--show-number -p|--porcelain -c -t -l -s -e|--show-email -w -L=v -M[=v] -C[=v]",
    },
    "ls-files": {
      opts: "-z -t -v -f -c|--cached -d|--deleted -m|--modified -o|--others -i|--ignored -s|--stage -k|--killed --directory --no-empty-directory --eol --empty-directory -u|--unmerged --resolve-undo -x|--exclude=v -X|--exclude-from=r --exclude-per-directory=v --exclude-standard --full-name --recurse-submodules --error-unmatch --with-tree=v --abbrev[=v] --debug --deduplicate --sparse --format=v",
    },
    "ls-tree": {
      opts: "-d -r -t -z -l|--long --name-only --name-status --object-only --full-name --full-tree --format=v --abbrev[=v]",
    },
    "cat-file": {
      opts: "-e -p -t -s --allow-unknown-type --use-mailmap --mailmap --batch[=v] --batch-check[=v] -z --batch-command[=v] --batch-all-objects --buffer --follow-symlinks --unordered --textconv --filters --path=v",
    },
    "show-ref": {
      opts: "--tags --heads --verify --head -d|--dereference -s|--hash[=v] --abbrev[=v] -q|--quiet --exclude-existing[=v]",
    },
    "for-each-ref": {
      opts: "-s|--shell -p|--perl --python --tcl --count=v --format=v --color[=v] --sort=v --points-at=v --merged=v --no-merged=v --contains=v --no-contains=v --ignore-case",
    },
    "merge-base": { opts: "-a|--all --octopus --independent --is-ancestor --fork-point" },
    "name-rev": {
      opts: "--tags --refs=v --exclude=v --all --stdin --annotate-stdin --name-only --undefined --always",
    },
    "check-ignore": { opts: "-q|--quiet -v|--verbose --stdin -z -n|--non-matching --no-index" },
    "check-attr": { opts: "-a|--all --cached --stdin -z --source=v" },
    "count-objects": { opts: "-v|--verbose -H|--human-readable" },
    grep: {
      numberOption: true,
      opts: "--cached --no-index --untracked --exclude-standard --no-exclude-standard --recurse-submodules -v|--invert-match -i|--ignore-case -w|--word-regexp -a|--text -I --textconv -r|--recursive --max-depth=v -E|--extended-regexp -G|--basic-regexp -F|--fixed-strings -P|--perl-regexp -n|--line-number --column -h -H --full-name -l|--files-with-matches --name-only -L|--files-without-match -z|--null -o|--only-matching -c|--count --color[=v] --break --heading -C|--context=v -B|--before-context=v -A|--after-context=v --threads=v -p|--show-function -W|--function-context -f=r -e=v --and --or --not -q|--quiet --all-match -m|--max-count=v",
      special: {
        "-O|--open-files-in-pager[=x]": {
          dynamic: "git grep -O opens the matches in a pager program",
        },
      },
    },
    version: { opts: "--build-options" },
    help: {
      opts: "-a|--all -g|--guides -c|--config -i|--info -m|--man -w|--web --verbose",
      special: { "-w|--web": { dynamic: "git help --web starts a browser program" } },
    },
    branch: {
      opts: "-v|-vv|--verbose -q|--quiet -t|--track[=v] -u|--set-upstream-to=v --unset-upstream --color[=v] -r|--remotes --contains=v --no-contains=v --abbrev[=v] -a|--all -d|--delete -D -m|--move -M -c|--copy -C -l|--list --show-current --create-reflog --edit-description -f|--force --merged=v --no-merged=v --column[=v] --sort=v --points-at=v -i|--ignore-case --recurse-submodules --format=v --omit-empty",
    },
    tag: {
      opts: "-l|--list -n[=v] -d|--delete -v|--verify -a|--annotate -m|--message=v -F|--file=r -e|--edit -s|--sign --cleanup=v -u|--local-user=v -f|--force --create-reflog --column[=v] --contains=v --no-contains=v --merged=v --no-merged=v --sort=v --points-at=v --format=v --color[=v] -i|--ignore-case",
    },
    add: {
      opts: `-n|--dry-run -v|--verbose -i|--interactive -p|--patch -e|--edit -f|--force -u|--update --renormalize -N|--intent-to-add -A|--all --ignore-removal --no-ignore-removal --no-all --refresh --ignore-errors --ignore-missing --sparse --chmod=v ${PATHSPEC}`,
      examples: {
        approve: ["git add -A", "git add src/a.ts"],
        notApprove: ["git add --frobnicate x"],
      },
    },
    stage: {
      opts: `-n|--dry-run -v|--verbose -p|--patch -f|--force -u|--update -A|--all ${PATHSPEC}`,
    },
    commit: {
      opts: `-q|--quiet -v|--verbose -F|--file=r --author=v --date=v -m|--message=v -c|--reedit-message=v -C|--reuse-message=v --fixup=v --squash=v --reset-author --trailer=v -s|--signoff -t|--template=r -e|--edit --no-edit --cleanup=v --status --no-status -S|--gpg-sign[=v] --no-gpg-sign -a|--all -i|--include --interactive -p|--patch -o|--only -n|--no-verify --verify --dry-run --short --branch --ahead-behind --porcelain --long -z|--null --amend --no-post-rewrite -u|--untracked-files[=v] --allow-empty --allow-empty-message ${PATHSPEC}`,
      examples: {
        approve: ["git commit -m 'fix: x'", "git commit -am wip", "git commit --amend --no-edit"],
        notApprove: [],
      },
    },
    switch: {
      opts: "-c|--create=v -C|--force-create=v --guess --no-guess -q|--quiet --recurse-submodules[=v] --progress -m|--merge --conflict=v -d|--detach -t|--track[=v] --no-track --overwrite-ignore --ignore-other-worktrees",
      special: {
        "-f|--force|--discard-changes": {
          destructive: "git switch --discard-changes discards uncommitted changes",
        },
        "--orphan=v": {},
      },
      examples: {
        approve: ["git switch main", "git switch -c feature/x"],
        notApprove: ["git switch -f main", "git switch --discard-changes main"],
      },
    },
    checkout: {
      opts: `-b=v -B=v -l --guess --no-guess --overlay --no-overlay -q|--quiet --recurse-submodules[=v] --progress -m|--merge --conflict=v -d|--detach -t|--track[=v] --no-track -f|--force --orphan=v --overwrite-ignore --ignore-other-worktrees -2|--ours -3|--theirs -p|--patch --ignore-skip-worktree-bits ${PATHSPEC}`,
    },
    restore: {
      opts: `-s|--source=v -S|--staged -W|--worktree --ignore-unmerged --overlay --no-overlay -q|--quiet --recurse-submodules[=v] --progress -m|--merge --conflict=v -2|--ours -3|--theirs -p|--patch --ignore-skip-worktree-bits ${PATHSPEC}`,
    },
    reset: {
      opts: `-q|--quiet --no-refresh --refresh --mixed --soft --merge --keep --recurse-submodules[=v] -p|--patch -N|--intent-to-add ${PATHSPEC}`,
      special: { "--hard": { destructive: "git reset --hard discards uncommitted changes" } },
      examples: {
        approve: ["git reset HEAD~1", "git reset --soft HEAD~1"],
        notApprove: ["git reset --hard", "git reset --ha"],
      },
    },
    mv: { opts: "-v|--verbose -n|--dry-run -f|--force -k --sparse" },
    rm: {
      opts: `-n|--dry-run -q|--quiet --cached -f|--force -r --ignore-unmatch --sparse ${PATHSPEC}`,
    },
    clean: { opts: "-q|--quiet -n|--dry-run -f|--force -i|--interactive -d -e|--exclude=v -x -X" },
    apply: {
      opts: "--exclude=v --include=v -p=v --no-add --stat --numstat --summary --check --index -N|--intent-to-add --cached --unsafe-paths --apply -3|--3way --build-fake-ancestor=w -z -C=v --whitespace=v --ignore-space-change --ignore-whitespace -R|--reverse --unidiff-zero --reject --allow-overlap -v|--verbose -q|--quiet --inaccurate-eof --recount --directory=v --allow-empty",
    },
    merge: {
      opts: "-n --stat --no-stat --summary --log[=v] --squash --commit --no-commit -e|--edit --no-edit --cleanup=v --ff --no-ff --ff-only --rerere-autoupdate --verify-signatures -s|--strategy=v -X|--strategy-option=v -m|--message=v -F|--file=r --into-name=v -v|--verbose -q|--quiet --abort --quit --continue --allow-unrelated-histories --progress -S|--gpg-sign[=v] --autostash --overwrite-ignore --signoff --no-verify",
    },
    rebase: {
      opts: "--onto=v --keep-base --no-verify --verify -q|--quiet -v|--verbose -n|--no-stat --stat --signoff --committer-date-is-author-date --reset-author-date -C=v --ignore-whitespace --whitespace=v -f|--force-rebase --no-ff --continue --skip --abort --quit --edit-todo --show-current-patch --apply -m|--merge -i|--interactive --rerere-autoupdate --empty=v --autosquash --no-autosquash --update-refs -S|--gpg-sign[=v] --autostash --no-autostash -r|--rebase-merges[=v] --fork-point --no-fork-point -s|--strategy=v -X|--strategy-option=v --root --reschedule-failed-exec --reapply-cherry-picks",
      special: { "-x|--exec=x": {} },
      examples: {
        approve: ["git rebase main", "git rebase --continue"],
        notApprove: ["git rebase --exec 'rm -rf ~' main", "git rebase -x 'curl x|sh' main"],
      },
    },
    "cherry-pick": {
      opts: "--quit --continue --abort --skip --cleanup=v -n|--no-commit -e|--edit -s|--signoff -m|--mainline=v --rerere-autoupdate --strategy=v -X|--strategy-option=v -S|--gpg-sign[=v] -x --ff --allow-empty --allow-empty-message --keep-redundant-commits",
    },
    revert: {
      opts: "--quit --continue --abort --skip --cleanup=v -n|--no-commit -e|--edit --no-edit -s|--signoff -m|--mainline=v --rerere-autoupdate --strategy=v -X|--strategy-option=v -S|--gpg-sign[=v] --reference",
    },
    init: {
      opts: "--bare --shared[=v] -q|--quiet --separate-git-dir=w -b|--initial-branch=v --object-format=v",
      special: { "--template=r": { dynamic: "git init --template copies hooks that later run" } },
    },
    stash: {
      opts: `-p|--patch -S|--staged -k|--keep-index --no-keep-index -u|--include-untracked -a|--all -q|--quiet -m|--message=v ${PATHSPEC}`,
      sub: {
        list: { opts: REV },
        show: { opts: `${DIFF} -u|--include-untracked --only-untracked` },
        "push|save": {
          opts: `-p|--patch -S|--staged -k|--keep-index --no-keep-index -u|--include-untracked -a|--all -q|--quiet -m|--message=v ${PATHSPEC}`,
          operands: "any",
        },
        pop: { opts: "--index -q|--quiet", operands: "any" },
        apply: { opts: "--index -q|--quiet", operands: "any" },
        drop: { opts: "-q|--quiet", operands: "any" },
        clear: {},
        branch: { operands: "any" },
        create: { operands: "any" },
        store: { opts: "-m|--message=v -q|--quiet", operands: "any" },
      },
    },
    worktree: {
      sub: {
        add: {
          opts: "-f|--force --detach --checkout --no-checkout --lock --reason=v -q|--quiet --track --no-track --guess-remote --no-guess-remote --orphan -b=v -B=v",
          operands: "any",
        },
        list: { opts: "--porcelain -v|--verbose --expire=v -z" },
        lock: { opts: "--reason=v", operands: "any" },
        unlock: { operands: "any" },
        move: { opts: "-f|--force", operands: "any" },
        prune: { opts: "-n|--dry-run -v|--verbose --expire=v" },
        remove: { opts: "-f|--force", operands: "any" },
        repair: { operands: "any" },
      },
    },
    remote: {
      opts: "-v|--verbose",
      sub: {
        add: { opts: "-t=v -m=v -f --tags --no-tags --mirror[=v]", operands: "any" },
        "rename|mv": { opts: "--progress --no-progress", operands: "any" },
        "remove|rm": { operands: "any" },
        "set-head": { opts: "-a|--auto -d|--delete", operands: "any" },
        "set-branches": { opts: "--add", operands: "any" },
        "get-url": { opts: "--push --all", operands: "any" },
        "set-url": { opts: "--push --add --delete", operands: "any" },
        show: { opts: "-n", operands: "any" },
        prune: { opts: "-n|--dry-run", operands: "any" },
        update: { opts: "-p|--prune", operands: "any" },
      },
    },
    config: {
      opts: "--global --system --local --worktree --blob=v --get --get-all --get-regexp --get-urlmatch --replace-all --add --unset --unset-all --rename-section --remove-section -l|--list --fixed-value --get-color --get-colorbool -t|--type=v --bool --int --bool-or-int --bool-or-str --path --expiry-date -z|--null --name-only --includes --no-includes --show-origin --show-scope --default=v",
      special: {
        "-f|--file=w": {},
        "-e|--edit": { dynamic: "git config --edit starts an editor" },
      },
      operands: "any",
      examples: {
        approve: ["git config user.name", "git config --get remote.origin.url"],
        notApprove: [
          "git config core.hooksPath /tmp/h",
          "git config --local CORE.HOOKSPATH x",
          "git config core.pager 'rm -rf ~'",
        ],
      },
    },
    clone: {
      opts: "-v|--verbose -q|--quiet --progress --reject-shallow -n|--no-checkout --bare --mirror -l|--local --no-hardlinks -s|--shared --recurse-submodules[=v] --recursive[=v] -j|--jobs=v --reference=v --reference-if-able=v --dissociate -o|--origin=v -b|--branch=v --depth=v --shallow-since=v --shallow-exclude=v --single-branch --no-single-branch --no-tags --shallow-submodules --separate-git-dir=w --server-option=v -4|--ipv4 -6|--ipv6 --filter=v --also-filter-submodules --remote-submodules --sparse --bundle-uri=v",
      special: {
        "-u|--upload-pack=x": {},
        "-c|--config=k": {},
        "--template=r": { dynamic: "git clone --template copies hooks that later run" },
      },
    },
    fetch: {
      opts: "-v|--verbose -q|--quiet --all --set-upstream -a|--append --atomic -f|--force -m|--multiple -t|--tags --no-tags -n -j|--jobs=v --prefetch -p|--prune -P|--prune-tags --recurse-submodules[=v] --dry-run --write-fetch-head --no-write-fetch-head -k|--keep -u|--update-head-ok --progress --depth=v --shallow-since=v --shallow-exclude=v --deepen=v --unshallow --refetch --update-shallow --refmap=v -o|--server-option=v -4|--ipv4 -6|--ipv6 --negotiation-tip=v --negotiate-only --filter=v --auto-maintenance --auto-gc --show-forced-updates --write-commit-graph --stdin",
      special: { "--upload-pack=x": {} },
    },
    pull: {
      opts: "-v|--verbose -q|--quiet --progress --recurse-submodules[=v] -r|--rebase[=v] --no-rebase -n --stat --no-stat --log[=v] --signoff --squash --commit --no-commit --edit --no-edit --cleanup=v --ff --no-ff --ff-only --verify --no-verify --verify-signatures --autostash --no-autostash -s|--strategy=v -X|--strategy-option=v -S|--gpg-sign[=v] --allow-unrelated-histories --all -a|--append -f|--force -t|--tags -p|--prune -j|--jobs[=v] --dry-run -k|--keep --depth=v --shallow-since=v --shallow-exclude=v --deepen=v --unshallow --update-shallow --refmap=v -o|--server-option=v -4|--ipv4 -6|--ipv6 --negotiation-tip=v --show-forced-updates --set-upstream",
      special: { "--upload-pack=x": {} },
    },
    push: {
      opts: "-v|--verbose -q|--quiet --repo=v --all --branches --mirror -d|--delete --tags -n|--dry-run --porcelain -f|--force --force-with-lease[=v] --force-if-includes --recurse-submodules[=v] --thin --no-thin -u|--set-upstream --progress --prune --no-verify --verify --follow-tags --signed[=v] --atomic -o|--push-option=v -4|--ipv4 -6|--ipv6",
      special: { "--receive-pack|--exec=x": {} },
    },
    "ls-remote": {
      opts: "-q|--quiet -h|--heads -t|--tags --refs --get-url --sort=v --symref -o|--server-option=v --exit-code",
      special: { "--upload-pack=x": {} },
    },
    submodule: {
      opts: "-q|--quiet --cached",
      sub: {
        status: { opts: "--cached --recursive", operands: "any" },
        init: { operands: "any" },
        deinit: { opts: "-f|--force --all", operands: "any" },
        update: {
          opts: "--init --remote -N|--no-fetch --no-recommend-shallow --recommend-shallow -f|--force --checkout --rebase --merge --reference=v --dissociate --depth=v --recursive -j|--jobs=v --single-branch --no-single-branch --filter=v",
          operands: "any",
        },
        add: {
          opts: "-b=v -f|--force --name=v --reference=v --dissociate --depth=v",
          operands: "any",
        },
        summary: { opts: "--cached --files -n|--summary-limit=v", operands: "any" },
        foreach: { opts: "--recursive", operands: "script" },
        sync: { opts: "--recursive", operands: "any" },
        absorbgitdirs: { operands: "any" },
        "set-branch": { opts: "-b|--branch=v -d|--default", operands: "any" },
        "set-url": { operands: "any" },
      },
    },
    bisect: {
      sub: {
        start: {
          opts: "--term-new=v --term-bad=v --term-old=v --term-good=v --no-checkout --first-parent",
          operands: "any",
        },
        "bad|new|good|old|skip|reset|terms|log|visualize|view|next": BISECT_SUB,
        replay: { operands: "any" },
        run: { operands: "runs" },
      },
    },
    notes: {
      opts: "--ref=v",
      sub: {
        list: { operands: "any" },
        show: { operands: "any" },
        add: {
          opts: "-f|--force --allow-empty -m|--message=v -F|--file=r -c|--reedit-message=v -C|--reuse-message=v",
          operands: "any",
        },
        append: {
          opts: "--allow-empty -m|--message=v -F|--file=r -c|--reedit-message=v -C|--reuse-message=v",
          operands: "any",
        },
        copy: { opts: "-f|--force --stdin", operands: "any" },
        remove: { opts: "--ignore-missing --stdin", operands: "any" },
        prune: { opts: "-n|--dry-run -v|--verbose" },
        "get-ref": {},
      },
    },
    reflog: {
      opts: REV,
      numberOption: true,
      operands: "any",
      examples: {
        // git 2.39: after `-10`, `expire` is a revision of `git reflog show`, not a subcommand.
        approve: ["git reflog -10", "git reflog show -5 main", "git reflog -10 expire"],
        notApprove: ["git reflog expire --all", "git reflog -10 --output=x"],
      },
      sub: {
        show: { opts: REV, numberOption: true, operands: "any" },
        expire: {
          opts: "--expire=v --expire-unreachable=v --rewrite --updateref --stale-fix --dry-run --verbose --all --single-worktree",
          operands: "any",
        },
        delete: { opts: "--rewrite --updateref --dry-run --verbose", operands: "any" },
        exists: { operands: "any" },
      },
    },
    gc: {
      opts: "-q|--quiet --prune[=v] --no-prune --cruft --aggressive --auto --force --keep-largest-pack",
    },
    archive: {
      opts: "--format=v --prefix=v --add-file=r --add-virtual-file=v -o|--output=w --worktree-attributes -v|--verbose -l|--list -0 -1 -2 -3 -4 -5 -6 -7 -8 -9",
      special: { "--remote=h": {}, "--exec=x": {} },
    },
    "format-patch": {
      opts: `${DIFF_REV} -n|--numbered -N|--no-numbered -s|--signoff --stdout --cover-letter --numbered-files --suffix=v --start-number=v -v|--reroll-count=v --filename-max-length=v --rfc --cover-from-description=v --subject-prefix=v -o|--output-directory=w -k|--keep-subject --no-binary --zero-commit --ignore-if-in-upstream --add-header=v --to=v --cc=v --from[=v] --in-reply-to=v --attach[=v] --inline[=v] --thread[=v] --signature=v --base=v --signature-file=r --progress --interdiff=v --range-diff=v --creation-factor=v --force-in-body-from`,
      numberOption: true,
    },
    "update-index": {
      opts: "--add --remove --force-remove --refresh -q --ignore-submodules --unmerged --ignore-missing --cacheinfo=v --index-info --chmod=v --assume-unchanged --no-assume-unchanged --really-refresh --skip-worktree --no-skip-worktree --fsmonitor-valid --no-fsmonitor-valid -g|--again --unresolve --info-only --replace --stdin --verbose -z --split-index --no-split-index --untracked-cache --no-untracked-cache --test-untracked-cache --force-untracked-cache --fsmonitor --no-fsmonitor --index-version=v",
    },
    "sparse-checkout": {
      sub: {
        "init|list|reapply|disable": { opts: "--cone --no-cone --sparse-index --no-sparse-index" },
        "set|add": {
          opts: "--cone --no-cone --sparse-index --no-sparse-index --skip-checks --stdin",
          operands: "any",
        },
        check_rules: { opts: "--cone --rules-file=r -z", operands: "any" },
      },
    },
  },
};
