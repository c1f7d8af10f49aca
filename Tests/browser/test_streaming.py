"""The answer streams in: each sentence that passed verification (a `delta` event)
shows up in the answer's place while the thinking steps still run, and the `answer`
event replaces that text in place, so one answer bubble per turn remains, with its
citations and Sources.

The server's own drafter writes in a few milliseconds, too fast to look at, so the
page's fetch is wrapped for one POST: the real stream is replayed an event at a time
and held before the outcome until the test has looked at the half-written answer."""

from __future__ import annotations

import json
import time

from pages import T, WidgetPage

QUESTION = "How long do I have to return an item?"

# Slow motion for the next POST …/messages. arguments[0]: {hold: [event names],
# gapMs, frames?}. Without `frames` the server's real stream is replayed; the first
# event named in `hold` waits until window.__sdRelease() (window.__sdHeld says it waits).
SLOW_STREAM_JS = r"""
const opts = arguments[0];
const realFetch = window.fetch;
let release;
const released = new Promise(function (resolve) { release = resolve; });
window.__sdHeld = false;
window.__sdRelease = function () { release(); };
const sleep = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
const eventName = function (frame) { const m = /^event: (.*)$/m.exec(frame); return m ? m[1] : ''; };
window.fetch = async function (url, init) {
  if (!(init && init.method === 'POST' && /\/messages$/.test(String(url)))) return realFetch.apply(this, arguments);
  window.fetch = realFetch; // once
  let frames = opts.frames;
  let headers = { 'Content-Type': 'text/event-stream; charset=utf-8' };
  if (!frames) {
    const real = await realFetch(url, init);
    if (!real.ok) return real;
    headers = real.headers;
    frames = (await real.text()).split('\n\n').filter(Boolean).map(function (f) { return f + '\n\n'; });
  }
  const encoder = new TextEncoder();
  let held = false;
  const body = new ReadableStream({
    async start(controller) {
      for (const frame of frames) {
        if (!held && opts.hold.indexOf(eventName(frame)) !== -1) {
          held = true;
          window.__sdHeld = true;
          await released;
        }
        controller.enqueue(encoder.encode(frame));
        await sleep(opts.gapMs);
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: headers });
};
"""

# Every sentence added to a streaming answer body, in DOM order, with the number of
# the observer callback that saw it: sentences in different callbacks were shown apart.
STREAM_PROBE_JS = r"""
window.__streamed = [];
let batch = 0;
new MutationObserver(function (mutations) {
  batch++;
  for (const m of mutations) {
    const t = m.target;
    if (!(t instanceof Element) || t.dataset.testid !== 'answer-text' || !t.hasAttribute('data-state')) continue;
    for (const n of m.addedNodes) {
      if (!(n instanceof Element)) continue;
      window.__streamed.push({ batch: batch, kind: n.classList.contains('sd-sentence') ? 'sentence' : 'marker',
                               text: n.textContent });
    }
  }
}).observe(document.querySelector('[data-testid="message-list"]'), { childList: true, subtree: true });
"""


def sse(index: int, event: str, data: dict) -> str:
    return f"id: msg_fake:{index}\nevent: {event}\ndata: {json.dumps(data)}\n\n"


def answer_bodies(page: WidgetPage, message):
    return page.all(T("answer-text"), message)


