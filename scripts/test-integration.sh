#!/usr/bin/env bash
# The integration tests: the portal and the sync client over real HTTP on loopback, on SQLite
# always and on a throw-away PostgreSQL when the server is installed (CI installs it; there,
# a missing PostgreSQL is an error, not a skip).
set -euo pipefail
cd "$(dirname "$0")/.."
run=(npx vitest run --config vitest.integration.config.ts "$@")
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${PG_BIN:-}" ]; then
  exec scripts/postgres-test.sh "${run[@]}"
fi
if [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not installed: CI must test the portal on PostgreSQL (apt-get install -y postgresql)." >&2
  exit 1
fi
echo "PostgreSQL tests skipped: PostgreSQL is not installed here (apt-get install -y postgresql to run them)."
exec "${run[@]}"
