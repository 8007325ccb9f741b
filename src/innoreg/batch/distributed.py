"""The same partitions decided on a Dask ``distributed`` cluster: one task per partition, each
reading its own rows and writing its own result part; the client only gathers the small
outcomes (problems, warnings, cubes). A scheduler's address joins an existing cluster;
otherwise a ``LocalCluster`` of ``workers`` processes is started for the run and closed after.

Workers must see the input and output paths (a shared filesystem) and run the same innoreg
and rule packs as the client: the results then match a local run row for row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from innoreg.batch.decide import PartOutcome
from innoreg.errors import InputError


def run_on_dask(
    tasks: Sequence[tuple[Any, ...]],
    *,
    scheduler: str | None,
    workers: int | None,
    on_done: Callable[[PartOutcome], None],
) -> list[PartOutcome]:
    """Each task (the arguments of ``decide_partition``) as one Dask task."""
    # Imported here: distributed takes about a second to import, and only this path needs it.
    from distributed import Client, LocalCluster, as_completed

    if scheduler is not None and workers is not None:
        raise InputError("give --scheduler or --workers, not both", field="workers")
    cluster = None
    try:
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=workers or 2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # no fixed port: several runs may share a machine
                silence_logs=logging.WARNING,
            )
        try:
            client = Client(scheduler or cluster, timeout="20s")
        except OSError as exc:
            raise InputError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}", field="scheduler"
            ) from None
        with client:
            futures = client.map(_task, tasks, pure=False)
            outcomes = []
            for future in as_completed(futures):
                outcome: PartOutcome = future.result()
                outcomes.append(outcome)
                on_done(outcome)
            return outcomes
    finally:
        if cluster is not None:
            cluster.close()


def _task(arguments: tuple[Any, ...]) -> PartOutcome:
    from innoreg.batch.simulate import decide_partition

    return decide_partition(*arguments)
