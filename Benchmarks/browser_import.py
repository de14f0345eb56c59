#!/usr/bin/env python3
"""Imports an extract through the browser, as an administrator does it:
headless Chromium (driven over chromedriver's WebDriver protocol, no other
packages) signs in, chooses the extract's CSV files on *Udtræk* and presses
*Indlæs*; prints the milliseconds from the click to the confirmation.

usage: browser_import.py BASE_URL USERNAME PASSWORD EXTRACT_DIR
Needs chromium and chromium-driver (apt-get install chromium chromium-driver).
"""
import glob
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

base, username, password, folder = sys.argv[1:5]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
root = f"http://127.0.0.1:{port}"


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(root + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read() or b"{}").get("value")


try:
    for _ in range(100):
        try:
            call("GET", "/status")
            break
        except OSError:
            time.sleep(0.1)
    session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
        "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"]}}}})["sessionId"]
    s = f"/session/{session}"
    call("POST", s + "/timeouts", {"pageLoad": 600_000, "script": 600_000, "implicit": 5_000})

    def find(css):
        element = call("POST", s + "/element", {"using": "css selector", "value": css})
        return next(iter(element.values()))

    def type_into(css, text):
        call("POST", s + f"/element/{find(css)}/value", {"text": text})

    call("POST", s + "/url", {"url": base + "/log-ind"})
    type_into("input[name=username]", username)
    type_into("input[name=password]", password)
    call("POST", s + f"/element/{find('form button[type=submit]')}/click", {})
    call("POST", s + "/url", {"url": base + "/admin/udtraek"})
    files = sorted(os.path.abspath(p) for p in glob.glob(os.path.join(folder, "*.csv")))
    type_into("input[type=file]", "\n".join(files))
    start = time.monotonic()
    submit = find('form[action="/admin/udtraek"] button[type=submit]')
    call("POST", s + f"/element/{submit}/click", {})
    while "Udtrækket er indlæst som version" not in call("GET", s + "/source"):
        if "Udtrækket blev afvist" in call("GET", s + "/source"):
            sys.exit("the extract was refused")
        time.sleep(0.05)
    print(f"{(time.monotonic() - start) * 1000:.0f}")
    call("DELETE", s)
finally:
    driver.terminate()
