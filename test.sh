#!/usr/bin/env bash
# Runs every DoanKhoi test: installs what is missing, starts a PostgreSQL and a RabbitMQ of its own
# (fresh data in a temporary folder, loopback ports 16432 and 16672: below the range the system hands
# to outgoing connections, so a running ./run.sh cannot hold them), builds, runs the unit, functional,
# messaging, end-to-end and browser tests, stops what it started, and exits non-zero if any test fails.
#   ./test.sh                      everything
#   ./test.sh --filter <expr>      passed to dotnet test (e.g. --filter FullyQualifiedName~Membership)
#   DOANKHOI_TEST_TARGET=tests/DoanKhoi.Reporting.Tests ./test.sh   builds and runs one test project only
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

./eng/prerequisites.sh

# A temporary folder: PostgreSQL runs as the postgres user, who may not reach the checkout.
data="$(mktemp -d "${TMPDIR:-/tmp}/doankhoi-test.XXXXXX")"
chmod 755 "$data"
pg_port="${DOANKHOI_TEST_POSTGRES_PORT:-16432}"
mq_port="${DOANKHOI_TEST_RABBITMQ_PORT:-16672}"
password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pids=()

stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM

taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$pg_port" "$mq_port" "$((mq_port + 1))"; do
  if taken "$port"; then
    echo "test.sh: port $port is taken (see: ss -ltnp 'sport = :$port'); is another ./test.sh running?" >&2
    echo "         Choose others with DOANKHOI_TEST_POSTGRES_PORT / DOANKHOI_TEST_RABBITMQ_PORT." >&2
    exit 1
  fi
done

echo "==> starting PostgreSQL (:$pg_port) and RabbitMQ (:$mq_port) for the tests"
DOANKHOI_PG_DATA="$data/postgres" DOANKHOI_PG_PORT="$pg_port" DOANKHOI_PG_PASSWORD="$password" DOANKHOI_PG_FSYNC=off \
  ./eng/postgres-server.sh > "$data/postgres.log" 2>&1 &
pids+=($!)
DOANKHOI_MQ_DATA="$data/rabbitmq" DOANKHOI_MQ_PORT="$mq_port" DOANKHOI_MQ_PASSWORD="$password" \
  ./eng/rabbitmq-server.sh > "$data/rabbitmq.log" 2>&1 &
pids+=($!)

export DOANKHOI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
export DOANKHOI_TEST_RABBITMQ="amqp://doankhoi:$password@127.0.0.1:$mq_port"

# Build while the servers start.
echo "==> building"
target="${DOANKHOI_TEST_TARGET:-DoanKhoi.sln}"
dotnet build "$target" --no-restore --nologo -v quiet -clp:NoSummary

wait_for() { # name, port, log
  for _ in $(seq 1 120); do
    if taken "$2"; then return 0; fi
    sleep 0.5
  done
  echo "test.sh: $1 did not start; its log:" >&2; tail -30 "$3" >&2; exit 1
}
wait_for PostgreSQL "$pg_port" "$data/postgres.log"
wait_for RabbitMQ "$mq_port" "$data/rabbitmq.log"

echo "==> testing"
set +e
dotnet test "$target" --no-build --nologo "$@" 2>&1 | tee "$data/test-output.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ {
       gsub(",", "")
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i+1); if ($i == "Passed:") passed += $(i+1); if ($i == "Skipped:") skipped += $(i+1)
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$data/test-output.log"
exit "$status"
