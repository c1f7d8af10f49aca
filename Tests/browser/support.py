"""Helpers for the browser tests: the supportd process, a TCP proxy that can drop
connections, headless Chromium, HTTP calls and screenshots."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "test-output" / "browser"
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")

AGENT = "alice"
AGENT_TOKEN = "alice-browser-token-5150"
OTHER_AGENT = "bob"
OTHER_TOKEN = "bob-browser-token-8080"

# Never let Selenium Manager look for (or download) a browser or driver.
os.environ["SE_OFFLINE"] = "true"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_binary() -> Path:
    path = Path(os.environ.get("SUPPORTD_BIN", ".build/debug/supportd"))
    if not path.is_absolute():
        path = REPO / path
    return path


# ---------------------------------------------------------------------------- HTTP


class HTTPResult:
    def __init__(self, status: int, body, headers):
        self.status = status
        self.body = body
        self.headers = headers

    def __repr__(self) -> str:
        return f"HTTPResult({self.status}, {self.body!r})"


def http(method: str, url: str, body=None, token: str | None = None, timeout: float = 10) -> HTTPResult:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            status, headers = resp.status, dict(resp.headers)
    except urllib.error.HTTPError as err:
        raw, status, headers = err.read(), err.code, dict(err.headers)
    text = raw.decode("utf-8", "replace")
    try:
        parsed = json.loads(text) if text else None
    except json.JSONDecodeError:
        parsed = text
    return HTTPResult(status, parsed, headers)


# ---------------------------------------------------------------------------- server


class Supportd:
    """One `supportd serve` process on a fixed port and SQLite file (restartable)."""

    def __init__(self, name: str, port: int | None = None, db: Path | None = None):
        self.name = name
        self.binary = server_binary()
        self.port = port or free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix=f"supportd-{name}-"))
        self.db = db or self.tmp / "db.sqlite"
        self.log_path = OUTPUT / f"server-{name}.log"
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> None:
        if not self.binary.exists():
            raise RuntimeError(f"supportd binary not found at {self.binary} (set SUPPORTD_BIN)")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env["SUPPORTD_AGENT_TOKENS"] = f"{AGENT}:{AGENT_TOKEN},{OTHER_AGENT}:{OTHER_TOKEN}"
        env["SUPPORTD_DB"] = str(self.db)
        log = open(self.log_path, "a")
        log.write(f"\n===== start #{self.starts + 1} {time.strftime('%H:%M:%S')} =====\n")
        log.flush()
        self.proc = subprocess.Popen(
            [str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--db", str(self.db), "--web-root", "web-static"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        self.starts += 1
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"supportd exited with {self.proc.returncode}; see {self.log_path}")
            try:
                r = http("GET", self.url + "/healthz", timeout=2)
                if r.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"supportd did not become healthy in {timeout}s; see {self.log_path}")

    def stop(self, sig=signal.SIGTERM) -> None:
        if not self.proc or self.proc.poll() is not None:
            return
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    def restart(self) -> None:
        self.stop()
        self.start()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # API shortcuts
    def api(self, method: str, path: str, body=None, token: str | None = None) -> HTTPResult:
        return http(method, self.url + path, body, token)

    def console(self, method: str, path: str, body=None, token: str = AGENT_TOKEN) -> HTTPResult:
        return http(method, self.url + "/v1/console" + path, body, token)


# ---------------------------------------------------------------------------- proxy


class DroppableProxy:
    """A TCP proxy in front of the server. `drop()` closes every open connection
    and refuses new ones until `resume()`: the browser sees its event stream die
    while the server keeps running (and can be sent messages meanwhile)."""

    def __init__(self, upstream_port: int, port: int | None = None):
        self.upstream_port = upstream_port
        self.port = port or free_port()
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.accepted = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", self.port))
        s.listen(64)
        self._listener = s
        self._thread = threading.Thread(target=self._accept_loop, args=(s,), daemon=True)
        self._thread.start()

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns.update((client, upstream))
                self.accepted += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            with self._lock:
                self._conns.discard(src)
                self._conns.discard(dst)

    def drop(self) -> None:
        if self._listener:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            self._listener.close()
            self._listener = None
            if self._thread:
                self._thread.join(timeout=5)
        with self._lock:
            conns = list(self._conns)
            self._conns.clear()
        for s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def resume(self) -> None:
        self.start()

    def stop(self) -> None:
        self.drop()


# ---------------------------------------------------------------------------- browser


def new_browser(width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        f"--window-size={width},{height}", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-sync",
        "--disable-component-update", "--disable-default-apps", "--mute-audio",
        "--disable-features=Translate,OptimizationHints,MediaRouter",
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    OUTPUT.mkdir(parents=True, exist_ok=True)
    service = Service(executable_path=CHROMEDRIVER, log_output=str(OUTPUT / "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_script_timeout(30)
    return driver


def browser_log(driver) -> list[str]:
    try:
        return [f"{e['level']} {e['message']}" for e in driver.get_log("browser")]
    except Exception:  # noqa: BLE001 - diagnostics only
        return []


class Screenshots:
    """Saves numbered screenshots into test-output/browser/<test>-NN-<step>.png."""

    def __init__(self, test_name: str):
        self.prefix = re.sub(r"[^A-Za-z0-9_-]+", "-", test_name).strip("-")
        self.n = 0
        self.saved: list[Path] = []
        OUTPUT.mkdir(parents=True, exist_ok=True)
        for old in OUTPUT.glob(self.prefix + "-*.png"):
            old.unlink()

    def __call__(self, driver, step: str) -> Path:
        self.n += 1
        path = OUTPUT / f"{self.prefix}-{self.n:02d}-{re.sub(r'[^A-Za-z0-9_-]+', '-', step)}.png"
        driver.save_screenshot(str(path))
        self.saved.append(path)
        return path


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]
