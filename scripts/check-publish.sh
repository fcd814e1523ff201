#!/usr/bin/env bash
# Publishes the API as it is deployed (Release) and fails if any WeChat simulator code is in the output: the
# simulator is test code and only the quick-start, tests and benchmarks embed it (docs/architecture.md, WeChat).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/renovation-publish.XXXXXX)
trap 'rm -rf "$out"' EXIT
dotnet publish src/Renovation.Community.Api -c Release -o "$out" -nologo -clp:ErrorsOnly >/dev/null
found=$( (find "$out" -iname '*WeChatSimulator*'; grep -l 'WeChatSimulator' "$out"/*.deps.json || true) )
if [ -n "$found" ]; then
  echo "publish check: FAILED, simulator code in the Release publish: $found" >&2
  exit 1
fi
echo "publish check: the Release publish holds no WeChat simulator assembly"
