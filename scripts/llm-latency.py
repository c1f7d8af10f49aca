"""Measures what a customer waits for, over HTTP, against a running supportd: time from sending a
message to the first `status` event, to the first verified sentence (`delta`), and to `done`, for
the first N single-turn questions of an eval case file. Prints p50/p99 and the outcomes.

  python3 scripts/llm-latency.py --base http://127.0.0.1:8080 --cases evals/fernhollow/dev.jsonl --n 40
"""
import argparse
import json
import time
import urllib.request


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def post(url, body):
    request = urllib.request.Request(url, json.dumps(body).encode(), {"content-type": "application/json"})
    return urllib.request.urlopen(request, timeout=30)


def turn(base, text):
    conversation = json.load(post(f"{base}/v1/conversations", {}))["id"]
    start = time.perf_counter()
    marks, outcome, deltas = {}, None, 0
    with post(f"{base}/v1/conversations/{conversation}/messages", {"text": text}) as response:
        event = None
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
                now = (time.perf_counter() - start) * 1000
                if event == "status":
                    marks.setdefault("first_status", now)
                if event == "delta":
                    marks.setdefault("first_delta", now)
                    deltas += 1
                if event in ("answer", "dont_know", "handoff", "refusal"):
                    outcome = event
                if event == "done":
                    marks["done"] = now
    return marks, outcome, deltas


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--cases", default="evals/fernhollow/dev.jsonl")
    parser.add_argument("--n", type=int, default=40)
    args = parser.parse_args()
    questions = []
    for line in open(args.cases):
        case = json.loads(line)
        turns = case.get("turns") or []
        if len(turns) == 1 and case.get("expect", {}).get("outcome") == "answer":
            questions.append(turns[0] if isinstance(turns[0], str) else turns[0].get("text"))
        if len(questions) == args.n:
            break
    results = [turn(args.base, q) for q in questions if q]
    outcomes = {}
    for _, outcome, _ in results:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"{len(results)} turns; outcomes {outcomes}")
    for mark in ("first_status", "first_delta", "done"):
        values = [marks[mark] for marks, _, _ in results if mark in marks]
        print(f"{mark:13s} n={len(values):3d}  p50 {percentile(values, 0.5):8.1f} ms  p99 {percentile(values, 0.99):8.1f} ms")


if __name__ == "__main__":
    main()
