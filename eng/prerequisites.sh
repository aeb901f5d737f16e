#!/usr/bin/env bash
# Installs what DoanKhoi needs on a Debian 12 machine, idempotently: PostgreSQL (with contrib for
# unaccent and pg_trgm) and RabbitMQ from Debian's packages, then the NuGet packages and local tools.
# Quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
[ -f /usr/share/postgresql/15/extension/pg_trgm.control ] || missing+=(postgresql-contrib)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)           # the browser tests (Playwright drives it)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v curl >/dev/null || missing+=(curl)        # eng/token.sh
command -v openssl >/dev/null || missing+=(openssl)  # eng/token.sh (PKCE)

if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]} from Debian's packages"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  # The packages try to start their system-wide services; ours run from eng/*-server.sh instead.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${DOANKHOI_SKIP_RESTORE:-}" != 1 ]; then
  echo "==> restoring NuGet packages and tools"
  dotnet tool restore >/dev/null
  dotnet restore DoanKhoi.sln --verbosity quiet
fi
