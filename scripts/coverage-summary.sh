#!/usr/bin/env bash
# Merges the test run's coverlet reports (every test project's, one per test assembly) with ReportGenerator (a local
# tool, .config/dotnet-tools.json) and prints the line coverage of the engine and the task. Fails when either is
# below MIGRATIONS_MIN_COVERAGE percent (default 85): coverage that falls is a finding, not a number to read later.
# Usage: scripts/coverage-summary.sh RESULTS_DIR OUTPUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
results="$1"
output="$2"
minimum="${MIGRATIONS_MIN_COVERAGE:-85}"

if ! find "$results" -name coverage.cobertura.xml | grep -q .; then
  echo "coverage: no coverage report under $results (did the tests run with --collect?)" >&2
  exit 1
fi

dotnet tool restore >/dev/null
rm -rf "$output"
dotnet reportgenerator "-reports:$results/**/coverage.cobertura.xml" "-targetdir:$output" \
  "-reporttypes:TextSummary;Cobertura;HtmlSummary" -verbosity:Warning >/dev/null

# The summary lists each assembly as "Name  NN.N%" under the totals.
status=0
for assembly in Migrations.Build Migrations.Tasks; do
  rate=$(sed -n "s/^${assembly}[[:space:]]\{1,\}\([0-9.]*\)%.*/\1/p" "$output/Summary.txt" | head -1)
  if [ -z "$rate" ]; then
    echo "coverage: $assembly is not in $output/Summary.txt" >&2
    status=1
    continue
  fi
  echo "coverage: $assembly ${rate}% of lines (minimum ${minimum}%)"
  if awk -v rate="$rate" -v minimum="$minimum" 'BEGIN { exit !(rate < minimum) }'; then
    echo "coverage: $assembly is below ${minimum}%" >&2
    status=1
  fi
done
echo "coverage: report at $output/summary.html"
exit "$status"
