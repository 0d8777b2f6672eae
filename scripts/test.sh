#!/usr/bin/env bash
# Runs the whole test suite: engine tests (real SQLite, a throwaway PostgreSQL cluster) and the end-to-end tests
# (pack the package, real `dotnet build` of the samples). Prints how long it took, then one closing line:
# "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
# The SARIF tests validate real reports with the SARIF multitool (npm); without it they fail with the reason.
bash scripts/install-test-tools.sh || echo "test.sh: the test tools did not install (above); the SARIF validation tests will fail with that reason" >&2
dotnet build Migrations.Build.sln -c Release --nologo -v:q || exit 1

# The end-to-end tests build the samples with this package: packed once, here, with the version a plain `dotnet pack`
# gives (the README's), so a slow pack on a loaded machine is not a test's failure and no test packs again.
feed="artifacts/test-feed"
rm -rf "$feed"
echo "==> dotnet pack src/Migrations.Tasks (the package the end-to-end tests use)"
dotnet pack src/Migrations.Tasks -c Release -o "$feed" --nologo -v:q -nodeReuse:false || exit 1
export MIGRATIONS_E2E_FEED="$PWD/$feed"
# Line coverage (coverlet) of the engine and the task, counted in the test processes and in the engine processes the
# tests start (they run the instrumented assembly from the test folder); tests/coverage.runsettings says what counts.
dotnet test Migrations.Build.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --collect:"XPlat Code Coverage" --settings tests/coverage.runsettings || status=$?
bash scripts/coverage-summary.sh "$results" artifacts/coverage || status=$?

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
elapsed=$((SECONDS - started))
echo "scripts/test.sh took $((elapsed / 60)) min $((elapsed % 60)) s"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
