#!/usr/bin/env bash
# Builds supportd, runs every test target (tests that need ../shared/datasets skip without it),
# then the eval gate on the example company's suites.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/eval-gate.sh .build/debug/supportd
