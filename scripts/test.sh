#!/usr/bin/env bash
# Runs every test: the API suite on SQLite and again on MariaDB, and the WeChat suite against its simulator; then
# checks that a Release publish of the API holds no simulator code.
# Starts throwaway MariaDB and Redis on 127.0.0.1 (installing them with apt-get when missing and root) and stops
# them at the end. Prints one closing line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

start_services
results=$(mktemp -d /tmp/renovation-results.XXXXXX)
dotnet build Renovation.Community.sln -c Release -nologo -clp:ErrorsOnly

run_suite() { # name project [env...]
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || true
}

run_suite api-sqlite tests/Renovation.Community.Tests RC_TEST_DB=Sqlite
run_suite api-mariadb tests/Renovation.Community.Tests RC_TEST_DB=MySql
for project in tests/*.Tests; do
  [ "$project" = tests/Renovation.Community.Tests ] && continue
  run_suite "$(basename "$project")" "$project"
done

# Last, because publishing rebuilds the API without the simulator (the next build compiles it back in).
scripts/check-publish.sh

python3 scripts/summarise_trx.py "$results" api-sqlite api-mariadb $(for p in tests/*.Tests; do [ "$p" = tests/Renovation.Community.Tests ] || basename "$p"; done)
