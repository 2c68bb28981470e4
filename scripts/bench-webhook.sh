#!/usr/bin/env bash
# Webhook acknowledgement under constant load (BENCHMARKS.md): starts 1 or 3 instances of
# target/jorge.jar on a fresh PostgreSQL schema and a private Redis, with 3 behind Debian's nginx on
# loopback, drives POST /api/v1/webhooks/ghl at RATE requests/s for SECONDS, prints p50..max.
#
#   scripts/bench-webhook.sh INSTANCES(1|3) [RATE=500] [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
instances=${1:?instances 1 or 3}
rate=${2:-500}
seconds=${3:-30}
work=$(mktemp -d)
schema="bench_$(date +%s)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
JAVA_HOME=$(./jorge mvn -v 2>/dev/null | sed -n 's/^Java version.*runtime: //p')
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)

ports=()
for i in $(seq 1 "$instances"); do
  port=$(free_port)
  JORGE_PORT=$port JORGE_INSTANCE_ID="bench$i" JORGE_WEBHOOK_SIGNATURES=off \
    JORGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" JORGE_DB_USER=postgres \
    JORGE_REDIS_URL="redis://127.0.0.1:$redis_port" JORGE_REDIS_PREFIX="bench:" \
    JORGE_RATE_LIMITS="webhook_location=1000000/1m" \
    "$java" -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/jorge.jar serve >"$work/app$i.log" 2>&1 &
  pids+=($!)
  ports+=("$port")
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
done

target="http://127.0.0.1:${ports[0]}"
if [ "$instances" -gt 1 ]; then
  lb=$(free_port)
  mkdir -p "$work/nginx/logs"
  {
    echo "worker_processes 1; daemon off; user root; pid $work/nginx/nginx.pid; error_log $work/nginx/logs/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; client_body_temp_path $work/nginx/cb; proxy_temp_path $work/nginx/px;"
    echo "  upstream jorge { least_conn;"
    for p in "${ports[@]}"; do echo "    server 127.0.0.1:$p;"; done
    echo "    keepalive 64; }"
    echo "  server { listen 127.0.0.1:$lb; location / { proxy_pass http://jorge; proxy_http_version 1.1; proxy_set_header Connection \"\"; } } }"
  } >"$work/nginx/nginx.conf"
  /usr/sbin/nginx -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
  pids+=($!)
  sleep 1
  target="http://127.0.0.1:$lb"
fi

echo "instances=$instances target=$target cpus=$(nproc) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$java" src/test/java/ai/jorge/bench/WebhookAckLoad.java "$target" "$rate" "$seconds" "${WARMUP:-5}"
# Turns run after the acknowledgement; how far behind they are when the load stops.
psql -At -h 127.0.0.1 -U postgres -d test -c "SELECT 'turns: ' || COUNT(*) FILTER (WHERE processed_at IS NOT NULL)
  || ' of ' || COUNT(*) || ' inbound messages processed when the load stopped'
  FROM $schema.messages WHERE direction = 'inbound'"
# The server's own view, per instance: time inside Jetty from request to response (the client's
# latency above adds connection set-up and the generator's own scheduling).
for p in "${ports[@]}"; do
  curl -s "http://127.0.0.1:$p/metrics" | awk -v port="$p" '
    /^jorge_http_server_requests_seconds_bucket/ && /webhooks\/ghl/ && /status="200"/ {
      match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5); n[le] += $NF }
    /^jorge_http_server_requests_seconds_count/ && /webhooks\/ghl/ && /status="200"/ { total += $NF }
    /^jorge_http_server_requests_seconds_max/ && /webhooks\/ghl/ && /status="200"/ { if ($NF > max) max = $NF }
    END { printf "server %s: acknowledged=%d, within 150 ms: %.2f%%, slowest of the last minute: %.0f ms\n",
                 port, total, 100 * n["0.15"] / total, max * 1000 }'
done
