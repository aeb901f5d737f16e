#!/usr/bin/env bash
# Runs a RabbitMQ 3.10 node in the foreground from Debian's package, for the AppHost (an executable
# resource), ./test.sh and the messaging tests.
#   DOANKHOI_MQ_DATA      data folder (default: .data/rabbitmq)
#   DOANKHOI_MQ_PORT      AMQP port on 127.0.0.1 (default: 55672); the Erlang distribution port is the next one (or DOANKHOI_MQ_DIST_PORT)
#   DOANKHOI_MQ_NODE      node name (default: doankhoi-<port>@localhost)
#   DOANKHOI_MQ_USER / DOANKHOI_MQ_PASSWORD  the account created when the node first starts
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${DOANKHOI_MQ_DATA:-$root/.data/rabbitmq}"
port="${DOANKHOI_MQ_PORT:-55672}"
mkdir -p "$data/log"

cat > "$data/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$port
default_user = ${DOANKHOI_MQ_USER:-doankhoi}
default_pass = ${DOANKHOI_MQ_PASSWORD:?set DOANKHOI_MQ_PASSWORD}
loopback_users = none
log.console = true
log.console.level = warning
log.file = false
CONF
echo '[].' > "$data/enabled_plugins"

export RABBITMQ_NODENAME="${DOANKHOI_MQ_NODE:-doankhoi-$port@localhost}"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="${DOANKHOI_MQ_DIST_PORT:-$((port + 1))}"
export ERL_CRASH_DUMP="$data/log/erl_crash.dump"
export RABBITMQ_MNESIA_BASE="$data/mnesia"
export RABBITMQ_LOG_BASE="$data/log"
export RABBITMQ_CONFIG_FILE="$data/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
export RABBITMQ_PID_FILE="$data/rabbitmq.pid"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export HOME="${HOME:-/root}"
exec /usr/lib/rabbitmq/bin/rabbitmq-server
