"""Reforms shipped with innoreg, for the bureau's what-if page to pick from (the same files as
``examples/reforms/``, which the command line's examples use; a test holds them equal)."""

from __future__ import annotations

from pathlib import Path

from innoreg.engine.reform import Reform

FOLDER = Path(__file__).parent


def shipped() -> dict[str, Reform]:
    """Each shipped reform by its name, in file order."""
    reforms = (Reform.from_yaml(path) for path in sorted(FOLDER.glob("*.yaml")))
    return {reform.name: reform for reform in reforms}
