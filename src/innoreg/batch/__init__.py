"""Populations and reforms at scale: a synthetic city, ``simulate`` (baseline and reform side
by side, locally or on a Dask cluster), summaries as polars frames, and reports with charts.

Imports the engine, never the service; the CLI's ``population`` and ``simulate`` commands are
thin wrappers around these functions.
"""

from innoreg.batch.scenario import Scenario
from innoreg.batch.simulate import InvalidRowsError, Simulation, simulate
from innoreg.batch.summary import summaries, summary
from innoreg.batch.synth import synthesise, write_population
from innoreg.engine.reform import Reform

__all__ = [
    "InvalidRowsError",
    "Reform",
    "Scenario",
    "Simulation",
    "simulate",
    "summaries",
    "summary",
    "synthesise",
    "write_population",
]
