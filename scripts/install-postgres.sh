#!/usr/bin/env bash
# Installs the PostgreSQL server binaries (initdb, pg_ctl, postgres) that the PostgreSQL provider's temporary
# cluster and its tests need. Idempotent: does nothing when /usr/lib/postgresql/<version>/bin/initdb exists.
# For Debian/Ubuntu (CI runs as root on Debian 12); elsewhere install PostgreSQL with the system's package manager.
set -euo pipefail

if compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null; then
    echo "PostgreSQL server binaries already installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
    exit 0
fi

if ! command -v apt-get > /dev/null; then
    echo "apt-get not found: install the PostgreSQL server (initdb, pg_ctl) with this system's package manager." >&2
    exit 1
fi

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
    run_as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -q
"${run_as_root[@]}" apt-get install -y -q --no-install-recommends postgresql

ls -d /usr/lib/postgresql/*/bin
