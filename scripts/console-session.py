#!/usr/bin/env python3
"""A scripted human-in-the-loop session against a running supportd, over its real HTTP API.

For each of N single-turn questions from an eval suite (those whose expectation names facts the
answer must include), a customer asks the question and then asks for a person; an agent claims
the conversation, asks for the AI draft and decides by a fixed rule:

  * accept  - the draft contains every fact the case expects;
  * edit    - the draft has text but misses a fact: the agent adds a sentence with the facts;
  * reject  - the AI had no draft: the agent writes the facts in their own words.

Meanwhile the customer's conversation stream (GET /v1/conversations/{id}/events) is open, so the
script also measures the time from the agent's send (just before POST .../replies) to the reply
arriving on the customer's stream. At the end it prints the acceptance and edit rates from
GET /v1/console/stats and writes everything to --out as JSON.

    scripts/console-session.py --base http://127.0.0.1:8080 --token <agent token> [--turns 24]

Standard library only.
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse
import urllib.request


def request(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as response:
        raw = response.read().decode()
        kind = response.headers.get("Content-Type", "")
        return json.loads(raw) if kind.startswith("application/json") else raw


class ConversationStream(threading.Thread):
    """Reads the customer's event stream and notes when each message id arrives."""

    def __init__(self, base, conversation):
        super().__init__(daemon=True)
        url = urllib.parse.urlparse(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.path = f"/v1/conversations/{conversation}/events"
        self.arrivals = {}
        self.ready = threading.Event()

    def run(self):
        self.connection.request("GET", self.path, headers={"Accept": "text/event-stream"})
        response = self.connection.getresponse()
        self.ready.set()
        event, data = None, None
        try:
            while True:
                line = response.fp.readline()
                if not line:
                    return
                line = line.decode().rstrip("\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "" and event == "message" and data:
                    message = json.loads(data)["message"]
                    self.arrivals[message["id"]] = time.monotonic()
                    event, data = None, None
        except Exception:
            return

    def wait_for(self, message_id, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if message_id in self.arrivals:
                return self.arrivals[message_id]
            time.sleep(0.0005)
        return None

    def close(self):
        try:
            self.connection.sock.close()
        except Exception:
            pass


def cases(path, count):
    chosen = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        case = json.loads(line)
        expect = case["expect"]
        outcome = expect.get("outcome") if isinstance(expect, dict) else None
        if len(case["turns"]) == 1 and outcome in ("answer", ["answer"]) and expect.get("must_include"):
            chosen.append((case["id"], case["turns"][0], expect["must_include"]))
        if len(chosen) == count:
            break
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--token", required=True)
    parser.add_argument("--cases", default="evals/fernhollow/dev.jsonl")
    parser.add_argument("--turns", type=int, default=24)
    parser.add_argument("--out", default="test-output/console-session.json")
    args = parser.parse_args()

    decisions, latencies = [], []
    started = time.monotonic()
    for case_id, question, facts in cases(args.cases, args.turns):
        conversation = request(args.base, "POST", "/v1/conversations")["id"]
        stream = ConversationStream(args.base, conversation)
        stream.start()
        stream.ready.wait(5)
        request(args.base, "POST", f"/v1/conversations/{conversation}/messages", {"text": question})
        request(args.base, "POST", f"/v1/conversations/{conversation}/messages",
                {"text": "I'd like to talk to a person, please."})
        request(args.base, "POST", f"/v1/console/conversations/{conversation}/claim", token=args.token)
        draft = request(args.base, "POST", f"/v1/console/conversations/{conversation}/drafts", token=args.token)["draft"]
        text = draft["text"]
        missing = [fact for fact in facts if fact.lower() not in text.lower()]
        if text and not missing:
            body = {"action": "accept", "draft_id": draft["id"]}
        elif text:
            body = {"action": "edit", "draft_id": draft["id"],
                    "text": text + " To be precise: " + ", ".join(facts) + "."}
        else:
            body = {"action": "reject", "draft_id": draft["id"],
                    "text": "Thanks for waiting. Per our policy: " + ", ".join(facts) + "."}
        sent_at = time.monotonic()
        reply = request(args.base, "POST", f"/v1/console/conversations/{conversation}/replies", body, token=args.token)
        arrived = stream.wait_for(reply["message"]["id"])
        if arrived is not None:
            latencies.append((arrived - sent_at) * 1000)
        request(args.base, "POST", f"/v1/console/conversations/{conversation}/resolve", token=args.token)
        stream.close()
        decisions.append({"case": case_id, "action": body["action"], "edit_distance": reply["feedback"]["edit_distance"],
                          "intent": reply["feedback"].get("intent")})
        print(f"{case_id:40} {body['action']:7} distance {reply['feedback']['edit_distance']:.3f}")

    stats = request(args.base, "GET", "/v1/console/stats", token=args.token)
    rates = stats["reply_rates"]
    latencies.sort()
    summary = {
        "turns": len(decisions),
        "accepted": rates["accepted"], "edited": rates["edited"], "rejected": rates["rejected"],
        "mean_edit_distance": rates.get("mean_edit_distance"),
        "send_to_customer_stream_ms": {
            "samples": len(latencies),
            "p50": round(statistics.median(latencies), 2) if latencies else None,
            "p90": round(latencies[int(0.9 * (len(latencies) - 1))], 2) if latencies else None,
            "max": round(latencies[-1], 2) if latencies else None,
        },
        "seconds": round(time.monotonic() - started, 1),
        "decisions": decisions,
        "stats": stats,
    }
    import os
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=2, sort_keys=True)
    pct = lambda share: "–" if share["rate"] is None else f"{share['rate'] * 100:.1f}% ({share['count']}/{share['total']})"
    print(f"\nreplies to drafts   {rates['replies']}")
    print(f"accepted            {pct(rates['accepted'])}")
    print(f"edited              {pct(rates['edited'])}  mean edit distance {rates.get('mean_edit_distance')}")
    print(f"rejected            {pct(rates['rejected'])}")
    lat = summary["send_to_customer_stream_ms"]
    print(f"agent send → customer stream: p50 {lat['p50']} ms, p90 {lat['p90']} ms over {lat['samples']} replies")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
