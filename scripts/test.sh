#!/usr/bin/env bash
# Runs the whole test suite: engine tests (real SQLite, a throwaway PostgreSQL cluster) and the end-to-end tests
# (pack the package, real `dotnet build` of the samples). Prints one closing line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
# The SARIF tests validate real reports with the SARIF multitool (npm); without it they fail with the reason.
bash scripts/install-test-tools.sh || echo "test.sh: the test tools did not install (above); the SARIF validation tests will fail with that reason" >&2
dotnet build Migrations.Build.sln -c Release --nologo -v:q || exit 1
dotnet test Migrations.Build.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done
skipped=$((total - passed - failed))
if [ "$total" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
