#!/usr/bin/env bash
# The LLM part of the test command: starts the local model server (scripts/llm-server.sh),
# runs the tests that need a real model over both wire protocols, then the regression suite
# with the LLM drafter (extractive fallback), and stops the server by its process id.
# The eval must ship no unsupported sentence; its other numbers are reported, not gated (a
# 135M-parameter model on two cores is a test of the plumbing, not of answer quality).
#   scripts/llm-test.sh [path/to/supportd]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/supportd}"
PORT="${SUPPORTD_TEST_LLM_PORT:-8089}"
URL="$(bash scripts/llm-server.sh start "$PORT")"
trap 'bash scripts/llm-server.sh stop' EXIT
echo "== local model at $URL"

SUPPORTD_TEST_LLM_URL="$URL" swift test --skip-build --filter "RealModelTurnTests|LocalModel"

echo "== eval: fernhollow/regression with --drafter llm+fallback"
SUPPORTD_LLM_BASE_URL="$URL" SUPPORTD_LLM_MODEL=smollm2-135m \
    "$BIN" eval --cases evals/fernhollow/regression.jsonl --drafter llm+fallback --out .build/evals/regression-llm
python3 - <<'PY'
import json, sys
metrics = json.load(open(".build/evals/regression-llm/results.json"))["metrics"]
unsupported = metrics.get("unsupported_sentences", metrics.get("unsupportedSentences"))
if unsupported != 0:
    sys.exit(f"the LLM drafter shipped {unsupported} unsupported sentences")
print("no unsupported sentence shipped with the LLM drafter")
PY
