"""How long an agent's reply takes to appear in the customer's widget.

t0: Python's clock right before `POST …/replies` (an edited AI draft, the console's
path); t1: Date.now() in the customer's page when the message node is added (a
MutationObserver). Same machine, same wall clock. Writes latency.json."""

from __future__ import annotations

import json
import os
import statistics
import time

from pages import T, WidgetPage
from support import OUTPUT, percentile

REPEATS = int(os.environ.get("LATENCY_REPEATS", "25"))


def test_agent_reply_latency(server, browsers, shots):
    customer = WidgetPage(browsers("customer", 420, 800), server.url).open()
    customer.send("I'd like to talk to a person, please.")
    customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "handoff")
    conversation_id = customer.conversation_id
    assert server.console("POST", f"/conversations/{conversation_id}/claim").status == 200
    customer.visible(T("state-notice") + '[data-status="with_human"]')

    samples, post_ms = [], []
    for i in range(REPEATS):
        draft = server.console("POST", f"/conversations/{conversation_id}/drafts")
        assert draft.status == 201, draft
        text = f"Latency probe {i}: {draft.body['draft']['text'][:60]}"
        body = {"action": "edit", "draft_id": draft.body["draft"]["id"], "text": text}
        t0 = time.time() * 1000
        r = server.console("POST", f"/conversations/{conversation_id}/replies", body)
        post_ms.append(time.time() * 1000 - t0)
        assert r.status == 201, r
        seen = customer.wait(
            lambda d: customer.js(
                "const needle = arguments[0];"
                "const m = window.__probe.messages.find(function (x) { return x.role === 'agent' && x.text.indexOf(needle) !== -1; });"
                "return m ? m.t : null;",
                f"Latency probe {i}:",
            ),
            timeout=10,
            message=f"probe {i} not shown",
        )
        samples.append(seen - t0)

    assert len(samples) == REPEATS
    shown = [e for e in customer.messages("agent") if "Latency probe" in e.text]
    assert len(shown) == REPEATS, "every probe shown exactly once"
    shots(customer.d, "latency-probes")

    result = {
        "what": "agent reply (POST replies, edit) -> message node in the customer's widget",
        "repeats": REPEATS,
        "p50_ms": round(percentile(samples, 50), 1),
        "p90_ms": round(percentile(samples, 90), 1),
        "min_ms": round(min(samples), 1),
        "max_ms": round(max(samples), 1),
        "mean_ms": round(statistics.mean(samples), 1),
        "post_replies_p50_ms": round(percentile(post_ms, 50), 1),
        "samples_ms": [round(s, 1) for s in samples],
        "server": str(server.binary),
    }
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "latency.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nagent reply -> widget: p50 {result['p50_ms']} ms, p90 {result['p90_ms']} ms "
          f"(n={REPEATS}, min {result['min_ms']}, max {result['max_ms']}; POST itself p50 {result['post_replies_p50_ms']} ms)")
