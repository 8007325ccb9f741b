"""The portal's screenshots for docs/portal.md (called by ``make screenshots``): a small demo
city, an enterprise and an institution signed in, each main portal page in both languages,
and the organisation's page and the filing's task list at 320 px."""

from __future__ import annotations

import datetime as dt
import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from tests.service.portal.conftest import (
    PortalCity,
    _city,
    _tenants,
    browser_sign_in,
    portal_app,
)

TRANSFER = (
    "achievement=轴承钢热处理工艺&mode=license&concluded_on-day=1&concluded_on-month=3"
    "&concluded_on-year=2025&fiscally_funded=yes&has_reward_rules=no&net_income=2000000"
    "&rows=2&name-0=王芳&role-0=发明人&cash-0=300000&name-1=李雷&cash-1=100000"
)


def _serve(app: Any) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


class Shooter:
    """One full-page PNG per page: ``portal-<name>-<lang>[-320].png``."""

    def __init__(self, out: Path, lang: str, suffix: str) -> None:
        self.out, self.lang, self.suffix = out, lang, suffix

    def __call__(self, page: Any, name: str, path: str | None = None) -> None:
        if path is not None:
            page.goto(path)
        target = self.out / f"portal-{name}-{self.lang}{self.suffix}.png"
        page.screenshot(path=str(target), full_page=True)


def portal_shots(browser: Any, out: Path) -> None:

    with tempfile.TemporaryDirectory() as folder:
        database = _city(Path(folder) / "city.sqlite3")
        app = portal_app(database)
        server, url = _serve(app)
        city = PortalCity(database, app, url, *_tenants(database))
        filer = city.new_enterprise()
        for lang in ("zh", "en"):
            for width in (1024, 320):
                context = browser.new_context(
                    base_url=url, viewport={"width": width, "height": 900}
                )
                browser_sign_in(city, city.enterprise, context, lang)
                page = context.new_page()
                suffix = "" if width == 1024 else "-320"

                shot = Shooter(out, lang, suffix)

                shot(page, "organisation", "/portal")
                if width == 320:
                    context.close()
                    continue
                shot(page, "filings", "/portal/filings")
                shot(page, "determination", "/portal/filings/2023/determination")
                shot(page, "applications", "/portal/applications")
                page.goto("/portal/applications")
                if page.locator("#applications tbody a").count():
                    page.click("#applications tbody a")
                    shot(page, "application")
                context.close()
                context = browser.new_context(
                    base_url=url, viewport={"width": width, "height": 900}
                )
                browser_sign_in(city, filer, context, lang)
                page = context.new_page()
                page.goto("/portal/filings/2024/figures")
                page.fill("#sales_revenue", "50,000,000")
                page.click("#save-later")
                shot(page, "filing-tasks")
                page.goto("/portal/filings/2024/figures")
                page.fill("#rd_expense", "lots")
                page.click("#save-continue")
                shot(page, "filing-error")
                context.close()
                context = browser.new_context(
                    base_url=url, viewport={"width": width, "height": 900}
                )
                browser_sign_in(city, city.institution, context, lang)
                page = context.new_page()
                shot(page, "ip", "/portal/ip")
                page.click("#ip-assets tbody tr:has(.govuk-tag--red, .govuk-tag--yellow) th a")
                shot(page, "ip-asset")
                shot(page, "transfers", "/portal/transfers")
                page.goto("/portal/transfers/new")
                for pair in TRANSFER.split("&"):
                    name, value = pair.split("=")
                    if name in ("mode", "fiscally_funded", "has_reward_rules"):
                        page.check(f"input[name={name}][value={value}]")
                    elif name != "rows":
                        page.fill(f"#{name}", value)
                page.click("#check-reward")
                shot(page, "transfer-check")
                page.click("#save-transfer")
                page.click("#make-final")
                shot(page, "transfer-refused")
                context.close()
        server.should_exit = True
        database.dispose()


if __name__ == "__main__":
    import sys

    from playwright.sync_api import sync_playwright

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    target.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        portal_shots(launched, target)
        launched.close()
    print(dt.date.today(), "portal screenshots in", target)
