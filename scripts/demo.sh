#!/usr/bin/env bash
# The main job on a fresh clone: pack the Migrations.Build package into artifacts/packages, then build the healthy
# samples (pass, one summary line each) and every broken sample (fails with the exact errors the product catches).
# Exits 0 when each sample behaves as its README says: the healthy and pending ones build, the broken ones fail.
# The package is packed with the portable engine only (seconds instead of the minutes a Native AOT compile takes on
# 2 cores); MIGRATIONS_DEMO_NATIVE=1 packs the native linux-x64 engine too, as CI and releases do.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

version="0.1.0-demo.$(date +%s)"
export NUGET_PACKAGES="$PWD/artifacts/demo-nuget-cache"   # a private cache: a re-packed version is never stale
export DOTNET_CLI_USE_MSBUILD_SERVER=0
logs="artifacts/demo"
rm -rf "$logs"
mkdir -p "$logs"

native=false
[ "${MIGRATIONS_DEMO_NATIVE:-0}" = 1 ] && native=true
echo "==> dotnet pack src/Migrations.Tasks ($version; native engine: $native)"
dotnet pack src/Migrations.Tasks -c Release -o artifacts/packages -p:Version="$version" -p:MigrationsNativeEngine="$native" \
  --nologo -v:q || exit 1

# PostgreSQL: no Docker and no server needed, the engine starts a temporary cluster from the local server binaries,
# found where the engine looks for them (pg_config --bindir, PATH, the distributions' folders).
has_postgres_server() {
  local dirs=()
  command -v pg_config >/dev/null 2>&1 && dirs+=("$(pg_config --bindir 2>/dev/null)")
  command -v initdb >/dev/null 2>&1 && dirs+=("$(dirname "$(command -v initdb)")")
  dirs+=(/usr/lib/postgresql/*/bin /usr/pgsql-*/bin /opt/homebrew/opt/postgresql*/bin /usr/local/opt/postgresql*/bin)
  for dir in "${dirs[@]}"; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && return 0
  done
  return 1
}

samples=("Healthy.Sqlite pass" "Pending.TableWithoutMigration pass")
for sample in samples/Broken.*; do
  name=$(basename "$sample")
  case "$name" in *PostgreSql*) continue ;; esac
  samples+=("$name fail")
done
if has_postgres_server; then
  samples+=("Healthy.PostgreSql pass" "Broken.PostgreSqlEnumDown fail")
  postgres=yes
else
  postgres=no
fi

# The samples are independent projects: built side by side, as many at once as there are cores, and printed in order.
jobs=$(nproc 2>/dev/null || echo 2)
echo "==> dotnet build of ${#samples[@]} samples, $jobs at a time"
build() { # sample
  dotnet build "samples/$1" -p:MigrationsBuildVersion="$version" -nodeReuse:false -tl:off -clp:NoSummary --nologo -v:m \
    >"$logs/$1.log" 2>&1
  echo $? >"$logs/$1.rc"
  echo "    built samples/$1"
}
for entry in "${samples[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  build "${entry% *}" &
done
wait

ok=0
for entry in "${samples[@]}"; do
  name="${entry% *}"; expected="${entry#* }"
  echo
  echo "==> dotnet build samples/$name   (expected: $expected)"
  grep -E "Migrations:|error MIG|warning MIG|error :|Build succeeded|Build FAILED" "$logs/$name.log" | awk '!seen[$0]++' | sed -e "s#$PWD/##g"
  rc=$(cat "$logs/$name.rc")
  if { [ "$expected" = pass ] && [ "$rc" -ne 0 ]; } || { [ "$expected" = fail ] && [ "$rc" -eq 0 ]; }; then
    echo "!! samples/$name did not $expected as expected (exit code $rc)"
    ok=1
  fi
done

if [ "$postgres" = no ]; then
  echo
  echo "==> PostgreSQL samples skipped: no server binaries (initdb, pg_ctl, postgres): apt-get install postgresql, or scripts/install-postgres.sh"
fi
echo
echo "demo took $((SECONDS - started)) s"
exit $ok
