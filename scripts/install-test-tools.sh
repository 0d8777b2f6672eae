#!/usr/bin/env bash
# Installs the tools the tests run against real reports, from the versions locked in scripts/test-tools/:
# the SARIF multitool (@microsoft/sarif-multitool), which validates migrations.sarif with GitHub code scanning's rules.
# Needs node and npm. Fails with the reason when they are missing or the install does not work: the SARIF tests
# would otherwise fail later, with less to go on.
set -euo pipefail
cd "$(dirname "$0")/test-tools"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-test-tools: npm is not on PATH; install Node.js (apt-get install nodejs npm) to run the SARIF validation tests" >&2
  exit 1
fi

multitool="node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
case "$(uname -s)" in
  Darwin) multitool="node_modules/@microsoft/sarif-multitool-darwin/Sarif.Multitool" ;;
  MINGW*|MSYS*|CYGWIN*) multitool="node_modules/@microsoft/sarif-multitool-win32/Sarif.Multitool.exe" ;;
esac

# npm ci installs exactly the lock; it is skipped when this very lock was installed already (the stamp holds its hash).
stamp="node_modules/.installed-lock.sha256"
if [ ! -e "$multitool" ] || ! sha256sum --status -c "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json > "$stamp"
fi

# The package's postinstall only marks the binary executable; npm may hold install scripts back, so do it here.
chmod u+x "$multitool"
version=$("$multitool" --version 2>&1 | head -1)
echo "install-test-tools: ${version%%+*} at scripts/test-tools/$multitool"
