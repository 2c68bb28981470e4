#!/usr/bin/env bash
# Walks the original plan's validation commands (SPEC §12) against a running Jorge and reports
# each step as PASS or FAIL with what it saw. Exit 0 only when every step passes.
#
# Usage: scripts/acceptance.sh [--url URL]
#   --url URL        base URL of the instance (default $JORGE_URL or http://localhost:8080)
# Environment:
#   JORGE_API_KEY    an admin or agent API key of that instance (required: scores, contacts, WebSocket)
#   JORGE_JAR        the jar for the CLI steps (default target/jorge.jar, built by ./jorge build)
#   JORGE_WEBHOOK_SECRET  passed on to scripts/health-check.sh when the instance enforces signatures
set -uo pipefail
cd "$(dirname "$0")/.."

url=${JORGE_URL:-http://localhost:8080}
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=${2:?--url needs a value}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
url=${url%/}
ws_url="ws${url#http}"
key=${JORGE_API_KEY:?set JORGE_API_KEY to an API key of the instance}
jar=${JORGE_JAR:-target/jorge.jar}
[ -f "$jar" ] || { echo "no $jar: run ./jorge build first" >&2; exit 2; }
run=$(date +%s)-$$
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jorge() { ./jorge "$@"; }
pass() { passed=$((passed + 1)); printf 'PASS %s (%s)\n' "$1" "$2"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s (%s)\n' "$1" "$2"; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n1; }
post() { curl -s -m 15 -H 'Content-Type: application/json' -H "Origin: $url" "$@"; }
bot() { post "$url/api/bots/jorge-seller" -d "{\"session_id\":\"$1\",\"message\":\"$2\"}"; }

# 1. ./.claude/hooks/test-hooks.sh  ->  jorge guard test
out=$(jorge guard test 2>&1)
if [ $? -eq 0 ]; then pass "guard test" "$(tail -n1 <<<"$out")"; else fail "guard test" "$(tail -n1 <<<"$out")"; fi

# 2. curl -X POST .../api/bots/jorge-seller -d '{"message":"test"}'  ->  a seller qualified to HOT, booked
s="acc-seller-$run"
r=$(post "$url/api/bots/jorge-seller" -d '{"message":"test"}')
if [ "$(field bot <<<"$r")" = seller ]; then pass "bot alias answers a bare test message" "asking $(field asking <<<"$r")"; else fail "bot alias answers a bare test message" "$r"; fi
for line in "Hi, I'm thinking about selling my house" "We're relocating to Austin for work" \
  "Yes, 30 to 45 days would work" "It's move-in ready" "We'd want around \$725k"; do
  r=$(bot "$s" "$line")
done
contact=$(field contact_id <<<"$r")
if [ "$(field temperature <<<"$r")" = HOT ] && [ "$(field asking <<<"$r")" = appointment ]; then
  pass "seller qualified to HOT through /api/bots/jorge-seller" "contact $contact offered: $(field text <<<"$r")"
else
  fail "seller qualified to HOT through /api/bots/jorge-seller" "$r"
fi
r=$(bot "$s" "The first one works")
if grep -q '"appointment":{' <<<"$r"; then pass "appointment booked" "$(field start <<<"$r")"; else fail "appointment booked" "$r"; fi

# 3. curl .../api/dashboard/metrics  ->  reflects the HOT lead and the booking
r=$(curl -s -m 10 -H "Authorization: Bearer $key" "$url/api/dashboard/metrics")
hot=$(field hot_leads <<<"$r"); booked=$(field appointments_booked <<<"$r")
if [ "${hot:-0}" -ge 1 ] 2>/dev/null && [ "${booked:-0}" -ge 1 ] 2>/dev/null; then
  pass "dashboard metrics reflect it" "hot_leads=$hot appointments_booked=$booked"
else
  fail "dashboard metrics reflect it" "$r"
fi

# 4. curl -X POST .../api/v1/ml/score -d '{"lead_id":"test"}'  ->  404 with the error body; a score for a known lead
code=$(curl -s -m 10 -o "$work/score" -w '%{http_code}' -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' -d '{"lead_id":"test"}' "$url/api/v1/ml/score")
if [ "$code" = 404 ] && grep -q '"error"' "$work/score"; then pass "ml/score for an unknown lead" "404 $(field code <<<"$(cat "$work/score")")"; else fail "ml/score for an unknown lead" "$code $(cat "$work/score")"; fi

# 5. curl .../api/v1/ml/ws/metrics  ->  426 without an upgrade; with one, lead.scored and a metrics snapshot
code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$url/api/v1/ml/ws/metrics")
if [ "$code" = 426 ]; then pass "ml/ws/metrics without an upgrade" "426"; else fail "ml/ws/metrics without an upgrade" "$code"; fi
jorge ws --url "$ws_url/api/v1/ml/ws/metrics" --token "$key" --origin "$url" --topics ml,metrics,leads \
  --await lead.scored,metrics.snapshot --seconds 20 > "$work/ws-ml" 2>&1 &
ws_pid=$!
# Score only once the listener is in: it subscribes from its welcome, so nothing after it is missed.
for _ in $(seq 1 100); do grep -q '"type":"welcome"' "$work/ws-ml" 2>/dev/null && break; sleep 0.2; done
sleep 0.5
r=$(curl -s -m 10 -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d "{\"lead_id\":\"$contact\"}" "$url/api/v1/ml/score")
if wait "$ws_pid"; then
  pass "WebSocket receives lead.scored and metrics.snapshot" "probability $(field probability <<<"$r")"
else
  fail "WebSocket receives lead.scored and metrics.snapshot" "$(tail -n2 "$work/ws-ml" | tr '\n' ' ')"
fi

# 6. concierge -> seller -> buyer, seen as bot.handoff events
h="acc-handoff-$run"
for line in "We need to sell our place and buy a bigger one" "Growing family, we need more room" \
  "No, that's too quick, we'd need about 3 months" "It needs some paint" "Around 600k"; do
  r=$(post "$url/api/v1/chat/messages" -d "{\"session_id\":\"$h\",\"text\":\"$line\"}")
done
hid=$(field contact_id <<<"$r")
jorge ws --url "$ws_url/api/v1/ws" --token "$key" --origin "$url" --topics conversations \
  --since conversations=0 --seconds 6 > "$work/ws-conv" 2>/dev/null
pairs=$(grep '"bot.handoff"' "$work/ws-conv" | grep "$hid" | sed -n 's/.*"from":"\([a-z]*\)".*"to":"\([a-z]*\)".*/\1>\2/p' | tr '\n' ' ')
if grep -q 'concierge>seller' <<<"$pairs" && grep -q 'seller>buyer' <<<"$pairs" && [ "$(field bot <<<"$r")" = buyer ]; then
  pass "concierge -> seller -> buyer handoffs as bot.handoff events" "$pairs"
else
  fail "concierge -> seller -> buyer handoffs as bot.handoff events" "bot=$(field bot <<<"$r") events: ${pairs:-none}"
fi

# 7. curl .../metrics  ->  Prometheus text showing the turns
m=$(curl -s -m 10 "$url/metrics")
turns=$(grep -E '^jorge_message_processing_seconds_count' <<<"$m" | awk '{s+=$2} END {print s+0}')
handoffs=$(grep -E '^jorge_bot_handoffs_total' <<<"$m" | awk '{s+=$2} END {print s+0}')
if [ "${turns%.*}" -ge 12 ] 2>/dev/null && [ "${handoffs%.*}" -ge 2 ] 2>/dev/null; then
  pass "/metrics shows the turns" "jorge_message_processing_seconds_count=$turns jorge_bot_handoffs_total=$handoffs"
else
  fail "/metrics shows the turns" "turns=$turns handoffs=$handoffs"
fi

# 8. ./scripts/health-check.sh
if out=$(scripts/health-check.sh --url "$url" 2>&1); then
  pass "scripts/health-check.sh" "$(grep -c '^PASS' <<<"$out") checks"
else
  fail "scripts/health-check.sh" "$(grep '^FAIL' <<<"$out" | tr '\n' ' ')"
fi

# 9. an alert rule firing in a promtool rule test for a simulated outage: the rule tests feed
# `up == 0` for an instance and expect JorgeInstanceDown to fire (and not to fire while it is up).
if command -v promtool >/dev/null 2>&1; then
  if out=$(promtool test rules deploy/alerts/jorge-rules.test.yml 2>&1) \
      && grep -q 'alertname: JorgeInstanceDown' deploy/alerts/jorge-rules.test.yml; then
    pass "alert fires for a simulated outage" "promtool test rules: JorgeInstanceDown and the rest $(tail -n1 <<<"$out")"
  else
    fail "alert fires for a simulated outage" "$(tr '\n' ' ' <<<"$out" | cut -c1-300)"
  fi
else
  fail "alert fires for a simulated outage" "promtool not installed (apt-get install prometheus)"
fi

# 10. the guard refuses a dangerous command
out=$(printf '%s' '{"tool_name":"Bash","tool_input":{"command":"rm -rf / --no-preserve-root"}}' | jorge guard pre-tool-use 2>&1)
code=$?
if [ $code -eq 2 ]; then pass "guard refuses rm -rf /" "exit 2: $(tail -n1 <<<"$out")"; else fail "guard refuses rm -rf /" "exit $code"; fi

echo "acceptance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
