#!/usr/bin/env python3
"""Opens a local HTML page in headless Chromium, as a person's browser would,
and writes what happened as JSON: console messages, uncaught exceptions,
dialogs (alert...), every request other than the page itself, the value of
a JavaScript expression evaluated once the page has loaded, and optionally
a PNG screenshot.

Chromium is driven through the DevTools protocol over --remote-debugging-pipe
(file descriptors 3 and 4, NUL-terminated JSON messages): no port, no
websocket, standard library only.

Usage: browser.py CHROMIUM PAGE OUT.json [--eval JS] [--screenshot PNG [--max-height PX]]
Exit status 0 when the page was loaded and OUT.json written, 2 when Chromium
could not be driven (the reason on stderr).
"""
import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

# A guard against a hung browser only: every wait below is for an event.
DEADLINE_SECONDS = 180
WIDTH, HEIGHT = 1280, 900
MAX_SCREENSHOT_HEIGHT = 2400


class Failure(Exception):
    pass


class Chromium:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="mtclean-chromium.")
        self.deadline = time.monotonic() + DEADLINE_SECONDS
        self.next_id = 0
        self.pending = b""
        self.events = []  # (method, params, sessionId) not yet consumed by a wait
        self.listeners = []
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes on fd 4; the shell moves
        # the pipe ends there (to_browser_r is the lower fd: no clobbering).
        redirect = 'exec "$@" 3<&%d 4>&%d' % (to_browser_r, from_browser_w)
        redirect += "".join(" %d>&-" % fd for fd in (to_browser_r, from_browser_w) if fd > 4)
        args = ["/bin/sh", "-c", redirect, "sh", binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "about:blank"]
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                     pass_fds=(to_browser_r, from_browser_w))
        os.close(to_browser_r)
        os.close(from_browser_w)

    def close(self):
        try:
            if self.proc.poll() is None:
                try:
                    self.send("Browser.close")
                except OSError:
                    pass
                try:
                    self.proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        finally:
            os.close(self.to_browser)
            os.close(self.from_browser)
            self.log.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            data = data[os.write(self.to_browser, data):]
        return self.next_id

    def read(self):
        while b"\0" not in self.pending:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise Failure("Chromium did not answer within %d s" % DEADLINE_SECONDS)
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise Failure("Chromium closed the DevTools pipe (exit status %s)" % self.proc.poll())
                self.pending += chunk
        raw, _, self.pending = self.pending.partition(b"\0")
        return json.loads(raw)

    def dispatch(self, msg):
        event = (msg["method"], msg.get("params", {}), msg.get("sessionId"))
        for listener in self.listeners:
            listener(self, *event)
        self.events.append(event)

    def call(self, method, params=None, session=None):
        want = self.send(method, params, session)
        while True:
            msg = self.read()
            if "method" in msg:
                self.dispatch(msg)
            elif msg.get("id") == want:
                if "error" in msg:
                    raise Failure("%s: %s" % (method, msg["error"].get("message")))
                return msg.get("result", {})

    def wait_event(self, method, session):
        while True:
            for i, (name, params, sid) in enumerate(self.events):
                if name == method and sid == session:
                    del self.events[: i + 1]
                    return params
            self.events.clear()
            msg = self.read()
            if "method" in msg:
                self.dispatch(msg)


def remote_text(obj):
    """A console argument as text."""
    if "value" in obj:
        return obj["value"] if isinstance(obj["value"], str) else json.dumps(obj["value"])
    return obj.get("description") or obj.get("type", "?")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("chromium")
    ap.add_argument("page")
    ap.add_argument("out")
    ap.add_argument("--eval", default="null", help="JavaScript expression; its JSON value is reported")
    ap.add_argument("--screenshot", help="write a PNG of the top of the page here")
    ap.add_argument("--max-height", type=int, default=MAX_SCREENSHOT_HEIGHT, help="screenshot height limit")
    opt = ap.parse_args()
    url = "file://" + os.path.abspath(opt.page)
    found = {"url": url, "console": [], "errors": [], "requests": [], "dialogs": []}

    def watch(browser, method, params, session):
        if method == "Runtime.consoleAPICalled":
            text = " ".join(remote_text(a) for a in params.get("args", []))
            found["console"].append({"type": params.get("type"), "text": text})
            if params.get("type") in ("error", "assert"):
                found["errors"].append("console.%s: %s" % (params["type"], text))
        elif method == "Runtime.exceptionThrown":
            d = params.get("exceptionDetails", {})
            found["errors"].append("exception: %s %s" % (d.get("text", ""),
                                                         d.get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded":
            e = params.get("entry", {})
            found["console"].append({"type": "log-" + e.get("level", "?"), "text": e.get("text", "")})
            if e.get("level") == "error":
                found["errors"].append("%s: %s" % (e.get("source"), e.get("text")))
        elif method == "Network.requestWillBeSent":
            req = params.get("request", {}).get("url", "")
            if req != url and not req.startswith("data:"):
                found["requests"].append(req)
        elif method == "Page.javascriptDialogOpening":
            found["dialogs"].append(params.get("message"))
            browser.send("Page.handleJavaScriptDialog", {"accept": True}, session)

    browser = Chromium(opt.chromium)
    browser.listeners.append(watch)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.call(domain + ".enable", session=session)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session)
        nav = browser.call("Page.navigate", {"url": url}, session)
        if nav.get("errorText"):
            raise Failure("%s: %s" % (url, nav["errorText"]))
        # Wait for this page's load event (not a leftover one of about:blank).
        while True:
            browser.wait_event("Page.loadEventFired", session)
            state = browser.call("Runtime.evaluate", {"expression": "location.href + ' ' + document.readyState",
                                                      "returnByValue": True}, session)
            if state["result"].get("value") == url + " complete":
                break
        res = browser.call("Runtime.evaluate", {"expression": opt.eval, "returnByValue": True}, session)
        if "exceptionDetails" in res:
            raise Failure("--eval threw: %s" % res["exceptionDetails"].get("exception", {}).get("description"))
        found["value"] = res["result"].get("value")
        if opt.screenshot:
            size = browser.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
            found["page_height"] = size["height"]
            clip = {"x": 0, "y": 0, "width": WIDTH, "height": min(size["height"], opt.max_height), "scale": 1}
            shot = browser.call("Page.captureScreenshot",
                                {"format": "png", "clip": clip, "captureBeyondViewport": True}, session)
            with open(opt.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        # Messages already queued before the screenshot answer were dispatched above.
    except (Failure, OSError, KeyError, ValueError) as e:
        print("browser.py: %s" % e, file=sys.stderr)
        return 2
    finally:
        browser.close()
    with open(opt.out, "w") as f:
        json.dump(found, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
