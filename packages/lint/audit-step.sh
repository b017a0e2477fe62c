#!/usr/bin/env bash
# The audit step of action.yml: verifies an automode audit log, writes its Markdown report to
# the job summary, and fails on a broken chain (always) or on denied decisions (when asked).
# It holds under `bash -e` (GitHub's default shell) as without it.
# Inputs come from the environment so the step can be run, and tested, outside GitHub:
#   AUTOMODE_AUDIT_LOG           the log (required)
#   AUTOMODE_AUDIT_FAIL_ON_DENY  "true" to fail when the log holds a denied decision
#   AUTOMODE_AUDIT_KEY           optional public key (ed25519:… or a file): also check signatures
#   AUTOMODE_CLI                 how to run automode (default: npx automode@AUTOMODE_VERSION)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP  as GitHub sets them
set -uo pipefail

log="${AUTOMODE_AUDIT_LOG:-}"
if [ -z "$log" ]; then
  echo "::error::automode audit: no audit-log given" >&2
  exit 2
fi
if [ ! -f "$log" ]; then
  echo "::error::automode audit: no audit log at $log" >&2
  exit 1
fi
if [ -n "${AUTOMODE_CLI:-}" ]; then
  read -r -a cli <<<"$AUTOMODE_CLI"
else
  cli=(npx --yes "--package=automode@${AUTOMODE_VERSION:-latest}" -- automode)
fi
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
output="${GITHUB_OUTPUT:-/dev/null}"
report="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/automode-audit-report.md"

code=0
"${cli[@]}" audit report "$log" --format markdown --output "$report" || code=$?
# 0 intact, 1 broken chain (the report says where); anything else is no report at all.
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
  echo "::error::automode audit report failed (exit $code)" >&2
  exit 2
fi
cat "$report" >>"$summary"
chain=intact
[ "$code" -eq 1 ] && chain=broken

if [ "$chain" = intact ] && [ -n "${AUTOMODE_AUDIT_KEY:-}" ]; then
  if ! "${cli[@]}" audit verify "$log" --key "$AUTOMODE_AUDIT_KEY" >&2; then
    chain=broken
  fi
fi

denied=$("${cli[@]}" audit summary "$log" --json | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d));
  process.stdin.on("end", () => console.log(JSON.parse(s).byVerdict.deny ?? 0));')
{
  echo "audit-chain=$chain"
  echo "audit-denied=$denied"
  echo "audit-report=$report"
} >>"$output"

if [ "$chain" = broken ]; then
  echo "::error file=$log::automode audit log is NOT intact: see the job summary for the first bad line" >&2
  exit 1
fi
if [ "${AUTOMODE_AUDIT_FAIL_ON_DENY:-false}" = true ] && [ "$denied" -gt 0 ]; then
  echo "::error file=$log::automode denied $denied action(s) in this session: see the job summary" >&2
  exit 1
fi
echo "automode audit: chain intact, $denied denied decision(s); report in the job summary"
