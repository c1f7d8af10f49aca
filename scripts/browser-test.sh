#!/usr/bin/env bash
# Browser tests of the widget and the agent console (Tests/browser/): Python +
# Selenium driving Debian's headless Chromium against a real `supportd serve`.
#
#   scripts/browser-test.sh                 # uses .build/debug/supportd
#   SUPPORTD_BIN=.build/release/supportd scripts/browser-test.sh -k latency
#
# Installs what is missing (apt: chromium chromium-driver; pip: selenium pytest),
# quietly; extra arguments go to pytest. Screenshots, server logs and
# latency.json land in test-output/browser/.
set -euo pipefail
cd "$(dirname "$0")/.."

export SUPPORTD_BIN="${SUPPORTD_BIN:-.build/debug/supportd}"
export SE_OFFLINE=true   # Selenium must not download a browser or driver

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing chromium and chromium-driver (apt)…"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! python3 -c 'import selenium, pytest' 2>/dev/null; then
  echo "installing selenium and pytest (pip)…"
  python3 -m pip install -q --disable-pip-version-check selenium pytest
fi

if [ ! -x "$SUPPORTD_BIN" ]; then
  echo "error: no supportd binary at $SUPPORTD_BIN (run 'swift build' or set SUPPORTD_BIN)" >&2
  exit 1
fi

mkdir -p test-output/browser
rm -f test-output/browser/latency.json
start=$(date +%s%N)
status=0
python3 -m pytest -q Tests/browser "$@" || status=$?
end=$(date +%s%N)
if [ -f test-output/browser/latency.json ]; then
  python3 - <<'PY'
import json
r = json.load(open("test-output/browser/latency.json"))
print("agent reply -> widget: p50 %s ms, p90 %s ms over %s replies" % (r["p50_ms"], r["p90_ms"], r["repeats"]))
PY
fi
echo "browser suite: $(( (end - start) / 1000000 )) ms"
exit $status
