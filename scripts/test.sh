#!/usr/bin/env bash
# `npm test`: every check of the repository, in order, and one summary line at the end.
#
#   bash scripts/test.sh                 all stages
#   bash scripts/test.sh lint api-unit   only the named stages (e2e implies build)
#
# Stages: lint, typecheck, go, api-unit, api-integration, security, web, build, chaos, contract, e2e.
# A failing stage does not stop the run (so every count is reported), but the exit code is 1 if
# any stage failed. Reports go to tmp/results (wiped at the start); scripts/summarize-results.mjs
# prints `N passed, N failed` as the very last line. Missing Debian packages (chromium,
# redis-server, docker-compose) are installed first by scripts/ensure-system.sh.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RESULTS="$ROOT/tmp/results"
export PATH="$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

ALL_STAGES=(lint typecheck go api-unit api-integration security web build chaos contract e2e)
DEFAULT_STAGES=(lint typecheck go api-unit api-integration security web build chaos contract e2e)
if [ $# -gt 0 ]; then
  for s in "$@"; do
    [[ " ${ALL_STAGES[*]} " == *" $s "* ]] || { echo "test.sh: unknown stage '$s' (known: ${ALL_STAGES[*]})" >&2; exit 2; }
  done
  SELECTED=" $* "
  [[ $SELECTED == *" e2e "* ]] && SELECTED+="build "
  [[ $SELECTED == *" chaos "* ]] && SELECTED+="build "
  [[ $SELECTED == *" contract "* ]] && SELECTED+="build "
else
  SELECTED=" ${DEFAULT_STAGES[*]} "
fi
selected() { [[ $SELECTED == *" $1 "* ]]; }

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# A fresh machine: install the Debian packages the stages need when they are missing (as root).
bash "$ROOT/scripts/ensure-system.sh" || echo "test.sh: some system packages are missing; the stages that need them will fail" >&2

any_failed=0
stage_count=0

# record STAGE EXIT_CODE REPORT NOTE — writes tmp/results/STAGE.stage.json for the summary.
record() {
  local stage=$1 code=$2 report=$3 note=$4
  stage_count=$((stage_count + 1))
  STAGE="$stage" ORDER="$stage_count" CODE="$code" REPORT="$report" NOTE="$note" node -e '
    const { STAGE, ORDER, CODE, REPORT, NOTE } = process.env;
    const out = { stage: STAGE, order: Number(ORDER), exitCode: CODE === "" ? null : Number(CODE), report: REPORT || null, note: NOTE || null };
    require("node:fs").writeFileSync(process.argv[1], JSON.stringify(out, null, 2) + "\n");
  ' "$RESULTS/$stage.stage.json"
  [ "$code" = "0" ] || any_failed=1
}

# stage NAME REPORT REQUIRED_FILE -- COMMAND...   (REPORT / REQUIRED_FILE may be "")
stage() {
  local name=$1 report=$2 required=$3
  shift 4
  selected "$name" || return 0
  printf '\n==> [%s] %s\n' "$name" "$*"
  if [ -n "$required" ] && [ ! -e "$required" ]; then
    echo "[$name] FAILED: $required does not exist, so this stage cannot run." >&2
    record "$name" 1 "$report" "missing $required"
    return 1
  fi
  local start=$SECONDS code=0
  "$@" || code=$?
  local took=$((SECONDS - start))
  if [ "$code" = 0 ]; then
    echo "[$name] ok (${took}s)"
  else
    echo "[$name] FAILED with exit code $code (${took}s)" >&2
  fi
  record "$name" "$code" "$report" ""
  return "$code"
}

stage lint "" "" -- npm run --silent lint
stage typecheck "" "" -- npm run --silent typecheck
# The embedded database's Go (tools/ferretdb): patches apply, gofmt, go vet, the Go tests. Builds nothing.
stage go go.json tools/ferretdb/build.mjs -- node tools/ferretdb/build.mjs --check "$RESULTS/go.json"
stage api-unit api-unit.json apps/api/jest.unit.config.ts -- \
  jest -c apps/api/jest.unit.config.ts --ci --json --outputFile="$RESULTS/api-unit.json"
stage api-integration api-integration.json apps/api/jest.integration.config.ts -- \
  jest -c apps/api/jest.integration.config.ts --ci --runInBand --json --outputFile="$RESULTS/api-integration.json"
# Security sweep (npm run test:security): every endpoint and socket event under hostile input.
stage security security.json apps/api/jest.security.config.ts -- \
  jest -c apps/api/jest.security.config.ts --ci --runInBand --json --outputFile="$RESULTS/security.json"
stage web web.json apps/web/jest.config.ts -- \
  jest -c apps/web/jest.config.ts --ci --json --outputFile="$RESULTS/web.json"

build_ok=1
stage build "" "" -- npm run --silent build || build_ok=0
# Chaos (npm run test:chaos): built API processes, their database and Redis killed mid-storm; needs
# the build and redis-server. Every case is bounded (its waits are bounded polls; jest's testTimeout).
if selected chaos; then
  if [ "$build_ok" = 1 ]; then
    stage chaos chaos.json apps/api/jest.chaos.config.ts -- \
      jest -c apps/api/jest.chaos.config.ts --ci --runInBand --json --outputFile="$RESULTS/chaos.json"
  else
    printf '\n==> [chaos] skipped: the build failed\n' >&2
    record chaos "" chaos.json "not run: the build failed"
  fi
fi
# Contract (npm run test:contract): the built app against its own OpenAPI document, fuzzed by
# schemathesis (no 5xx, every status documented, bodies and content types as documented); bounded
# by CONTRACT_MAX_EXAMPLES per operation and CONTRACT_MAX_SECONDS in all (scripts/contract-fuzz.ts).
if selected contract; then
  if [ "$build_ok" = 1 ]; then
    stage contract contract.json "" -- \
      ts-node -T -P bench/tsconfig.json scripts/contract-fuzz.ts "$RESULTS/contract.json"
  else
    printf '\n==> [contract] skipped: the build failed\n' >&2
    record contract "" contract.json "not run: the build failed"
  fi
fi
if selected e2e; then
  if [ "$build_ok" = 1 ]; then
    # The CLI reporter list overrides the config's, so the JSON report always lands in tmp/results.
    stage e2e e2e.json e2e/playwright.config.ts -- \
      env PLAYWRIGHT_JSON_OUTPUT_FILE="$RESULTS/e2e.json" PLAYWRIGHT_HTML_OPEN=never \
      playwright test -c e2e/playwright.config.ts --reporter=list,json
  else
    printf '\n==> [e2e] skipped: the build failed\n' >&2
    record e2e "" e2e.json "not run: the build failed"
  fi
fi

summary=0
node scripts/summarize-results.mjs "$RESULTS" || summary=$?
if [ "$any_failed" != 0 ] || [ "$summary" != 0 ]; then
  exit 1
fi
exit 0
