#!/usr/bin/env bash
# Runs a benchmark in Release against throwaway MariaDB and Redis on 127.0.0.1:
#   ./scripts/bench.sh vote-storm [parties] [votes] [concurrency]
#   ./scripts/bench.sh bill-parse
#   ./scripts/bench.sh reconcile [rows...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
start_services
export RC_BENCH_MYSQL="$RC_TEST_MYSQL" RC_BENCH_REDIS="$RC_TEST_REDIS"
dotnet build tests/Renovation.Community.Benchmarks -c Release -nologo -clp:ErrorsOnly
dotnet tests/Renovation.Community.Benchmarks/bin/Release/net10.0/Renovation.Community.Benchmarks.dll "$@"
