"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe,
no extra package) on the page of a running `cadre-kg serve`: types a query
into the editor, clicks Run, waits for the result rows, and checks that a
request to another host fails. Prints JSON for tests/serve.rs.

Usage: check_page.py CHROMIUM URL QUERY
"""

import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The pipe ends go to fds 3 and 4, where Chromium expects them.
        wire = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.process = subprocess.Popen(
            [
                "bash",
                "-c",
                wire,
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                # Every host but this machine's loopback is unknown.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
        )
        return result.get("result", {}).get("value")

    def wait_for(self, expression, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise RuntimeError(f"timed out waiting for {expression}")

    def close(self):
        # Ask Chromium to quit, so that its helper processes stop writing
        # into the profile before it is removed; kill it if it will not.
        try:
            self.send("Browser.close", session=False)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()


def main():
    chromium, url, query = sys.argv[1:4]
    # A helper process Chromium leaves behind may still write a file into
    # the scratch profile while it is removed: not the page's failure.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = Browser(chromium, profile)
        try:
            targets = browser.send("Target.getTargets", session=False)["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            browser.session = browser.send(
                "Target.attachToTarget",
                {"targetId": page["targetId"], "flatten": True},
                session=False,
            )["sessionId"]
            browser.send("Page.navigate", {"url": url})
            browser.wait_for("document.readyState === 'complete' && !!document.getElementById('run')")
            questions = browser.evaluate("document.querySelectorAll('#queries button').length")
            # Type the query into the editor as a person would.
            browser.evaluate("const q = document.getElementById('query'); q.focus(); q.select(); true")
            browser.send("Input.insertText", {"text": query})
            box = browser.evaluate(
                "(() => { const r = document.getElementById('run').getBoundingClientRect();"
                " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
            )
            for kind in ("mousePressed", "mouseReleased"):
                browser.send(
                    "Input.dispatchMouseEvent",
                    {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1},
                )
            browser.wait_for("document.querySelectorAll('#results tr').length > 1")
            rows = browser.evaluate(
                "[...document.querySelectorAll('#results tr')].slice(1)"
                ".map(tr => [...tr.cells].map(td => td.textContent))"
            )
            status = browser.evaluate("document.getElementById('status').textContent")
            elsewhere = browser.evaluate(
                "fetch('http://example.com/', {mode: 'no-cors'}).then(() => 'reached', e => 'failed: ' + e)"
            )
        finally:
            browser.close()
    print(
        json.dumps(
            {"questions": questions, "rows": rows, "status": status, "elsewhere": elsewhere},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
