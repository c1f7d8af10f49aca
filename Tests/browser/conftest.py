"""Fixtures: a supportd server per module, headless Chromium windows for the
customer and the agent, screenshots, and page helpers."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support import (  # noqa: E402
    AGENT_TOKEN,
    OUTPUT,
    Screenshots,
    Supportd,
    browser_log,
    new_browser,
)


@pytest.fixture(scope="module")
def server(request):
    srv = Supportd(request.module.__name__.split(".")[-1])
    srv.start()
    yield srv
    srv.cleanup()


@pytest.fixture
def shots(request):
    return Screenshots(request.node.name)


@pytest.fixture
def browsers(request):
    """Factory for Chromium windows; every one is quit at the end of the test
    (after dumping its console log when the test failed)."""
    opened = []

    def make(name: str, width: int = 1280, height: int = 900):
        driver = new_browser(width, height)
        opened.append((name, driver))
        return driver

    yield make
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for name, driver in opened:
        if failed:
            log = "\n".join(browser_log(driver))
            (OUTPUT / f"{request.node.name}-{name}-console.log").write_text(log)
            try:
                driver.save_screenshot(str(OUTPUT / f"{request.node.name}-{name}-FAILED.png"))
            except Exception:  # noqa: BLE001
                pass
        driver.quit()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture(scope="session", autouse=True)
def _suite_timer():
    start = time.time()
    yield
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "suite-seconds.txt").write_text(f"{time.time() - start:.1f}\n")


@pytest.fixture
def token():
    return AGENT_TOKEN
