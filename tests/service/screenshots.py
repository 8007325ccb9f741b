"""`make screenshots`: the main pages in both languages, and at 320 px, as PNGs in docs/.

.venv/bin/python -m tests.service.screenshots docs/screenshots
"""

from __future__ import annotations

import datetime as dt
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import uvicorn
from playwright.sync_api import sync_playwright
from tests.service.test_pages import ANSWERS

from innoreg.service.app import create_app
from innoreg.service.settings import Settings

RESULT = urlencode(ANSWERS)
SHOTS = {
    "home": "/",
    "checker-question": "/checker/revenue?place=luoyang",
    "checker-check": f"/checker/check?{RESULT}",
    "checker-result": f"/checker/result?{RESULT}",
    "transfer": (
        "/transfer?calculate=1&holder_kind=university&state_established=yes&fiscally_funded=yes&has_reward_rules=yes&mode=license&net_income=2000000&reward_cash=800000&on-day=30&on-month=6&on-year=2024"
    ),
    "deadline": (
        "/deadline?calculate=1&kind=patent&fiscally_funded=yes&rights_obtained_on-day=1&rights_obtained_on-month=10&rights_obtained_on-year=2021&implementation_conditions_met=yes&justifiable_reason=no&on-day=9&on-month=10&on-year=2024&in_force-day=1&in_force-month=1&in_force-year=2015"
    ),
    "law-article": "/law/luoyang#art_7",
    "rule": "/rules/rd_super_deduction_rate",
    "error": "/transfer?calculate=1&net_income=abc",
}


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Settings(today=dt.date(2024, 6, 30), access_log=False))
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        for lang in ("zh", "en"):
            for width, suffix in ((1024, ""), (320, "-320")):
                context = browser.new_context(viewport={"width": width, "height": 900})
                context.add_cookies(
                    [{"name": "lang", "value": lang, "url": f"http://127.0.0.1:{port}"}]
                )
                page = context.new_page()
                for name, path in SHOTS.items():
                    if suffix and name not in ("home", "checker-result", "checker-question"):
                        continue
                    page.goto(f"http://127.0.0.1:{port}{path}")
                    page.screenshot(path=str(out / f"{name}-{lang}{suffix}.png"), full_page=True)
                context.close()
        from tests.service.portal.screenshots import portal_shots

        portal_shots(browser, out)
        from tests.service.backoffice.screenshots import backoffice_shots

        backoffice_shots(browser, out)
        browser.close()
    server.should_exit = True
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
