"""``create_app``: the one ASGI app holding the API and the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from innoreg import __version__
from innoreg.records.types import utcnow
from innoreg.service import errors
from innoreg.service.auth.accounts import AccountsAuthenticator
from innoreg.service.auth.policy import route_policies
from innoreg.service.auth.ratelimit import SignInLimit
from innoreg.service.database import LazyDatabase
from innoreg.service.metrics import Metrics
from innoreg.service.middleware import ServiceMiddleware
from innoreg.service.settings import Settings
from innoreg.service.threads import use_threads

STATIC = Path(__file__).parent / "web" / "static"
DESCRIPTION = """Science-and-technology innovation regulations (Luoyang, Liaoning and the national
reference law) as executable, explainable law. Decide a case with `POST /v1/evaluate`; browse
the acts article by article, the rules implementing them and their parameters over time.
Errors are `application/problem+json` (RFC 9457) naming the offending field."""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app: API under ``/v1``, pages at ``/``, vendored assets at ``/static``."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="innoreg",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # ours, served locally (FastAPI's loads from a CDN)
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.ready = False
    app.state.authenticator = AccountsAuthenticator(settings.account_check_seconds)
    app.state.sign_in_limit = SignInLimit(settings.sign_in_rate, settings.redis_url)
    app.state.clock = utcnow  # tests replace it to cross the session timeouts
    app.state.database = LazyDatabase(settings.database_url, pool=settings.database_pool)
    for exc, handler in errors.HANDLERS.items():
        app.add_exception_handler(exc, handler)

    from innoreg.service.api import routers as api_routers
    from innoreg.service.web import routers as web_routers
    from innoreg.service.web.render import error_page

    errors.register_page_renderer(error_page)
    for router in api_routers():
        app.include_router(router)
    for router in web_routers():
        app.include_router(router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    route_policies(app)  # a route without a declared policy stops the start here
    app.add_middleware(ServiceMiddleware, settings=settings, metrics=app.state.metrics)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    warm(settings.law_date())
    # Sync routes run in this pool. A few threads serve more requests a second than many: each
    # thread beyond the cores only adds waits for the GIL and for database connections.
    to_thread.current_default_thread_limiter().total_tokens = settings.threads
    use_threads(settings.records_threads)  # the records API's database work (threads.py)
    app.state.ready = True
    import threading

    threading.Thread(target=_warm_pdf, daemon=True).start()
    yield


def warm(on: dt.date) -> None:
    """Load the packs and build today's plans (and their one-row formulas) before the first
    request, so that no client pays for it."""
    from innoreg.engine.plan import plan_for
    from innoreg.rules.registry import registry
    from innoreg.service.web.i18n import catalogues

    catalogues()
    for code in registry().packs:
        plan = plan_for(code, on)
        for entity in plan.entities.values():
            for planned in entity.variables:
                _ = planned.scalar


def _warm_pdf() -> None:
    """Import WeasyPrint and load the CJK font after start-up, off the request path, so the
    first PDF costs what every later one does (start-up itself stays quick)."""
    try:
        import weasyprint  # type: ignore[import-untyped]

        weasyprint.HTML(string="<p lang='zh'>洛阳 PDF</p>").write_pdf()
    except Exception:  # a PDF that cannot be made shows on the PDF route, not here
        return
