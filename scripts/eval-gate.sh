#!/usr/bin/env bash
# The eval gate: runs the example company's suites through the built pipeline and fails when the
# resolution or correct-IDK rate falls more than the recorded margin below evals/baselines/, or
# when any unsupported sentence ships. Reports land in .build/evals/<suite>/report.html.
# Usage: scripts/eval-gate.sh [path/to/supportd]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
supportd="${1:-.build/debug/supportd}"
status=0
for suite in dev regression; do
    echo "== eval gate: fernhollow/$suite"
    "$supportd" eval --cases "evals/fernhollow/$suite.jsonl" --out ".build/evals/$suite" \
        --baseline "evals/baselines/fernhollow-$suite.json" || status=1
done
exit $status
