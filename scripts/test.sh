#!/usr/bin/env bash
# Runs every test: the API suite on SQLite and again on MariaDB, the WeChat suite against its simulator, and the
# mini-program SDK's tests (miniprogram-api, vitest) against the real backend; then checks that a Release publish
# of the API holds no simulator code.
# Starts throwaway MariaDB and Redis on 127.0.0.1 (installing them with apt-get when missing and root) and stops
# them at the end. Prints one closing line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

# Every clock of the API suites starts at one China time of day, chosen from the commit: a commit always runs at the same
# hour and different commits cover different hours. RC_TEST_CHINA_TIME=HH:mm replays any (tests/…/TestRunClock.cs).
if [ -z "${RC_TEST_CHINA_TIME:-}" ]; then
  commit=$(git rev-parse HEAD 2>/dev/null || echo 0)
  minute=$(( 16#${commit:0:8} % 1440 ))
  RC_TEST_CHINA_TIME=$(printf '%02d:%02d' $((minute / 60)) $((minute % 60)))
fi
export RC_TEST_CHINA_TIME
clock_line="test clock: each API suite starts at $RC_TEST_CHINA_TIME China time (replay: RC_TEST_CHINA_TIME=$RC_TEST_CHINA_TIME ./scripts/test.sh)"
echo "$clock_line"

# Each stage's time is printed at the end against its budget (the whole run should take at most 15 minutes on 2 cores).
declare -A stage_seconds=()
timed() { # stage command...: runs the command, adds its time to the stage, keeps its exit status
  local stage=$1 began=$SECONDS status=0; shift
  "$@" || status=$?
  stage_seconds[$stage]=$(( ${stage_seconds[$stage]:-0} + SECONDS - began ))
  return $status
}
print_stage_times() {
  local stage budget seconds total=0
  echo "stage times (budget):"
  for stage in build:3 api-sqlite:3 api-mariadb:5 wechat-and-sdk:2; do
    budget=${stage#*:}; stage=${stage%%:*}; seconds=${stage_seconds[$stage]:-0}; total=$((total + seconds))
    printf '  %-16s %2dm%02ds  (%dm)%s\n' "$stage" $((seconds / 60)) $((seconds % 60)) "$budget" \
      "$([ "$seconds" -gt $((budget * 60)) ] && echo '  over budget')"
  done
  printf '  %-16s %2dm%02ds  (15m, services included: %dm%02ds)\n' total $((total / 60)) $((total % 60)) $((SECONDS / 60)) $((SECONDS % 60))
}

timed services start_services
results=$(mktemp -d /tmp/renovation-results.XXXXXX)
# A failed build must not end the run silently: every suite then reports no results, which counts as a failure.
build_error=""
timed build dotnet build Renovation.Community.sln -c Release -nologo -clp:ErrorsOnly || build_error="dotnet build failed"

run_suite() { # name project [env...]
  local name=$1 project=$2; shift 2
  echo "== $name"
  [ -z "$build_error" ] || { echo "$name: not run ($build_error)"; return; }
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || true
}

timed api-sqlite run_suite api-sqlite tests/Renovation.Community.Tests RC_TEST_DB=Sqlite
timed api-mariadb run_suite api-mariadb tests/Renovation.Community.Tests RC_TEST_DB=MySql
for project in tests/*.Tests; do
  [ "$project" = tests/Renovation.Community.Tests ] && continue
  timed wechat-and-sdk run_suite "$(basename "$project")" "$project"
done

# The SDK's vitest run writes JUnit; npm ci installs exactly package-lock.json. With no build, its backend tests
# fail one by one (RC_BACKEND_UNAVAILABLE) instead of testing a stale binary.
echo "== miniprogram-api"
sdk_tests() {
  (cd miniprogram-api && npm ci --no-audit --no-fund --loglevel=error \
    && RC_BACKEND_UNAVAILABLE="$build_error" npm test -- --reporter=default --reporter=junit \
      --outputFile.junit="$results/miniprogram-api.xml")
}
timed wechat-and-sdk sdk_tests || true

# Last, because publishing rebuilds the API without the simulator (the next build compiles it back in).
timed build scripts/check-publish.sh

print_stage_times
echo "$clock_line"
python3 scripts/summarise_trx.py "$results" api-sqlite api-mariadb $(for p in tests/*.Tests; do [ "$p" = tests/Renovation.Community.Tests ] || basename "$p"; done) miniprogram-api
