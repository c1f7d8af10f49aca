#!/usr/bin/env bash
# Builds supportd and runs every test target. Tests that need ../shared/datasets skip without it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
