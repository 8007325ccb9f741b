"""Typed dependencies shared by routes: the settings, the metrics, the day the law is taken at.

They are ``async def`` because they never wait: FastAPI runs a plain ``def`` dependency in the
thread pool, a hop that costs more than the work."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Query, Request

from innoreg.service.metrics import Metrics
from innoreg.service.settings import Settings


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
OnQuery = Annotated[
    dt.date | None,
    Query(description="Take the law as in force on this day (YYYY-MM-DD); default: today."),
]


async def law_day(settings: SettingsDep, on: OnQuery = None) -> dt.date:
    return on or settings.law_date()


LawDay = Annotated[dt.date, Depends(law_day)]
