#!/usr/bin/env bash
# Builds supportd, runs every test target (tests that need ../shared/datasets skip without it,
# tests that need a local model skip until the LLM step), the eval gate on the example company's
# suites, the browser tests of the widget and the agent console in headless Chromium (installed
# by scripts/browser-test.sh when missing), then the LLM tests and eval against a real local model
# (installed and started by scripts/llm-test.sh, stopped when it ends).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/eval-gate.sh .build/debug/supportd
SUPPORTD_BIN=.build/debug/supportd bash scripts/browser-test.sh
bash scripts/llm-test.sh .build/debug/supportd
