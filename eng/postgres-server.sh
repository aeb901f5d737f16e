#!/usr/bin/env bash
# Runs a PostgreSQL 15 server in the foreground, for the AppHost (an executable resource) and for
# ./test.sh. PostgreSQL refuses to run as root, so the server runs as the `postgres` user.
#   DOANKHOI_PG_DATA      data folder, initialised on first start (default: .data/postgres)
#   DOANKHOI_PG_PORT      TCP port on 127.0.0.1 (default: 55432)
#   DOANKHOI_PG_PASSWORD  password of the `postgres` role, set when the folder is initialised
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${DOANKHOI_PG_DATA:-$root/.data/postgres}"
port="${DOANKHOI_PG_PORT:-55432}"
bin=/usr/lib/postgresql/15/bin
user=postgres

if [ "$(id -u)" -eq 0 ]; then as_pg=(setpriv --reuid="$user" --regid="$user" --init-groups --reset-env --); else as_pg=(); fi

mkdir -p "$data"
if [ "$(id -u)" -eq 0 ]; then chown "$user:$user" "$data"; fi
chmod 700 "$data"
if ! "${as_pg[@]}" test -w "$data"; then
  echo "postgres-server.sh: PostgreSQL runs as the '$user' user, which cannot reach $data." >&2
  echo "  Make every folder above it searchable (chmod o+x), or keep the data elsewhere:" >&2
  echo "  DOANKHOI_PG_DATA=/path (this script) or DoanKhoi__DataFolder=/path (./run.sh)." >&2
  exit 1
fi

if [ ! -s "$data/PG_VERSION" ]; then
  : "${DOANKHOI_PG_PASSWORD:?set DOANKHOI_PG_PASSWORD to initialise a new data folder}"
  pwfile="$(mktemp)"
  printf '%s\n' "$DOANKHOI_PG_PASSWORD" > "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$pwfile"
  echo "initialising PostgreSQL data in $data"
  "${as_pg[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

# Loopback only; the socket lives in the data folder so several servers can run side by side.
exec "${as_pg[@]}" "$bin/postgres" -D "$data" -p "$port" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories="$data" -c max_connections=300 \
  -c fsync="${DOANKHOI_PG_FSYNC:-on}" -c log_min_messages=warning
