#!/usr/bin/env bash
# Runs the reporting benchmark (bench/DoanKhoi.Reporting.Bench) in Release: starts a PostgreSQL and a
# RabbitMQ of its own (fresh data in a temporary folder, loopback ports 18632 and 18872), starts the
# system on them with the demo organisation (the AppHost, as the end-to-end tests do), generates the national
# scale straight into the reporting database (at --scale 1: 100,000 units in 1,000 clusters, 6,000,000 members,
# 5,000,000 activities and 50,000,000 participations of 2023), lets the service count the board again and
# times that, then times through the gateway, with a real token, the board of the country, a cluster and a
# unit, the country's as of a day in mid-year, a cluster's units, and the first page of a figure's records for
# a unit and a cluster; then publishes events at 200 a second and times how soon a unit's board shows one.
# Stops what it started.
#   bench/reporting.sh [--scale 1] [--requests 500] [--warmup 30] [--rate 200] [--seconds 180] [--sample-every 100]
#                      [--seed N] [--settle 180] [--keep] [--compare-sql file.sql]...   (each file in turn, measured again after each)
# The plans of the statements over 50 ms are left in ${TMPDIR:-/tmp}/doankhoi-bench-reporting-postgres.log.
#   DOANKHOI_BENCH_POSTGRES_PORT / DOANKHOI_BENCH_RABBITMQ_PORT   other ports
#   DOANKHOI_PG_FSYNC=off                                         PostgreSQL without fsync (default: on, as in production)
set -euo pipefail
cd "$(dirname "$0")/.."

project=bench/DoanKhoi.Reporting.Bench
pids=()
data=""
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # The server's log keeps the plans of the statements over 50 ms (auto_explain), for EXPLAIN work.
  if [ -n "$data" ] && cp "$data/postgres.log" "${TMPDIR:-/tmp}/doankhoi-bench-reporting-postgres.log" 2>/dev/null; then
    # What the server refused or cancelled (deadlocks, timeouts) shows there too: a count of each, for the report.
    echo "==> the server's log: $(grep -c 'duration: .* plan:' "$data/postgres.log" || true) plans over 50 ms; errors:" >&2
    grep -o 'ERROR:  .*' "$data/postgres.log" | cut -c1-120 | sort | uniq -c | sort -rn | head -10 >&2 || true
  fi
  [ -z "$data" ] || rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM

./eng/prerequisites.sh
# A temporary folder: PostgreSQL runs as the postgres user, who may not reach the checkout.
data="$(mktemp -d "${TMPDIR:-/tmp}/doankhoi-bench.XXXXXX")"
chmod 755 "$data"
pg_port="${DOANKHOI_BENCH_POSTGRES_PORT:-18632}"
mq_port="${DOANKHOI_BENCH_RABBITMQ_PORT:-18872}"
password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$pg_port" "$mq_port" "$((mq_port + 1))"; do
  if taken "$port"; then
    echo "reporting.sh: port $port is taken; choose others with DOANKHOI_BENCH_POSTGRES_PORT / DOANKHOI_BENCH_RABBITMQ_PORT." >&2
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
  echo "reporting.sh: $1 did not start; its log:" >&2; tail -30 "$3" >&2; exit 1
}

echo "==> building $project and the system (Release)"
dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary

wait_for PostgreSQL "$pg_port" "$data/postgres.log"
wait_for RabbitMQ "$mq_port" "$data/rabbitmq.log"

echo "==> benchmarking"
DOTNET_ENVIRONMENT=Development dotnet "$project/bin/Release/net10.0/DoanKhoi.Reporting.Bench.dll" "$@"
