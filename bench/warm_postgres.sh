#!/usr/bin/env bash
# Benchmark: a PostgreSQL check without a connection string, on a throwaway cluster per check and on the warm cluster
# (a later build's case), each as a ratio to the same check against a running server. Not a test: nothing is asserted.
#
#   bash bench/warm_postgres.sh [MIGRATIONS_DIR MODEL] [REPEAT]     default: samples/Healthy.PostgreSql, 5
#
# Times whole engine processes (the portable engine, src/Migrations.Build/bin/Release/net8.0, built first), best of
# REPEAT runs each. The warm cluster lives in a cache folder of this run's and is stopped and removed at the end;
# "running server" is that same server, given with --connection, so the only difference measured is how the check
# finds its server.
set -euo pipefail
cd "$(dirname "$0")/.."
migrations="${1:-samples/Healthy.PostgreSql/Migrations}"
model="${2:-samples/Healthy.PostgreSql/schema.sql}"
repeat="${3:-5}"
engine="src/Migrations.Build/bin/Release/net8.0/Migrations.Build.dll"
[ -f "$engine" ] || dotnet build src/Migrations.Build -c Release -f net8.0 -v:q --nologo >/dev/null
cache=$(mktemp -d /tmp/mb-warm-bench-XXXXXX)
chmod 755 "$cache"   # as root the server runs as another account, which must reach its folder
export MIGRATIONS_POSTGRES_CACHE="$cache"
cleanup() {
  for pid in $(cat "$cache"/*/data/postmaster.pid 2>/dev/null | head -1); do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 2; rm -rf "$cache"
}
trap cleanup EXIT

check() { dotnet "$engine" check --migrations "$migrations" --model "$model" --provider PostgreSql "$@" >/dev/null; }
best() { # label, then the command's extra arguments and environment via env
  local best=999999 start end ms
  for _ in $(seq "$repeat"); do
    start=$(date +%s%N); "$@"; end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

MIGRATIONS_POSTGRES_CLUSTER=warm check   # the first build: creates and starts the warm cluster
socket=$(dirname "$(ls -d "$cache"/*/data)")
server=$(best check --connection "Host=$socket;Username=postgres;Database=postgres")
warm=$(MIGRATIONS_POSTGRES_CLUSTER=warm best check)
temporary=$(MIGRATIONS_POSTGRES_CLUSTER=temporary best check)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "check of $migrations, best of $repeat, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "  running server (--connection)   ${server} ms   1.00x"
echo "  warm cluster (a later build)     ${warm} ms   $(ratio "$warm" "$server")x"
echo "  throwaway cluster per check      ${temporary} ms   $(ratio "$temporary" "$server")x"
