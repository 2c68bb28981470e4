#!/usr/bin/env bash
# Checks the Prometheus configs, the alert rules, their promtool unit tests and the
# Alertmanager config. Installs Debian's prometheus / prometheus-alertmanager packages
# when promtool / amtool are missing (needs root). Exit non-zero on any failure.
# The closing line counts promtool test groups of deploy/alerts/jorge-rules.test.yml,
# each run on its own.
set -euo pipefail
cd "$(dirname "$0")/.."

ALERTS=deploy/alerts
TESTS=$ALERTS/jorge-rules.test.yml

install_missing() {
  local pkgs=()
  command -v promtool >/dev/null 2>&1 || [ -x /usr/bin/promtool ] || pkgs+=(prometheus)
  command -v amtool >/dev/null 2>&1 || [ -x /usr/bin/amtool ] || pkgs+=(prometheus-alertmanager)
  [ ${#pkgs[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing ${pkgs[*]}: run as root or install them (apt-get install ${pkgs[*]})" >&2
    exit 2
  fi
  echo "installing ${pkgs[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}
install_missing
export PATH="$PATH:/usr/bin"

check_failures=0
check() {  # check NAME CMD...: run CMD, print ok/FAIL with its output on failure
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    echo "ok   $name"
  else
    echo "FAIL $name"
    printf '%s\n' "$out" | sed 's/^/     /'
    check_failures=$((check_failures + 1))
  fi
}

# promtool does not resolve scrape targets, so no --syntax-only is needed for the compose hostnames.
check "promtool check config deploy/prometheus.yml" promtool check config deploy/prometheus.yml
check "promtool check config deploy/prometheus.scale.yml" promtool check config deploy/prometheus.scale.yml
check "promtool check rules $ALERTS/jorge-rules.yml" promtool check rules "$ALERTS/jorge-rules.yml"
check "amtool check-config deploy/alertmanager.yml" amtool check-config deploy/alertmanager.yml
route() {  # route RECEIVER LABEL=VALUE...: the alert must reach RECEIVER
  local want=$1
  shift
  check "alertmanager routes $* -> $want" \
    amtool config routes test --config.file=deploy/alertmanager.yml --verify.receivers="$want" "$@"
}
route oncall alertname=JorgeOptOutViolation severity=critical
route oncall alertname=JorgeInstanceDown severity=critical
route team alertname=JorgeModelDrift severity=warning
check "promtool test rules $TESTS (whole file)" promtool test rules "$TESTS"

# Run every test group alone so the count below is per group. A group starts at a line
# "  - name:" under "tests:"; everything before "tests:" is the shared header.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ALERTS"/*.yml "$work/"
awk -v dir="$work" '
  !in_tests { header = header $0 "\n"; if ($0 ~ /^tests:/) in_tests = 1; next }
  /^  - name:/ { n++; file = sprintf("%s/group-%03d.test.yml", dir, n); printf "%s", header > file }
  n > 0 { print >> file }
' "$TESTS"

passed=0 failed=0
for f in "$work"/group-*.test.yml; do
  [ -e "$f" ] || break
  name=$(sed -n 's/^  - name: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$f" | head -n 1)
  if out=$(cd "$work" && promtool test rules "$(basename "$f")" 2>&1); then
    echo "ok   test group: $name"
    passed=$((passed + 1))
  else
    echo "FAIL test group: $name"
    printf '%s\n' "$out" | sed 's/^/     /'
    failed=$((failed + 1))
  fi
done

[ "$check_failures" -eq 0 ] || echo "config/rule checks: $check_failures failed (see FAIL lines above)"
if [ $((passed + failed)) -eq 0 ]; then
  echo "no test groups found in $TESTS" >&2
  exit 1
fi
echo "alert rules: $passed passed, $failed failed"
[ "$check_failures" -eq 0 ] && [ "$failed" -eq 0 ]
