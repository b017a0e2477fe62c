import { type Case, x } from "./types.js";

/**
 * Issue 11's findings, by class (SPEC section 4 "Closed world" and section 5). Hard-limit ones
 * (destructive, dynamic, privilege, writes of protected or system files) hold in every tier.
 */
export const runsCode: Case[] = [
  x("rg --pre 'rm -rf ~' x", "DDD", "credentials"),
  x("rg --pre=./x.sh foo", "EEE"),
  x("fd -X git reset --hard", "EEE", "destructive"),
  x("fd -x rm -rf", "EEE", "destructive"),
  x("git rebase --exec 'rm -rf ~' main", "DDD", "credentials"),
  x("git rebase -x 'git reset --hard' main", "EEE", "destructive"),
  x("git bisect run rm -rf ~", "DDD", "credentials"),
  x("git submodule foreach 'git reset --hard'", "EEE", "destructive"),
  x("make --eval='$(shell rm -rf ~)'", "EEE", "dynamic"),
  x("cmake -E rm -rf ~", "EEE", "dynamic"),
  x("split --filter='rm -rf ~' big.csv", "DDD", "credentials"),
  x("zip -T -TT 'rm -rf ~' a.zip f", "DDD", "credentials"),
  x("go test -exec='rm -rf ~' ./...", "DDD", "credentials"),
  x("less +'!rm -rf ~' f", "EEE", "dynamic"),
  x("trap 'rm -rf ~' EXIT", "DDD", "credentials"),
  x("trap 'echo bye' EXIT", "EEE", "dynamic"),
  x("arch -arm64 sudo id", "DDD", "privilege"),
  x("taskset -c 0 sudo id", "DDD", "privilege"),
  x("env -S 'A=1 sudo id'", "DDD", "privilege"),
  x("npm exec -c 'rm -rf ~'", "DDD", "credentials"),
  x("tar -xf a.tar --to-command='rm -rf ~'", "DDD", "credentials"),
  x("rsync -e 'rm -rf ~' a b:c", "DDD", "credentials"),
];

export const writesFiles: Case[] = [
  x("git log --output=/etc/passwd", "DDD", "system-path"),
  x("git diff --output=.claude/policy.json", "DDD", "self-protection"),
  x("git show --output=.claudeignore HEAD", "DDD", "self-protection"),
  x("base64 -o .claudeignore x", "DDD", "self-protection"),
  x("yq -i '.a = 1' .claude/policy.json", "DDD", "self-protection"),
  x("pytest --junitxml=.claudeignore", "DDD", "self-protection"),
  x("eslint -o .claudeignore .", "DDD", "self-protection"),
  x("gcc -o /usr/local/bin/x main.c", "DDD", "system-path"),
  x("sort -o .claudeignore a.txt", "DDD", "self-protection"),
  x("ln .claudeignore x", "DDD", "self-protection"),
  x("cp -l .claude/policy.json p", "DDD", "self-protection"),
  x("link .claudeignore x", "DDD", "self-protection"),
  x("ln .env x", "DDD", "ignored-path"),
];

export const unknownVerbs: Case[] = [
  x("npm isntall left-pad", "AEE"),
  x("npm it", "AEE"),
  x("npm explore x -- ls", "AEE"),
  x("pnpm -F web add left-pad", "AEE"),
  x("npm owner add bob x", "AEE"),
  x("npm dist-tag add x@1 latest", "AEE"),
  x("npm access public x", "AEE"),
  x("npm token list", "AEE"),
  x("npm test --script-shell='rm -rf ~'", "DDD", "credentials"),
  x("docker -H tcp://10.0.0.1:2375 ps", "AEE"),
  x("git -ccore.pager='rm -rf ~' log", "EEE", "dynamic"),
  x("git --config-env=core.pager=X log", "EEE", "dynamic"),
  x("git frobnicate", "AEE"),
  x("git log --frobnicate", "AEE"),
  x("rg --frobnicate x", "EEE"),
  x("ls --frobnicate", "AEE"),
  x("find . -fstype x -frobnicate", "AEE"),
];

