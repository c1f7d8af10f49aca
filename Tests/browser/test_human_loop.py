"""The whole loop in two real browsers: a customer asks, sees the thinking steps
and a sourced answer, asks for a person; an agent claims the conversation in the
console, edits the AI draft and sends it; the customer sees the reply and rates it."""

from __future__ import annotations

import time

from pages import T, ConsolePage, WidgetPage
from support import AGENT, AGENT_TOKEN

QUESTION = "How long do I have to return an item?"
TALK = "I'd like to talk to a person, please."


def test_customer_agent_round_trip(server, browsers, shots):
    customer = WidgetPage(browsers("customer", 420, 860), server.url).open()
    shots(customer.d, "widget-open")

    # --- 1. A question: thinking steps, then an answer with a source -------------
    customer.send(QUESTION)
    answer = customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "answer")
    shots(customer.d, "answer")
    answer_id = answer.get_attribute("data-message-id")
    conversation_id = customer.conversation_id
    assert conversation_id and conversation_id.startswith("conv_")

    probe = customer.probe()
    phases = [s["phase"] for s in probe["steps"]]
    assert len(phases) >= 3, phases
    assert "retrieval" in phases and "drafting" in phases, phases
    assert probe["answers"], "answer text recorded"
    assert probe["steps"][0]["t"] <= probe["answers"][0]["t"], "thinking steps are shown before the answer"
    # the steps stay readable in the collapsed turn summary
    customer.press(customer.one(T("turn-summary") + " summary", answer))
    steps = customer.all(T("status-step"), answer)
    assert len(steps) >= 3 and all(s.is_displayed() for s in steps)
    shots(customer.d, "thinking-steps-expanded")

    customer.press(customer.one(T("sources-toggle"), answer))
    source = customer.visible(T("source-item"))
    assert "Returns" in source.text, source.text
    assert "30 days" in source.find_element("css selector", "blockquote").text
    shots(customer.d, "source-expanded")

    # The reply also arrives as a `message` event on the conversation stream:
    # still exactly one bubble for it.
    time.sleep(0.8)
    assert len(customer.message_by_id(answer_id)) == 1
    assert len(customer.messages("assistant")) == 1
    assert customer.connection == "open"

    # --- 2. Talk to a person ------------------------------------------------------
    customer.press(customer.one(T("talk-to-person")))
    customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "handoff")
    customer.wait(lambda d: customer.one(T("chat-panel")).find_element("xpath", "..").get_attribute("data-status")
                  == "waiting_for_human", message="widget did not switch to waiting_for_human")
    customer.wait(lambda d: not customer.one(T("talk-to-person")).is_displayed())
    sent = [m.text for m in customer.messages("customer")]
    assert any(TALK in t for t in sent), sent
    shots(customer.d, "handed-over")

    # --- 3. The agent: log in, see the queue, open, claim -------------------------
    agent = ConsolePage(browsers("agent", 1400, 1000), server.url).open()
    shots(agent.d, "console-login")
    agent.login(AGENT_TOKEN)
    assert agent.one(T("agent-name")).text.lower() == AGENT
    entry = agent.queue_entry(conversation_id)
    assert "customer asked" in agent.one(T("queue-reason"), entry).text.lower()
    assert agent.one(T("queue-owner"), entry).get_attribute("data-owner") == ""
    assert agent.one(T("queue-frustration"), entry).get_attribute("data-level") in ("none", "low", "medium", "high")
    wait_before = agent.one(T("queue-waiting"), entry).text
    agent.wait(lambda d: agent.one(T("queue-waiting"), agent.queue_entry(conversation_id)).text != wait_before,
               timeout=5, message="waiting time does not tick")
    assert agent.one(T("queue-connection")).get_attribute("data-state") == "open"
    shots(agent.d, "console-queue")

    agent.open_conversation(conversation_id)
    packet = agent.visible(T("handoff-packet"))
    assert "customer asked" in agent.one(T("packet-reason"), packet).text.lower()
    assert QUESTION in agent.one(T("packet-questions"), packet).text or TALK in agent.one(T("packet-questions"), packet).text
    roles = [e.get_attribute("data-role") for e in agent.all(T("transcript-message"))]
    assert roles[:2] == ["customer", "assistant"], roles
    shots(agent.d, "console-conversation")
    # the turns' traces: collapsed, one per AI turn, every stage with its decision
    traces = agent.one(T("traces"))
    agent.press(agent.one("summary", traces))
    first = agent.visible(T("trace"))
    agent.press(agent.one("summary", first))
    stages = [e.get_attribute("data-stage") for e in agent.all(T("trace-stage"), first)]
    assert {"guard", "routing", "retrieval"} <= set(stages), stages
    assert len(agent.all(T("transition"))) >= 1
    agent.js("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", traces)
    shots(agent.d, "console-traces")

    agent.click("action-claim")
    agent.wait(lambda d: agent.status() == "with_human" and agent.owner() == AGENT, message="claim not shown")
    agent.wait(lambda d: agent.one(T("queue-owner"), agent.queue_entry(conversation_id)).get_attribute("data-owner") == AGENT,
               message="queue does not show the owner")
    shots(agent.d, "console-claimed")

    # the customer is told
    notice = customer.visible(T("state-notice") + '[data-status="with_human"]')
    assert "join" in notice.text.lower(), notice.text
    shots(customer.d, "agent-joined")

    # --- 4. AI draft -> edit -> send ------------------------------------------------
    agent.click("draft-request")
    draft_text = agent.wait(lambda d: agent.one(T("draft-text")).text.strip(), message="no draft")
    shots(agent.d, "console-draft")
    agent.click("draft-edit")
    box = agent.visible(T("reply-text"))
    assert box.get_attribute("value").strip() == draft_text.strip()
    signature = " — Alice, Fernhollow support"
    box.send_keys(signature)
    edited = box.get_attribute("value").strip()
    shots(agent.d, "console-draft-edited")
    agent.click("reply-send")
    agent.wait(lambda d: "Sent" in agent.one(T("reply-result")).text, message="reply not confirmed")
    shots(agent.d, "console-sent")

    reply = customer.wait_message("agent", lambda e: signature.strip() in e.text)
    reply_id = reply.get_attribute("data-message-id")
    assert customer.one(T("message-text"), reply).text.strip() == edited
    assert len(customer.message_by_id(reply_id)) == 1
    shots(customer.d, "agent-reply")

    # --- 5. Feedback record over HTTP --------------------------------------------
    detail = server.console("GET", f"/conversations/{conversation_id}")
    assert detail.status == 200, detail
    feedback = detail.body["feedback"]
    assert len(feedback) == 1, feedback
    fb = feedback[0]
    assert fb["action"] == "edit" and fb["agent"] == AGENT
    assert fb["sent_text"].strip() == edited
    assert fb["draft_text"].strip() == draft_text.strip()
    assert 0 < fb["edit_distance"] <= 1

    # --- 6. The customer rates the agent's reply helpful --------------------------
    customer.press(customer.one(T("rate-helpful"), reply))
    customer.wait(lambda d: customer.one(T("rate-helpful"), reply).get_attribute("aria-pressed") == "true",
                  message="rating not shown")
    assert customer.one(T("rate-not-helpful"), reply).get_attribute("aria-pressed") == "false"
    transcript = server.api("GET", f"/v1/conversations/{conversation_id}").body
    rated = next(m for m in transcript["messages"] if m["id"] == reply_id)
    assert rated.get("rating") is True, rated
    shots(customer.d, "rated-helpful")

    # --- 7. A customer message while with a person: 202, no thinking steps, live in the console
    steps_before = len(customer.probe()["steps"])
    customer.send("Thanks! Can I also exchange it instead?")
    followup = customer.wait_message("customer", lambda e: "exchange it" in e.text)
    customer.wait(lambda d: followup.get_attribute("data-delivered") == "human", message="202 not shown")
    time.sleep(0.5)
    assert len(customer.probe()["steps"]) == steps_before, "no thinking steps for a message to a person"
    assert len(customer.messages("assistant")) == 2  # the answer and the hand-over notice only
    agent.wait(lambda d: any("exchange it" in e.text for e in agent.all(T("transcript-message") + '[data-role="customer"]')),
               message="console did not show the customer's message live")
    shots(customer.d, "customer-followup")
    shots(agent.d, "console-live-customer-message")

    # --- 8. Reload: the transcript comes back, each message once ------------------
    ids_before = [e.get_attribute("data-message-id") for e in customer.messages()]
    customer.d.refresh()
    customer.visible(T("message-list"))
    customer.wait(lambda d: len(customer.messages()) >= len(ids_before) and customer.connection == "open",
                  message="transcript not restored")
    ids_after = [e.get_attribute("data-message-id") for e in customer.messages()]
    assert ids_after == ids_before
    assert customer.one(T("rate-helpful"), customer.message_by_id(reply_id)[0]).get_attribute("aria-pressed") == "true"
    shots(customer.d, "reloaded")

    # the agent's next message still arrives after the reload
    r = server.console("POST", f"/conversations/{conversation_id}/messages", {"text": "Yes, exchanges work the same way."})
    assert r.status == 201, r
    customer.wait_message("agent", lambda e: "exchanges work" in e.text)
    assert len(customer.messages("agent")) == 2
    shots(customer.d, "after-reload-agent-message")

    # --- 9. Resolve ------------------------------------------------------------------
    agent.click("action-resolve")
    agent.wait(lambda d: agent.status() == "resolved", message="not resolved")
    shots(agent.d, "console-resolved")
