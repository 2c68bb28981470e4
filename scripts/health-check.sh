#!/usr/bin/env bash
# Jorge health check (SPEC §7): liveness, readiness, metrics, a webhook round trip and the
# WebSocket handshake; with --comprehensive also every instance behind the load balancer.
#
#   scripts/health-check.sh [--comprehensive] [--url URL] [--json]
#
# Environment:
#   JORGE_URL             base URL when --url is not given (default http://localhost:8080)
#   JORGE_API_KEY         sent as "Authorization: Bearer" with the webhook
#   JORGE_WEBHOOK_SECRET  signs the webhook: X-Jorge-Signature: t=<unix>,v1=<hmac-sha256 hex>
#   JORGE_GHL_LOCATION_ID locationId of the test webhook (default loc_health_check)
#   JORGE_INSTANCES       comma-separated instance base URLs for --comprehensive (default the
#                         scaled compose's http://localhost:8081 .. http://localhost:8085)
#   JORGE_WS_ORIGIN       Origin header of the WebSocket handshake (default the base URL)
#   JORGE_HEALTH_TIMEOUT  seconds per HTTP request (default 5)
#
# Prints "PASS name (detail)" / "FAIL name (detail)" per check, or one JSON object with --json.
# Exit 0 only when every check passes; 1 when one fails; 2 on bad usage.
set -euo pipefail

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }

