#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL 15: a fresh cluster in a temp directory, no
# systemd, listening on 127.0.0.1 on a free port, removed afterwards whatever happens.
#
#   scripts/postgres-test.sh npx vitest run --config vitest.integration.config.ts
#
# The command sees DATABASE_URL. CI installs the server with `apt-get install -y postgresql`.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && PG_BIN="$candidate"
  done
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin)." >&2
  echo "Install it with: apt-get install -y postgresql   (or set PG_BIN to its bin folder)" >&2
  exit 1
fi

# initdb refuses to run as root: run the server as the postgres user when we are root.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "Running as root but there is no 'postgres' user to own the cluster." >&2
    exit 1
  fi
  as_owner=(runuser -u postgres --)
fi

TMP_DIR="$(mktemp -d -t atelier-pg-XXXXXX)"
chmod 755 "$TMP_DIR"
DATA_DIR="$TMP_DIR/data"
SOCKET_DIR="$TMP_DIR/socket"
mkdir -p "$DATA_DIR" "$SOCKET_DIR"
[ "${#as_owner[@]}" -gt 0 ] && chown -R postgres:postgres "$TMP_DIR"

cleanup() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP_DIR"
}
trap cleanup EXIT INT TERM

# A free port: ask the kernel for one, then hand it to the server.
PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

"${as_owner[@]}" "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$TMP_DIR/initdb.log" 2>&1 \
  || { cat "$TMP_DIR/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$TMP_DIR/server.log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$SOCKET_DIR -c fsync=off" >/dev/null \
  || { cat "$TMP_DIR/server.log" >&2; exit 1; }

"${as_owner[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres atelier_portal_test

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/atelier_portal_test"
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (temporary, in $TMP_DIR)"

# Not exec: the trap must run once the command ends.
set +e
"$@"
status=$?
set -e
exit "$status"
