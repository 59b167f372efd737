"""Screenshots of the chat UI answering a seed question, for the README.

Starts ``qa-bot serve`` on a free loopback port over ``documents/`` (temporary index), asks a question
in headless Chromium (Debian ``chromium`` driven by Playwright, no browser download) and saves
``docs/screenshot.png`` (desktop) and ``docs/screenshot-phone.png`` (390 px wide).

    python scripts/screenshot.py [--url http://127.0.0.1:7860] [--question "..."] [--out docs]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUESTION = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"


def start_server(work: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    docs = work / "documents"
    shutil.copytree(ROOT / "documents", docs)
    proc = subprocess.Popen([sys.executable, "-m", "qa_bot.cli", "serve", "--port", str(port),
                             "--documents", str(docs), "--index", str(work / "index")], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("qa-bot serve did not start")


def shoot(url: str, question: str, out: Path, chromium: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for name, width, height in (("screenshot.png", 1280, 900), ("screenshot-phone.png", 390, 844)):
            ctx = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
            page = ctx.new_page()
            page.goto(url + "/")
            box = page.locator("#qa-question textarea")
            box.wait_for(timeout=30_000)
            box.fill(question)
            box.press("Enter")
            page.locator(".qa-bot .qa-answer").wait_for(timeout=30_000)
            page.locator("#qa-question textarea").blur()
            page.wait_for_timeout(800)  # let the answer scroll into place
            path = out / name
            page.screenshot(path=str(path), full_page=width < 600)
            saved.append(path)
            ctx.close()
        browser.close()
    return saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="a running qa-bot serve (default: start one)")
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    proc = None
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if not url:
            proc, url = start_server(Path(tmp))
        try:
            for path in shoot(url.rstrip("/"), args.question, args.out, args.chromium):
                print(path)
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=15)


if __name__ == "__main__":
    main()