url=${JORGE_URL:-http://localhost:8080}
comprehensive=false
json=false
while [ $# -gt 0 ]; do
  case $1 in
    --comprehensive) comprehensive=true ;;
    --json) json=true ;;
    --url)
      [ $# -ge 2 ] || { echo "--url needs a value" >&2; exit 2; }
      url=$2
      shift ;;
    --url=*) url=${1#--url=} ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
url=${url%/}
timeout=${JORGE_HEALTH_TIMEOUT:-5}
# An accepted WebSocket stays open: curl holds it until this limit, then we read the headers.
ws_timeout=2

for tool in curl openssl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "health-check: $tool is required" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=() oks=() details=() mss=()
record() {  # record NAME true|false DETAIL MS
  names+=("$1"); oks+=("$2"); details+=("$3"); mss+=("$4")
  if [ "$json" = false ]; then
    if [ "$2" = true ]; then echo "PASS $1 ($3)"; else echo "FAIL $1 ($3)"; fi
  fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
oneline() { head -c "$1" | tr '\r\n' '  ' | sed 's/[[:space:]]*$//'; }
snippet() { oneline 120 <"$tmp/body"; }

# http METHOD URL [CURL_ARGS...]: sets $status (000 when nothing answered), $err; body in $tmp/body.
http() {
  local method=$1 target=$2
  shift 2
  : >"$tmp/body"
  status=$(curl -sS -X "$method" --max-time "$timeout" -o "$tmp/body" -w '%{http_code}' "$@" "$target" 2>"$tmp/err") || true
  [ -n "$status" ] || status=000
  err=$(oneline 200 <"$tmp/err")
}

# check_get NAME URL [ERE]: GET must answer 200 and, when given, the body must match ERE.
check_get() {
  local name=$1 target=$2 regex=${3:-} t0 ok=false detail
  t0=$(now_ms)
  http GET "$target"
  if [ "$status" = 000 ]; then
    detail="no answer: $err"
  elif [ "$status" != 200 ]; then
    detail="HTTP $status: $(snippet)"
  elif [ -n "$regex" ] && ! grep -Eq "$regex" "$tmp/body"; then
    detail="HTTP 200 but the body does not match $regex"
  else
    ok=true
    detail="HTTP 200"
    [ -z "$regex" ] || detail="HTTP 200, $(grep -Ec "$regex" "$tmp/body") lines match $regex"
  fi
  record "$name" "$ok" "$detail" $(($(now_ms) - t0))
}

# The same body twice: the first must be accepted, the second recognised as a duplicate.
webhook_round_trip() {
  local id now body t0 expect name ok detail headers
  id="hc-$(date +%s)-$(openssl rand -hex 6)"
  now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
  body=$(printf '{"type":"InboundMessage","locationId":"%s","contactId":"hc_health_check","conversationId":"hc_health_check","messageId":"%s","body":"health check","direction":"inbound","messageType":"HealthCheck","dateAdded":"%s"}' \
    "${JORGE_GHL_LOCATION_ID:-loc_health_check}" "$id" "$now")
  printf '%s' "$body" >"$tmp/webhook.json"
  for expect in accepted duplicate; do
    name="webhook $expect"
    t0=$(now_ms)
    headers=(-H "Content-Type: application/json")
    [ -z "${JORGE_API_KEY:-}" ] || headers+=(-H "Authorization: Bearer $JORGE_API_KEY")
    if [ -n "${JORGE_WEBHOOK_SECRET:-}" ]; then
      local ts sig
      ts=$(date +%s)
      sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$JORGE_WEBHOOK_SECRET" -r | cut -d' ' -f1)
      headers+=(-H "X-Jorge-Signature: t=$ts,v1=$sig")
    fi
    http POST "$url/api/v1/webhooks/ghl" "${headers[@]}" --data-binary "@$tmp/webhook.json"
    ok=false
    if [ "$status" = 000 ]; then
      detail="no answer: $err"
    elif [ "$status" != 200 ]; then
      detail="HTTP $status: $(snippet)"
    elif grep -Eq "\"status\"[[:space:]]*:[[:space:]]*\"$expect\"" "$tmp/body"; then
      ok=true
      detail="HTTP 200, status $expect, messageId $id"
    else
      detail="HTTP 200 but not \"status\":\"$expect\": $(snippet)"
    fi
    record "$name" "$ok" "$detail" $(($(now_ms) - t0))
  done
}

# An HTTP/1.1 upgrade handshake: 101 with the Sec-WebSocket-Accept that RFC 6455 derives from our key.
check_ws() {
  local name=$1 target=$2 key accept got first t0 ok=false detail
  t0=$(now_ms)
  key=$(openssl rand -base64 16)
  accept=$(printf '%s258EAFA5-E914-47DA-95CA-C5AB0DC85B11' "$key" | openssl dgst -sha1 -binary | openssl base64)
  : >"$tmp/ws-headers"
  curl -sS --http1.1 -N -o /dev/null -D "$tmp/ws-headers" --max-time "$ws_timeout" \
    -H "Connection: Upgrade" -H "Upgrade: websocket" -H "Sec-WebSocket-Version: 13" \
    -H "Sec-WebSocket-Key: $key" -H "Origin: ${JORGE_WS_ORIGIN:-$url}" "$target" 2>"$tmp/err" || true
  first=$(head -n 1 "$tmp/ws-headers" | tr -d '\r')
  got=$(sed -n 's/^[Ss]ec-[Ww]eb[Ss]ocket-[Aa]ccept:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$tmp/ws-headers" | head -n 1)
  if [ -z "$first" ]; then
    detail="no answer: $(oneline 200 <"$tmp/err")"
  elif [[ $first != HTTP/1.1\ 101* ]]; then
    detail="expected 101 Switching Protocols, got: $first"
  elif [ "$got" != "$accept" ]; then
    detail="101 but Sec-WebSocket-Accept is '$got', expected '$accept'"
  else
    ok=true
    detail="101 Switching Protocols, Sec-WebSocket-Accept valid"
  fi
  record "$name" "$ok" "$detail" $(($(now_ms) - t0))
}

# check_instance BASE: live, ready, and the id it reports in GET /health.
ids=()
check_instance() {
  local base=$1 id t0
  check_get "instance $base live" "$base/health/live"
  check_get "instance $base ready" "$base/health/ready"
  t0=$(now_ms)
  http GET "$base/health"
  # "instance":"app1", or "instance":{..."id":"app1"...}
  id=$(grep -Eo '"instance"[[:space:]]*:[[:space:]]*("[^"]*"|\{[^}]*"id"[[:space:]]*:[[:space:]]*"[^"]*")' "$tmp/body" |
    head -n 1 | sed -E 's/.*"([^"]*)"$/\1/') || true
  if [ -n "$id" ]; then
    ids+=("$id")
    record "instance $base id" true "instance=$id, HTTP $status" $(($(now_ms) - t0))
  elif [ "$status" = 000 ]; then
    record "instance $base id" false "no answer: $err" $(($(now_ms) - t0))
  else
    record "instance $base id" false "HTTP $status without an \"instance\" field: $(snippet)" $(($(now_ms) - t0))
  fi
}

check_get "live" "$url/health/live"
check_get "ready" "$url/health/ready"
check_get "metrics" "$url/metrics" '^jorge_'
webhook_round_trip
check_ws "websocket" "$url/api/v1/ws"

if [ "$comprehensive" = true ]; then
  IFS=, read -r -a instances <<<"${JORGE_INSTANCES:-http://localhost:8081,http://localhost:8082,http://localhost:8083,http://localhost:8084,http://localhost:8085}"
  for base in "${instances[@]}"; do
    base=${base//[[:space:]]/}
    [ -z "$base" ] || check_instance "${base%/}"
  done
  if [ ${#ids[@]} -gt 0 ]; then
    dupes=$(printf '%s\n' "${ids[@]}" | sort | uniq -d | tr '\n' ' ')
    if [ -z "$dupes" ]; then
      record "instance ids distinct" true "$(printf '%s\n' "${ids[@]}" | sort | tr '\n' ' ' | sed 's/ $//')" 0
    else
      record "instance ids distinct" false "reported by more than one instance: ${dupes% }" 0
    fi
  fi
fi

passed=0 failed=0
for ok in "${oks[@]}"; do
  if [ "$ok" = true ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

json_string() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
  printf '"%s"' "$(printf '%s' "$s" | tr -d '\000-\037')"
}

if [ "$json" = true ]; then
  printf '{"url":%s,"comprehensive":%s,"ok":%s,"passed":%d,"failed":%d,"checks":[' \
    "$(json_string "$url")" "$comprehensive" "$([ "$failed" -eq 0 ] && echo true || echo false)" "$passed" "$failed"
  for i in "${!names[@]}"; do
    [ "$i" -eq 0 ] || printf ','
    printf '{"name":%s,"ok":%s,"detail":%s,"ms":%d}' \
      "$(json_string "${names[$i]}")" "${oks[$i]}" "$(json_string "${details[$i]}")" "${mss[$i]}"
  done
  printf ']}\n'
else
  echo "health-check: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