export const environment: Case[] = [
  x(
    "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.fsmonitor GIT_CONFIG_VALUE_0='rm -rf ~' git status",
    "EEE",
    "dynamic",
  ),
  x("HOME=/tmp/x git status", "EEE", "dynamic"),
  x("XDG_CONFIG_HOME=./x git status", "EEE", "dynamic"),
  x("RUSTC_WRAPPER=./w cargo build", "EEE", "dynamic"),
  x("env RUSTC_WRAPPER=./w cargo build", "EEE", "dynamic"),
  x("env -S 'NODE_OPTIONS=--require=./x.js npm test'", "EEE", "dynamic"),
  x("FOO=1 npm test", "AEE"),
  x("env FOO=1 npm test", "AEE"),
  x("NODE_ENV=test npm test", "AAE"),
  x("CI=1 FORCE_COLOR=0 pnpm test", "AAE"),
];

export const commandPaths: Case[] = [
  x("../../../../../../../../bin/rm -rf ~", "DDD", "credentials"),
  x("./secrets/x", "DDD", "ignored-path"),
  x("./.env", "DDD", "ignored-path"),
  x("/tmp/evil/ls", "AEE"),
  x("/usr/bin/git status", "AAE"),
];

export const destructiveSpellings: Case[] = [
  x("git switch -f main", "EEE", "destructive"),
  x("git switch --discard-changes main", "EEE", "destructive"),
  x("git reset --ha", "EEE", "destructive"),
  x("rsync -a --del src/ dst/", "EEE", "destructive"),
  x("pulumi down", "EEE", "destructive"),
  x("dropdb app", "EEE", "destructive"),
  x("mysqladmin drop app", "EEE", "destructive"),
  x("docker volume rm data", "EEE", "destructive"),
  x("docker compose down -v", "EEE", "destructive"),
  x("mvn deploy", "EEE", "destructive"),
  x("gradle publish", "EEE", "destructive"),
  x("docker build --push -t x .", "EEE", "destructive"),
  x("pytest --basetemp=src", "EEE", "destructive"),
];

/** Everyday forms that must stay approved in balanced. */
export const everyday: Case[] = [
  x("git status --short", "AAE"),
  x("git log --oneline -20", "AAE"),
  x("git diff --stat HEAD~1", "AAE"),
  x("git commit -m 'fix: x'", "AAE"),
  x("git -C packages/engine log --oneline -5", "AAE"),
  x("rg -n TODO src", "AAE"),
  x("grep -rn foo src", "AAE"),
  x("ls -la", "AAE"),
  x("head -20 README.md", "AAE"),
  x("tail -n 50 README.md", "AAE"),
  x("wc -l src/a.ts", "AAE"),
  x("pnpm test", "AAE"),
  x("pnpm -r --filter @automode/engine run test", "AAE"),
  x("npm run build -- --watch", "AAE"),
  x("npx tsc --noEmit", "AAE"),
  x("pnpm exec vitest run test/a.test.ts", "AAE"),
  x("eslint --fix src", "AAE"),
  x("prettier --check .", "AAE"),
  x("biome check --write src", "AAE"),
  x("pytest -x -q tests", "AAE"),
  x("ruff check --fix .", "AAE"),
  x("mypy src", "AAE"),
  x("go test -run TestX -count=1 ./...", "AAE"),
  x("go build ./...", "AAE"),
  x("cargo build --release", "AAE"),
  x("cargo test -p core -- --nocapture", "AAE"),
  x("cargo clippy --all-targets -- -D warnings", "AAE"),
  x("cd src && ls | head -5", "AAE"),
  x("find src -name '*.ts' -type f", "AAE"),
  x("fd -e ts src", "AAE"),
];
