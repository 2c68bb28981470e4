#!/usr/bin/env bash
# Starts target/jorge.jar on a fresh store, runs scripts/acceptance.sh against it, stops it.
#   scripts/ci-acceptance.sh embedded   H2 file in a temp dir, in-process bus and limits
#   scripts/ci-acceptance.sh postgres   a fresh PostgreSQL schema (127.0.0.1:5432) and Redis (6379)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?embedded or postgres}
port=${JORGE_ACCEPTANCE_PORT:-18181}
dir=$(mktemp -d)
key=$(openssl rand -hex 16)
schema="acc_$(openssl rand -hex 6)"
env=(JORGE_PORT="$port" JORGE_API_KEY="$key" JORGE_GUARD_AUDIT="$dir/audit.jsonl"
     JORGE_WEBHOOK_SIGNATURES=off JORGE_INSTANCE_ID="acceptance-$mode")
case "$mode" in
  embedded) env+=(JORGE_DB_URL="jdbc:h2:file:$dir/jorge") ;;
  postgres)
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
    env+=(JORGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" JORGE_DB_USER=postgres
          JORGE_REDIS_URL=redis://127.0.0.1:6379 JORGE_REDIS_PREFIX="$schema:") ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

env "${env[@]}" ./jorge serve > "$dir/app.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$mode" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE" || true
  fi
  if [ -n "${KEEP:-}" ]; then echo "kept $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT
for _ in $(seq 1 90); do
  if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" | grep -q 200; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$dir/app.log"; exit 1; fi
  sleep 1
done
JORGE_API_KEY="$key" scripts/acceptance.sh --url "http://127.0.0.1:$port"
