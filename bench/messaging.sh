#!/usr/bin/env bash
# Runs the outbox benchmark (bench/DoanKhoi.Messaging.Bench) in Release: starts a PostgreSQL and a
# RabbitMQ of its own (fresh data in a temporary folder, loopback ports 18432 and 18672), runs it, and
# stops what it started. Arguments go to the benchmark:
#   bench/messaging.sh [--events 10000] [--rate 130] [--seconds 20] [--batch 500[,1000…]]
# With DOANKHOI_TEST_POSTGRES and DOANKHOI_TEST_RABBITMQ set, it uses those servers and starts none.
#   DOANKHOI_BENCH_POSTGRES_PORT / DOANKHOI_BENCH_RABBITMQ_PORT   other ports
#   DOANKHOI_PG_FSYNC=off                                         PostgreSQL without fsync (default: on, as in production)
set -euo pipefail
cd "$(dirname "$0")/.."

project=bench/DoanKhoi.Messaging.Bench
pids=()
data=""
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "$data" ] || rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM

if [ -z "${DOANKHOI_TEST_POSTGRES:-}" ] || [ -z "${DOANKHOI_TEST_RABBITMQ:-}" ]; then
  ./eng/prerequisites.sh
  # A temporary folder: PostgreSQL runs as the postgres user, who may not reach the checkout.
  data="$(mktemp -d "${TMPDIR:-/tmp}/doankhoi-bench.XXXXXX")"
  chmod 755 "$data"
  pg_port="${DOANKHOI_BENCH_POSTGRES_PORT:-18432}"
  mq_port="${DOANKHOI_BENCH_RABBITMQ_PORT:-18672}"
  password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

  taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  for port in "$pg_port" "$mq_port" "$((mq_port + 1))"; do
    if taken "$port"; then
      echo "messaging.sh: port $port is taken; choose others with DOANKHOI_BENCH_POSTGRES_PORT / DOANKHOI_BENCH_RABBITMQ_PORT." >&2
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
  export DOANKHOI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
  export DOANKHOI_TEST_RABBITMQ="amqp://doankhoi:$password@127.0.0.1:$mq_port"

  wait_for() { # name, port, log
    for _ in $(seq 1 120); do
      if taken "$2"; then return 0; fi
      sleep 0.5
    done
    echo "messaging.sh: $1 did not start; its log:" >&2; tail -30 "$3" >&2; exit 1
  }
fi

echo "==> building $project (Release)"
dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary

if [ -n "$data" ]; then
  wait_for PostgreSQL "$pg_port" "$data/postgres.log"
  wait_for RabbitMQ "$mq_port" "$data/rabbitmq.log"
fi

echo "==> benchmarking"
dotnet "$project/bin/Release/net10.0/DoanKhoi.Messaging.Bench.dll" "$@"
