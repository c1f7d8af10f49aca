"""The console's other paths: login errors and logout, a second agent blocked by
the lease, accept and reject of drafts, release and return to the AI (and the
widget following along)."""

from __future__ import annotations

from pages import T, ConsolePage, WidgetPage
from support import AGENT, AGENT_TOKEN, OTHER_TOKEN


def handed_over(customer: WidgetPage) -> str:
    customer.send("How long do I have to return an item?")
    customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "answer")
    customer.press(customer.one(T("talk-to-person")))
    customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "handoff")
    return customer.conversation_id


def test_login_logout_and_session(server, browsers, shots):
    agent = ConsolePage(browsers("agent"), server.url).open()
    agent.visible(T("login-token")).send_keys("not-a-real-token")
    agent.one(T("login-submit")).click()
    error = agent.visible(T("login-error"))
    assert "not accepted" in error.text
    shots(agent.d, "bad-token")

    agent.one(T("login-token")).clear()
    agent.login(AGENT_TOKEN)
    assert agent.one(T("agent-name")).text.lower() == AGENT
    agent.d.refresh()  # the token lives in sessionStorage: still signed in
    agent.visible(T("console-view"))
    assert agent.one(T("queue-connection")).get_attribute("data-state") in ("connecting", "open")
    agent.click("logout")
    agent.visible(T("login-view"))
    assert agent.js("return sessionStorage.length") == 0
    shots(agent.d, "logged-out")


def test_two_agents_accept_reject_release_return(server, browsers, shots):
    customer = WidgetPage(browsers("customer", 420, 860), server.url).open()
    conversation_id = handed_over(customer)

    alice = ConsolePage(browsers("alice", 1400, 1000), server.url).open().login(AGENT_TOKEN)
    bob = ConsolePage(browsers("bob", 1400, 1000), server.url).open().login(OTHER_TOKEN)
    alice.open_conversation(conversation_id)
    bob.open_conversation(conversation_id)

    alice.click("action-claim")
    alice.wait(lambda d: alice.owner() == AGENT)
    # Bob's page follows the claim live and will not offer a claim over Alice's lease.
    bob.wait(lambda d: bob.owner() == AGENT, message="bob does not see alice's claim")
    bob.wait(lambda d: not bob.one(T("action-claim")).is_enabled(), message="claim stays enabled for bob")
    # Bob's panel re-renders on every live update, so read the button where it is now.
    bob.wait(lambda d: not bob.one(T("draft-request")).is_enabled(), message="draft stays enabled for bob")
    r = server.console("POST", f"/conversations/{conversation_id}/claim", token=OTHER_TOKEN)
    assert r.status == 409 and r.body["error"]["code"] == "already_claimed", r
    shots(bob.d, "bob-blocked")

    # accept: the draft goes out as is
    alice.click("draft-request")
    draft = alice.wait(lambda d: alice.one(T("draft-text")).text.strip(), message="no draft")
    alice.click("draft-accept")
    alice.wait(lambda d: "accept" in alice.one(T("reply-result")).text)
    customer.wait_message("agent")
    shots(alice.d, "accepted")

    # reject: the agent's own words
    alice.click("draft-request")
    alice.wait(lambda d: alice.one(T("draft-text")).is_displayed())
    alice.click("draft-reject")
    box = alice.visible(T("reply-text"))
    assert box.get_attribute("value") == ""
    own = "Hi, this is Alice. You have 30 days from delivery; I've emailed you a return label."
    box.send_keys(own)
    alice.click("reply-send")
    alice.wait(lambda d: "reject" in alice.one(T("reply-result")).text)
    customer.wait_message("agent", lambda e: "emailed you a return label" in e.text)
    # Bob's open conversation shows Alice's replies live
    bob.wait(lambda d: any("emailed you a return label" in e.text
                           for e in bob.all(T("transcript-message") + '[data-role="agent"]')))
    shots(customer.d, "customer-sees-replies")

    feedback = server.console("GET", f"/conversations/{conversation_id}").body["feedback"]
    assert [f["action"] for f in feedback] == ["accept", "reject"], feedback
    assert feedback[0]["sent_text"].strip() == draft.strip() and feedback[0]["edit_distance"] == 0
    assert feedback[1]["sent_text"] == own
    alice.wait(lambda d: len(alice.all(T("feedback"))) == 2, message="feedback list not refreshed")

    # release: back in the queue without an owner; the customer is told
    alice.click("action-release")
    alice.wait(lambda d: alice.status() == "waiting_for_human")
    alice.wait(lambda d: alice.one(T("queue-owner"), alice.queue_entry(conversation_id)).get_attribute("data-owner") == "")
    customer.visible(T("state-notice") + '[data-status="waiting_for_human"][data-reason="released"]')
    shots(alice.d, "released")

    # claim again and return to the AI: the widget offers a person again and the AI answers
    alice.click("action-claim")
    alice.wait(lambda d: alice.owner() == AGENT)
    alice.click("action-return")
    alice.wait(lambda d: alice.status() == "with_ai")
    alice.wait(lambda d: not alice.all(f'{T("queue-entry")}[data-conversation-id="{conversation_id}"]'),
               message="conversation still queued")
    customer.visible(T("state-notice") + '[data-status="with_ai"]')
    customer.wait(lambda d: customer.one(T("talk-to-person")).is_displayed())
    before = len(customer.messages("assistant"))
    customer.send("Do you ship to Canada?")
    customer.wait(lambda d: len(customer.messages("assistant")) == before + 1
                  and customer.messages("assistant")[-1].get_attribute("data-message-id"))
    assert customer.all(T("status-step"), customer.messages("assistant")[-1]), "AI turn with thinking steps"
    shots(customer.d, "back-with-ai")
    shots(alice.d, "returned-to-ai")
