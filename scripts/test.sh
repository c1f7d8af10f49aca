#!/usr/bin/env bash
# Builds supportd, runs every test target (tests that need ../shared/datasets skip without it),
# the eval gate on the example company's suites, then the browser tests of the widget and the
# agent console in headless Chromium (installed by scripts/browser-test.sh when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/eval-gate.sh .build/debug/supportd
SUPPORTD_BIN=.build/debug/supportd bash scripts/browser-test.sh
