#!/usr/bin/env bash
# Brings the whole of DoanKhoi up: installs what is missing (PostgreSQL, RabbitMQ, NuGet packages),
# then runs the Aspire AppHost: the dashboard, PostgreSQL, RabbitMQ, the five services and the gateway.
# Ctrl+C stops everything it started; data stays in .data/ for the next run.
#
#   ./run.sh            the system, with whatever data it already has
#   ./run.sh --demo     the same, loading the demo organisation into an empty database
#
# Ports (change them with these variables):
#   DOANKHOI_DASHBOARD_PORT  Aspire dashboard       (default 18888; OTLP takes +1, resource service +2)
#   DOANKHOI_GATEWAY_PORT    the gateway, the API   (default 8080)
#   DOANKHOI_WEB_PORT        the portal, in a browser (default 8090)
#   DOANKHOI_POSTGRES_PORT   PostgreSQL, loopback   (default 55432)
#   DOANKHOI_RABBITMQ_PORT   RabbitMQ, loopback     (default 55672; Erlang distribution takes +1)
#
# The first start creates the bloc office's account 'vanphong' with a password you choose: it is read
# from DOANKHOI_BLOC_OFFICE_PASSWORD, or asked for. With --demo, the demo accounts (thuongvu, kiemtra,
# cumtruong, bithu) get the same password. Then: eng/token.sh prints a token for curl.
set -euo pipefail
cd "$(dirname "$0")"

demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

dashboard_port="${DOANKHOI_DASHBOARD_PORT:-18888}"
gateway_port="${DOANKHOI_GATEWAY_PORT:-8080}"
web_port="${DOANKHOI_WEB_PORT:-8090}"
postgres_port="${DOANKHOI_POSTGRES_PORT:-55432}"
rabbitmq_port="${DOANKHOI_RABBITMQ_PORT:-55672}"

taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for pair in "DOANKHOI_DASHBOARD_PORT:$dashboard_port" "DOANKHOI_DASHBOARD_PORT:$((dashboard_port + 1))" \
            "DOANKHOI_DASHBOARD_PORT:$((dashboard_port + 2))" "DOANKHOI_GATEWAY_PORT:$gateway_port" "DOANKHOI_WEB_PORT:$web_port"; do
  name="${pair%%:*}" port="${pair##*:}"
  if taken "$port"; then
    echo "run.sh: port $port is taken by another program (see: ss -ltnp 'sport = :$port')." >&2
    echo "        Stop that program, or choose another port: $name=<port> ./run.sh" >&2
    exit 1
  fi
done
for pair in "DOANKHOI_POSTGRES_PORT:$postgres_port" "DOANKHOI_RABBITMQ_PORT:$rabbitmq_port" "DOANKHOI_RABBITMQ_PORT:$((rabbitmq_port + 1))"; do
  name="${pair%%:*}" port="${pair##*:}"
  if [ -z "${ConnectionStrings__postgres:-}${ConnectionStrings__messaging:-}" ] && taken "$port"; then
    echo "run.sh: port $port, which DoanKhoi's own PostgreSQL or RabbitMQ uses, is taken (see: ss -ltnp 'sport = :$port')." >&2
    echo "        Stop that program, or choose another port: $name=<port> ./run.sh" >&2
    exit 1
  fi
done

./eng/prerequisites.sh

# The first bloc-office account needs a password on the first start; none is written in the code.
# A marker (no secret in it) remembers that one was given, so later starts do not ask again.
password="${DOANKHOI_BLOC_OFFICE_PASSWORD:-}"
marker="${DoanKhoi__DataFolder:-.data}/bloc-office-account"
if [ -z "$password" ] && [ ! -f "$marker" ] && [ -z "${ConnectionStrings__postgres:-}" ]; then
  if [ ! -t 0 ]; then
    echo "run.sh: this is the first start: set DOANKHOI_BLOC_OFFICE_PASSWORD to the password of the bloc office's account 'vanphong'." >&2
    exit 1
  fi
  echo "==> first start: choose the password of the bloc office's account 'vanphong' (at least 10 characters, with a letter and a digit)"
  while :; do
    read -rsp "    password: " password; echo
    read -rsp "    again:    " again; echo
    if [ "$password" != "$again" ]; then echo "    the two differ; once more."
    elif [ ${#password} -lt 10 ] || ! [[ "$password" =~ [a-z] ]] || ! [[ "$password" =~ [0-9] ]]; then echo "    too weak: 10 characters or more, with a lower-case letter and a digit."
    else break
    fi
  done
fi
if [ -n "$password" ]; then
  mkdir -p "$(dirname "$marker")"
  echo "The password of the first bloc-office account was given to ./run.sh on $(date -u +%F)." > "$marker"
fi

export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://localhost:$dashboard_port"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$((dashboard_port + 1))"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$((dashboard_port + 2))"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
export DoanKhoi__GatewayPort="$gateway_port" DoanKhoi__WebPort="$web_port" DoanKhoi__PostgresPort="$postgres_port" DoanKhoi__RabbitMqPort="$rabbitmq_port"
export DoanKhoi__Demo="$demo" DoanKhoi__BlocOfficePassword="$password"

echo "==> starting DoanKhoi: the portal http://localhost:$web_port, dashboard http://localhost:$dashboard_port, gateway http://localhost:$gateway_port (Ctrl+C stops)"
exec dotnet run --project AppHost --no-launch-profile
