"""The widget's conversation stream survives dropped connections: a message sent
while the browser was cut off shows up exactly once after it reconnects."""

from __future__ import annotations

import time

import pytest

from pages import T, WidgetPage
from support import AGENT, DroppableProxy, Supportd


def hand_over_and_claim(server, customer: WidgetPage) -> str:
    customer.send("I'd like to talk to a person, please.")
    customer.wait_message("assistant", lambda e: e.get_attribute("data-outcome") == "handoff")
    conversation_id = customer.conversation_id
    r = server.console("POST", f"/conversations/{conversation_id}/claim")
    assert r.status == 200 and r.body["owner"] == AGENT, r
    customer.visible(T("state-notice") + '[data-status="with_human"]')
    return conversation_id


def agent_says(server, conversation_id: str, text: str) -> str:
    r = server.console("POST", f"/conversations/{conversation_id}/messages", {"text": text})
    assert r.status == 201, r
    return r.body["message"]["id"] if isinstance(r.body, dict) and "message" in r.body else r.body["id"]


def count_text(page: WidgetPage, text: str) -> int:
    return sum(1 for e in page.messages("agent") if text in e.text)


@pytest.fixture
def proxied(server):
    proxy = DroppableProxy(server.port)
    proxy.start()
    yield proxy
    proxy.stop()


def test_reconnect_after_connection_drop(server, proxied, browsers, shots):
    customer = WidgetPage(browsers("customer", 420, 800), proxied.url).open()
    conversation_id = hand_over_and_claim(server, customer)
    agent_says(server, conversation_id, "Hello, Alice here.")
    customer.wait_message("agent", lambda e: "Alice here" in e.text)
    assert customer.connection == "open"
    shots(customer.d, "connected")

    proxied.drop()  # every connection dies; new ones are refused
    customer.wait(lambda d: customer.connection != "open", message="drop not noticed")
    shots(customer.d, "disconnected")

    # Sent while the widget cannot reach the server.
    missed = "While you were away: your label is ready."
    agent_says(server, conversation_id, missed)
    time.sleep(1.0)
    assert count_text(customer, missed) == 0

    proxied.resume()
    customer.wait_message("agent", lambda e: missed in e.text, timeout=40)
    customer.wait(lambda d: customer.connection == "open", timeout=20, message="not reconnected")
    shots(customer.d, "reconnected")

    # and live again afterwards
    after = "Anything else I can help with?"
    agent_says(server, conversation_id, after)
    customer.wait_message("agent", lambda e: after in e.text)
    time.sleep(1.0)
    assert count_text(customer, missed) == 1
    assert count_text(customer, after) == 1
    ids = [e.get_attribute("data-message-id") for e in customer.messages()]
    assert len(ids) == len(set(ids)), ids
    stats = customer.stats()
    print("widget stats after the drop:", stats)
    shots(customer.d, "after-reconnect")


def test_reconnect_after_server_restart(browsers, shots):
    server = Supportd("restart")
    server.start()
    try:
        customer = WidgetPage(browsers("customer", 420, 800), server.url).open()
        conversation_id = hand_over_and_claim(server, customer)
        assert customer.connection == "open"
        shots(customer.d, "before-restart")

        server.stop()
        customer.wait(lambda d: customer.connection != "open", message="restart not noticed")
        shots(customer.d, "server-down")
        server.start()  # same port, same SQLite file
        missed = "Back online: your refund was issued."
        agent_says(server, conversation_id, missed)

        customer.wait_message("agent", lambda e: missed in e.text, timeout=40)
        customer.wait(lambda d: customer.connection == "open", timeout=20, message="not reconnected")
        time.sleep(1.0)
        assert count_text(customer, missed) == 1
        ids = [e.get_attribute("data-message-id") for e in customer.messages()]
        assert len(ids) == len(set(ids)), ids
        print("widget stats after the restart:", customer.stats())
        shots(customer.d, "after-restart")
    finally:
        server.cleanup()
