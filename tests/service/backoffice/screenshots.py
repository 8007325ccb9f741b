"""The back office's screenshots for docs/back-office.md (called by ``make screenshots``): a
small demo city, the bureau's admin and a reviewer signed in, each job's main page in both
languages, and the review queue and the dashboard at 320 px."""

from __future__ import annotations

import datetime as dt
import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import select
from tests.service.backoffice.conftest import PASSWORD, account_for, app_over, build_city
from tests.service.signin import login_page

from innoreg.records.models.applications import Application
from innoreg.records.principal import Role
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.review import assign, review_move

PERIOD = "fiscal_year=2023&as_of-day=30&as_of-month=6&as_of-year=2024"
SHOTS = {
    "review-queue": "/back-office/review?state=returned&district=涧西区",
    "registries": "/back-office/registries/organisations?district=涧西区",
    "agencies": "/back-office/registries/agencies",
    "overdue-ip": "/back-office/overdue-ip?as_of-day=30&as_of-month=6&as_of-year=2025",
    "dashboard": f"/back-office/dashboard?{PERIOD}",
    "what-if": "/back-office/what-if",
    "users": "/back-office/users",
    "audit": "/back-office/audit?actor=user:2",
    "audit-verify": "/back-office/audit/verify",
}
NARROW = ("review-queue", "dashboard")


def _serve(app: Any) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _reviewed(app: Any) -> int:
    """An application assigned to the reviewer and returned for changes, for its history."""
    database = app.state.database.get()
    with database.read() as session:
        found = session.scalars(
            select(Application.id).where(Application.state == "submitted").order_by(Application.id)
        ).first()
    assert found is not None
    with database.write(actor="user:1") as session:
        assign(session, scope=BUREAU, application_id=found, reviewer_id=2, actor="user:1")
    with database.write(actor="user:2") as session:
        review_move(
            session,
            scope=BUREAU,
            application_id=found,
            to_state="returned",
            actor="user:2",
            reason="请补充研发费用专账明细",
        )
    return found


def backoffice_shots(browser: Any, out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        city = build_city(Path(folder) / "city.sqlite3")
        app = app_over(f"sqlite:///{city}", today=dt.date(2024, 6, 30))
        server, url = _serve(app)
        application = _reviewed(app)
        shots = {**SHOTS, "application": f"/back-office/review/{application}"}
        for lang in ("zh", "en"):
            for width, suffix in ((1024, ""), (320, "-320")):
                context = browser.new_context(
                    base_url=url, viewport={"width": width, "height": 900}
                )
                context.add_cookies([{"name": "lang", "value": lang, "url": url}])
                page = context.new_page()
                login_page(page, url, account_for(app, Role.BUREAU_ADMIN), PASSWORD)
                for name, path in shots.items():
                    if suffix and name not in NARROW:
                        continue
                    page.goto(path)
                    for image in page.locator("img.innoreg-chart").all():
                        image.scroll_into_view_if_needed()
                        page.wait_for_function(
                            "img => img.complete && img.naturalWidth > 0",
                            arg=image.element_handle(),
                        )
                    page.screenshot(
                        path=str(out / f"back-office-{name}-{lang}{suffix}.png"), full_page=True
                    )
                if not suffix:
                    page.goto("/back-office/what-if")
                    page.check("input[name=reform][value='threshold-1.5-and-deduction-120']")
                    page.click("#run")
                    page.screenshot(
                        path=str(out / f"back-office-what-if-report-{lang}.png"), full_page=True
                    )
                context.close()
        server.should_exit = True
        app.state.database.dispose()
