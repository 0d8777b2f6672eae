#!/usr/bin/env bash
# The main job on a fresh clone: pack the Migrations.Build package into artifacts/packages, then build the healthy
# sample (passes, one summary line) and every broken sample (fails with the exact errors the product catches).
# Exits 0 when each sample behaves as its README says: the healthy and pending ones build, the broken ones fail.
set -uo pipefail
cd "$(dirname "$0")/.."

version="0.1.0-demo.$(date +%s)"
export NUGET_PACKAGES="$PWD/artifacts/demo-nuget-cache"   # a private cache: a re-packed version is never stale
export DOTNET_CLI_USE_MSBUILD_SERVER=0

echo "==> dotnet pack src/Migrations.Tasks ($version)"
dotnet pack src/Migrations.Tasks -c Release -o artifacts/packages -p:Version="$version" --nologo -v:q || exit 1

ok=0
build() { # sample, expected outcome (pass|fail)
  echo
  echo "==> dotnet build samples/$1   (expected: $2)"
  dotnet build "samples/$1" -p:MigrationsBuildVersion="$version" -nodeReuse:false -tl:off -clp:NoSummary --nologo -v:m \
    | grep -E "Migrations:|error MIG|warning MIG|error :|Build succeeded|Build FAILED" | awk '!seen[$0]++' | sed -e "s#$PWD/##g"
  local rc=${PIPESTATUS[0]}
  if { [ "$2" = pass ] && [ "$rc" -ne 0 ]; } || { [ "$2" = fail ] && [ "$rc" -eq 0 ]; }; then
    echo "!! samples/$1 did not $2 as expected (exit code $rc)"
    ok=1
  fi
}

build Healthy.Sqlite pass
build Pending.TableWithoutMigration pass
for sample in samples/Broken.*; do
  name=$(basename "$sample")
  case "$name" in *PostgreSql*) continue ;; esac
  build "$name" fail
done

# PostgreSQL: no Docker and no server needed, the engine starts a temporary cluster from the local binaries.
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v pg_config >/dev/null 2>&1; then
  build Healthy.PostgreSql pass
  build Broken.PostgreSqlEnumDown fail
else
  echo
  echo "==> PostgreSQL samples skipped: no server binaries (apt-get install postgresql, or scripts/install-postgres.sh)"
fi
exit $ok
