#!/usr/bin/env bash
# Runs supportd on its embedded defaults: supportd.sqlite, the bundled policies, the extractive
# drafter and the web pages, on http://127.0.0.1:8080/. Extra arguments go to `supportd serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product supportd
exec .build/release/supportd serve "$@"
