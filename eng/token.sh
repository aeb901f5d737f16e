#!/usr/bin/env bash
# Prints an access token for curl, got the way the web front-end gets one: the sign-in page, an
# authorization code with PKCE, then the token endpoint, all through the gateway.
#
#   eng/token.sh [user name]            (default: vanphong, the first bloc-office account)
#   curl -H "Authorization: Bearer $(eng/token.sh)" http://localhost:8080/api/membership/units
#
#   DOANKHOI_GATEWAY    the gateway (default http://localhost:8080, or DOANKHOI_GATEWAY_PORT)
#   DOANKHOI_PASSWORD   the account's password; asked for when not set
# The token lasts 10 minutes; run the command again for a new one.
set -euo pipefail
user="${1:-vanphong}"
gateway="${DOANKHOI_GATEWAY:-http://localhost:${DOANKHOI_GATEWAY_PORT:-8080}}"
password="${DOANKHOI_PASSWORD:-}"
if [ -z "$password" ]; then
  read -rsp "Password for $user: " password </dev/tty; echo >&2
fi

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
verifier=$(head -c 32 /dev/urandom | b64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
client=doankhoi-cli
redirect=http://localhost/doankhoi-cli/callback
identity=/api/identity
query="client_id=$client&response_type=code&redirect_uri=$(printf '%s' "$redirect" | sed 's|:|%3A|g; s|/|%2F|g')&scope=openid%20offline_access%20doankhoi.read%20doankhoi.write&code_challenge=$challenge&code_challenge_method=S256&state=cli"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
fail() { echo "token.sh: $*" >&2; exit 1; }
get_redirect() { curl -sS -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" "$@"; }

signin=$(get_redirect "$gateway$identity/connect/authorize?$query") || fail "the gateway at $gateway does not answer (is ./run.sh running?)"
[ -n "$signin" ] || fail "the identity service did not send to its sign-in page."
antiforgery=$(curl -sS -b "$jar" -c "$jar" "$signin" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p')
[ -n "$antiforgery" ] || fail "the sign-in page did not answer as expected."
back=$(get_redirect --data-urlencode "__RequestVerificationToken=$antiforgery" --data-urlencode "returnUrl=$identity/connect/authorize?$query" \
  --data-urlencode "userName=$user" --data-urlencode "password=$password" "$gateway$identity/account/signin")
[ -n "$back" ] || fail "sign-in refused for '$user': wrong user name or password, or the account is locked."
code=$(get_redirect "$back" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || fail "no authorization code came back."
response=$(curl -sS -d grant_type=authorization_code -d "client_id=$client" --data-urlencode "code=$code" \
  --data-urlencode "redirect_uri=$redirect" -d "code_verifier=$verifier" "$gateway$identity/connect/token")
token=$(printf '%s' "$response" | tr -d '\n' | sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "the token endpoint refused: $response"
printf '%s\n' "$token"
