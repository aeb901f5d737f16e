#!/usr/bin/env bash
# Runs the membership query benchmark (bench/DoanKhoi.Membership.Bench) in Release: starts a PostgreSQL
# and a RabbitMQ of its own (fresh data in a temporary folder, loopback ports 18532 and 18772), starts
# the system on them with the demo organisation (the AppHost, as the end-to-end tests do), generates the
# members straight into the membership database, and times through the gateway, with a real token, a
# unit's member list, a name search without diacritics and the statistics by cluster; then imports 10,000
# members from one .xlsx (preview, commit) and follows their events to their consumer. Stops what it started.
#   bench/membership.sh [--members 1000000|6000000] [--requests 300] [--warmup 30] [--import 10000] [--keep] [--compare-sql file.sql]
#   bench/membership.sh --portal 500 [--runs 20]    the portal's pages in headless Chromium for a unit of 500 members instead
# The plans of the statements over 50 ms are left in ${TMPDIR:-/tmp}/doankhoi-bench-postgres.log.
#   DOANKHOI_BENCH_POSTGRES_PORT / DOANKHOI_BENCH_RABBITMQ_PORT   other ports
#   DOANKHOI_PG_FSYNC=off                                         PostgreSQL without fsync (default: on, as in production)
set -euo pipefail
cd "$(dirname "$0")/.."

project=bench/DoanKhoi.Membership.Bench
pids=()
data=""
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # The server's log keeps the plans of the statements over 50 ms (auto_explain), for EXPLAIN work.
  [ -z "$data" ] || cp "$data/postgres.log" "${TMPDIR:-/tmp}/doankhoi-bench-postgres.log" 2>/dev/null || true
  [ -z "$data" ] || rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM

./eng/prerequisites.sh
# A temporary folder: PostgreSQL runs as the postgres user, who may not reach the checkout.
data="$(mktemp -d "${TMPDIR:-/tmp}/doankhoi-bench.XXXXXX")"
chmod 755 "$data"
pg_port="${DOANKHOI_BENCH_POSTGRES_PORT:-18532}"
mq_port="${DOANKHOI_BENCH_RABBITMQ_PORT:-18772}"
password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$pg_port" "$mq_port" "$((mq_port + 1))"; do
  if taken "$port"; then
    echo "membership.sh: port $port is taken; choose others with DOANKHOI_BENCH_POSTGRES_PORT / DOANKHOI_BENCH_RABBITMQ_PORT." >&2
    exit 1
  fi
done

echo "==> starting PostgreSQL (:$pg_port) and RabbitMQ (:$mq_port) for the benchmark"
DOANKHOI_PG_DATA="$data/postgres" DOANKHOI_PG_PORT="$pg_port" DOANKHOI_PG_PASSWORD="$password" DOANKHOI_PG_FSYNC="${DOANKHOI_PG_FSYNC:-on}" \
  ./eng/postgres-server.sh > "$data/postgres.log" 2>&1 &
pids+=($!)
DOANKHOI_MQ_DATA="$data/rabbitmq" DOANKHOI_MQ_PORT="$mq_port" DOANKHOI_MQ_PASSWORD="$password" \
  ./eng/rabbitmq-server.sh > "$data/rabbitmq.log" 2>&1 &
pids+=($!)
export DOANKHOI_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
export DOANKHOI_BENCH_RABBITMQ="amqp://doankhoi:$password@127.0.0.1:$mq_port"

wait_for() { # name, port, log
  for _ in $(seq 1 120); do
    if taken "$2"; then return 0; fi
    sleep 0.5
  done
  echo "membership.sh: $1 did not start; its log:" >&2; tail -30 "$3" >&2; exit 1
}

echo "==> building $project and the system (Release)"
dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary

wait_for PostgreSQL "$pg_port" "$data/postgres.log"
wait_for RabbitMQ "$mq_port" "$data/rabbitmq.log"

echo "==> benchmarking"
DOTNET_ENVIRONMENT=Development dotnet "$project/bin/Release/net10.0/DoanKhoi.Membership.Bench.dll" "$@"
