"""Page objects for the customer widget (/) and the agent console (/console.html).
They only use the data-testid hooks of the pages."""

from __future__ import annotations

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def T(testid: str) -> str:
    return f'[data-testid="{testid}"]'


# Records, with Date.now(), every thinking step and message node the moment it is
# added to the page. Each node is recorded once (nodes moved later are ignored).
PROBE_JS = r"""
if (!window.__probe) {
  const probe = { steps: [], messages: [], answers: [], seen: new WeakSet() };
  window.__probe = probe;
  const record = function (x, now) {
    if (probe.seen.has(x)) return;
    probe.seen.add(x);
    if (x.dataset.testid === 'status-step') {
      probe.steps.push({ t: now, phase: x.dataset.phase || '', text: x.textContent });
    } else if (x.dataset.testid === 'answer-text') {
      probe.answers.push({ t: now, text: x.textContent });
    } else {
      probe.messages.push({ t: now, role: x.dataset.role || '', id: x.dataset.messageId || '',
                            text: (x.querySelector('[data-testid="message-text"]') || x).textContent });
    }
  };
  const sel = '[data-testid="status-step"], [data-testid="message"], [data-testid="answer-text"]';
  new MutationObserver(function (mutations) {
    const now = Date.now();
    for (const m of mutations) for (const n of m.addedNodes) {
      if (!(n instanceof Element)) continue;
      if (n.matches(sel)) record(n, now);
      n.querySelectorAll(sel).forEach(function (x) { record(x, now); });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.querySelectorAll(sel).forEach(function (x) { probe.seen.add(x); });
}
"""


class Page:
    def __init__(self, driver, base_url: str, timeout: float = 15):
        self.d = driver
        self.base = base_url
        self.timeout = timeout

    def wait(self, predicate, timeout: float | None = None, message: str = ""):
        def safe(driver):
            try:
                return predicate(driver)
            except StaleElementReferenceException:
                return False

        return WebDriverWait(self.d, timeout or self.timeout, poll_frequency=0.05).until(safe, message)

    def one(self, css: str, root=None):
        return (root or self.d).find_element(By.CSS_SELECTOR, css)

    def all(self, css: str, root=None):
        return (root or self.d).find_elements(By.CSS_SELECTOR, css)

    def visible(self, css: str, timeout: float | None = None):
        def find(d):
            for e in d.find_elements(By.CSS_SELECTOR, css):
                if e.is_displayed():
                    return e
            return False

        return self.wait(find, timeout, f"no visible {css}")

    def js(self, script: str, *args):
        return self.d.execute_script(script, *args)

    def press(self, element):
        """Scrolls the element to the middle of its scroller (no smooth scrolling) and clicks it."""
        self.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()
        return element


class WidgetPage(Page):
    def open(self, path: str = "/"):
        self.d.get(self.base + path)
        self.visible(T("chat-panel"))
        self.visible(T("message-input"))
        self.js(PROBE_JS)
        return self

    @property
    def conversation_id(self) -> str | None:
        return self.js("return window.SupportWidget.instances[0].conversationId")

    @property
    def connection(self) -> str:
        return self.one(T("connection-state")).get_attribute("data-state")

    def stats(self) -> dict:
        return self.js("return window.SupportWidget.instances[0].stats")

    def send(self, text: str):
        box = self.one(T("message-input"))
        box.clear()
        box.send_keys(text)
        self.one(T("send-button")).click()

    def messages(self, role: str | None = None):
        css = T("message") + (f'[data-role="{role}"]' if role else "")
        return self.all(css, self.one(T("message-list")))

    def message_by_id(self, message_id: str):
        return self.all(f'{T("message")}[data-message-id="{message_id}"]')

    def wait_message(self, role: str, predicate=lambda e: True, timeout: float | None = None):
        def find(d):
            for e in self.messages(role):
                if e.get_attribute("data-message-id") and predicate(e):
                    return e
            return False

        return self.wait(find, timeout, f"no {role} message")

    def probe(self) -> dict:
        return self.js("return {steps: window.__probe.steps, messages: window.__probe.messages, answers: window.__probe.answers}")


class ConsolePage(Page):
    def open(self):
        self.d.get(self.base + "/console.html")
        return self

    def login(self, token: str):
        self.visible(T("login-token")).send_keys(token)
        self.one(T("login-submit")).click()
        self.visible(T("console-view"))
        return self

    def queue_entry(self, conversation_id: str, timeout: float | None = None):
        return self.visible(f'{T("queue-entry")}[data-conversation-id="{conversation_id}"]', timeout)

    def open_conversation(self, conversation_id: str):
        self.queue_entry(conversation_id).click()
        self.wait(
            lambda d: d.find_element(By.CSS_SELECTOR, T("conversation")).get_attribute("data-conversation-id")
            == conversation_id and d.find_elements(By.CSS_SELECTOR, T("action-claim")),
            message="conversation did not open",
        )

    def status(self) -> str:
        return self.one(T("conv-status")).get_attribute("data-status")

    def owner(self) -> str:
        return self.one(T("conv-owner")).get_attribute("data-owner")

    def click(self, testid: str):
        """Clicks the visible, enabled element; the page may re-render it meanwhile."""

        def ready(d):
            for e in d.find_elements(By.CSS_SELECTOR, T(testid)):
                if e.is_displayed() and e.is_enabled():
                    return e
            return False

        for _ in range(5):
            try:
                self.press(self.wait(ready, message=f"no enabled {testid}"))
                return
            except StaleElementReferenceException:
                continue
        raise AssertionError(f"{testid} kept going stale")
