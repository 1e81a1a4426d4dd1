#!/usr/bin/env bash
# `npm test`: type-check, lint, unit and integration tests, then end-to-end tests in Debian's
# Chromium. Uses PGlite, or the PostgreSQL server in DATABASE_URL when it is set; either way
# every suite runs on a database of its own that is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the end-to-end tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

echo "== Type-check"
npx tsc --noEmit
echo "== Lint"
npx eslint . --max-warnings 0
echo "== Unit and integration tests (${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-PGlite})"
npx vitest run

echo "== End-to-end tests in Chromium"
run_id="e2e_$$_$(date +%s)"
export E2E_DATA_DIR
E2E_DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/upp-e2e-XXXXXX")
if [ -n "${DATABASE_URL:-}" ]; then
  export E2E_DATABASE_URL
  E2E_DATABASE_URL=$(npx tsx scripts/e2e-db.ts create "$run_id")
  trap 'npx tsx scripts/e2e-db.ts drop "$run_id" || true; rm -rf "$E2E_DATA_DIR"' EXIT
else
  export E2E_PGLITE_DIR="$E2E_DATA_DIR/pglite"
  trap 'rm -rf "$E2E_DATA_DIR"' EXIT
fi
# The e2e server must not inherit the test runner's database.
env -u DATABASE_URL npx playwright test "$@"