def test_answer_streams_sentence_by_sentence(server, browsers, shots):
    customer = WidgetPage(browsers("customer", 420, 860), server.url).open()
    customer.js(STREAM_PROBE_JS)
    customer.js(SLOW_STREAM_JS, {"hold": ["answer"], "gapMs": 80})

    customer.send(QUESTION)
    customer.wait(lambda d: customer.js("return window.__sdHeld"), message="the stream never reached the answer")

    # --- Half-way: the verified sentences are shown, the answer has not come ----
    turn = customer.messages("assistant")[-1]
    assert turn.get_attribute("data-state") == "streaming"
    bodies = answer_bodies(customer, turn)
    assert len(bodies) == 1, "one answer body while streaming"
    streaming = bodies[0]
    assert streaming.get_attribute("data-state") == "streaming"
    streamed_sentences = [s.text for s in customer.all(".sd-sentence", streaming)]
    assert len(streamed_sentences) >= 2, streamed_sentences
    assert "30 days" in streaming.text, streaming.text
    markers = [m.text for m in customer.all(".sd-cite", streaming)]
    assert markers and all(m == "[1]" for m in markers), markers
    # the thinking steps are still running above it; no Sources yet
    thinking = customer.one(T("thinking"), turn)
    assert thinking.get_attribute("data-state") == "active" and thinking.is_displayed()
    assert customer.all(T("status-step"), turn), "steps visible while the answer streams"
    assert not customer.all(T("sources"), turn)
    assert not customer.all(T("turn-summary"), turn)
    shots(customer.d, "answer-streaming")

    # --- The answer: replaces the streamed text in place ------------------------
    customer.js("window.__sdRelease()")
    answer = customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "answer")
    answer_id = answer.get_attribute("data-message-id")
    customer.wait(lambda d: answer.get_attribute("data-state") == "done", message="turn not finished")
    bodies = answer_bodies(customer, answer)
    assert len(bodies) == 1, "exactly one answer body remains"
    final = bodies[0]
    assert final.get_attribute("data-state") is None and final.get_attribute("data-streamed") == str(len(streamed_sentences))
    assert not customer.all('[data-testid="answer-text"][data-state="streaming"]')
    final_sentences = [s.text for s in customer.all(".sd-sentence", final)]
    assert final_sentences[: len(streamed_sentences)] == streamed_sentences, (final_sentences, streamed_sentences)
    assert customer.all(T("citation-marker"), final), "final markers link to the sources"
    customer.press(customer.one(T("sources-toggle"), answer))
    source = customer.visible(T("source-item"))
    assert "Returns" in source.text, source.text
    assert "30 days" in source.find_element("css selector", "blockquote").text
    shots(customer.d, "answer-final")

    # The sentences were added to the page one at a time, not all at once.
    streamed = customer.js("return window.__streamed")
    sentences = [r for r in streamed if r["kind"] == "sentence"]
    assert [r["text"] for r in sentences] == streamed_sentences, streamed
    assert len({r["batch"] for r in sentences}) >= 2, streamed

    # The reply also came on the conversation stream (held while the turn ran): one bubble.
    time.sleep(0.8)
    assert len(customer.message_by_id(answer_id)) == 1
    assert len(customer.messages("assistant")) == 1
    assert len(customer.all(T("answer-text"))) == 1

    # --- No deltas (a question our policies don't cover): no streamed text -------
    before = len(customer.js("return window.__streamed"))
    customer.send("Do you ship to Mars?")
    other = customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") in ("dont_know", "handoff"))
    assert not answer_bodies(customer, other)
    assert len(customer.js("return window.__streamed")) == before
    assert len(customer.all(T("answer-text"))) == 1


def test_outcome_after_deltas_keeps_the_streamed_text(server, browsers, shots):
    customer = WidgetPage(browsers("customer", 420, 860), server.url).open()
    citation = {
        "index": 1, "chunk_id": "returns-refunds@1#overview", "document_id": "returns-refunds",
        "document_title": "Returns and Refunds", "section": "Returns and Refunds", "version": "4",
        "document_revision": 1, "quote": "Most Fernhollow items can be returned for a refund within 30 days of delivery.",
    }
    dont_know = "I'm not sure about the rest, and I'd rather not guess."
    frames = [
        sse(1, "status", {"phase": "drafting", "text": "Writing an answer from the policy text…"}),
        sse(2, "delta", {"index": 0, "text": "According to our Returns and Refunds policy:"}),
        sse(3, "delta", {"index": 1, "text": "Most items can be returned within 30 days of delivery.", "citation": citation}),
        sse(4, "delta", {"index": 1, "text": "Most items can be returned within 30 days of delivery.", "citation": citation}),
        sse(5, "dont_know", {"reason": "no_evidence", "text": dont_know}),
        sse(6, "done", {"outcome": "dont_know", "turn_id": "turn_fake", "message_id": "msg_fake_reply",
                        "delivered": True, "total_ms": 12.5, "timings_ms": {"drafting": 10}}),
    ]
    customer.js(SLOW_STREAM_JS, {"hold": ["dont_know"], "gapMs": 30, "frames": frames})
    customer.send(QUESTION)
    customer.wait(lambda d: customer.js("return window.__sdHeld"), message="the stream never reached dont_know")
    turn = customer.messages("assistant")[-1]
    streaming = customer.one(T("answer-text"), turn)
    assert streaming.get_attribute("data-state") == "streaming"
    assert len(customer.all(".sd-sentence", streaming)) == 2, "a repeated delta index is shown once"
    shots(customer.d, "streamed-before-dont-know")

    customer.js("window.__sdRelease()")
    customer.wait(lambda d: turn.get_attribute("data-state") == "done", message="turn not finished")
    assert turn.get_attribute("data-outcome") == "dont_know"
    bodies = answer_bodies(customer, turn)
    assert len(bodies) == 1 and bodies[0].get_attribute("data-state") == "kept"
    assert "30 days" in bodies[0].text and "[1]" in bodies[0].text
    # the outcome's message comes after the streamed sentences, as it would alone
    texts = [e.text for e in customer.all(".sd-body > *", turn)]
    assert "30 days" in texts[0] and dont_know in texts[1], texts
    assert customer.one(T("talk-to-person-inline"), turn).is_displayed()
    assert len(customer.messages("assistant")) == 1
    shots(customer.d, "streamed-then-dont-know")
