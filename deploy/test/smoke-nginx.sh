#!/usr/bin/env bash
# Loopback smoke test of deploy/nginx.conf and scripts/health-check.sh without Docker:
# five fake_jorge.py instances on 127.0.0.1..5, Debian's nginx running a copy of nginx.conf
# whose upstream names point at them, then health-check.sh --comprehensive through it, with
# the API key and webhook signature enforced. Needs nginx (apt-get install nginx) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nginx >/dev/null || { echo "nginx is required (apt-get install nginx)" >&2; exit 2; }
work=$(mktemp -d)
pids=()
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  [ ! -f "$work/nginx.pid" ] || kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
base=${SMOKE_PORT_BASE:-18080}
mkdir -p "$work/logs"
upstreams=()
for i in 1 2 3 4 5; do upstreams+=(-e "s/server app$i:8080/server 127.0.0.$i:$((base + i))/"); done
sed "${upstreams[@]}" -e "s#/var/log/nginx/#$work/logs/#" -e "s#pid /var/run/nginx.pid#pid $work/nginx.pid#" \
    -e "s/listen 80;/listen 127.0.0.1:$base;/" deploy/nginx.conf >"$work/nginx.conf"
nginx -t -q -c "$work/nginx.conf"

export FAKE_API_KEY=smoke-key FAKE_WEBHOOK_SECRET=smoke-secret FAKE_SEEN=$work/seen
instances=()
for i in 1 2 3 4 5; do
  python3 deploy/test/fake_jorge.py "127.0.0.$i" "$((base + i))" "app$i" 2>>"$work/logs/apps.log" &
  pids+=($!)
  instances+=("http://127.0.0.$i:$((base + i))")
done
for i in 1 2 3 4 5; do  # wait until each fake answers (at most ~5 s)
  for _ in $(seq 50); do curl -fs "http://127.0.0.$i:$((base + i))/health/live" >/dev/null && break; sleep 0.1; done
done
nginx -c "$work/nginx.conf"

status=0
JORGE_API_KEY=smoke-key JORGE_WEBHOOK_SECRET=smoke-secret \
  JORGE_INSTANCES=$(IFS=,; echo "${instances[*]}") \
  scripts/health-check.sh --comprehensive --url "http://127.0.0.1:$base" || status=$?

# nginx must have passed the client address on, also on the upgraded socket.
if grep -q 'GET /api/v1/ws xff=127.0.0.1' "$work/logs/apps.log"; then
  echo "PASS nginx X-Forwarded-For on /api/v1/ws"
else
  echo "FAIL nginx X-Forwarded-For on /api/v1/ws"; status=1
fi
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$base/api/v1/ml/ws/metrics")
if [ "$code" = 426 ]; then echo "PASS plain GET /api/v1/ml/ws/metrics -> 426 through nginx"; else echo "FAIL /api/v1/ml/ws/metrics without upgrade -> $code"; status=1; fi
exit "$status"
