"""Errors of the records layer, under the one ``InnoregError`` root.

InnoregError
└── RecordsError            a record cannot be written or found
    ├── NotFoundError       no such record (names kind and id)
    ├── ConflictError       someone else changed the record first (optimistic version)
    ├── ConstraintError     the database refused a value (names the field)
    ├── WorkflowError       a transition the state does not allow (names the state)
    └── ImportRejectedError      a file with bad rows; carries every problem, nothing written
"""

from __future__ import annotations

from dataclasses import dataclass

from innoreg.errors import InnoregError


class RecordsError(InnoregError):
    """A record cannot be written, read or moved on."""


class NotFoundError(RecordsError):
    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"no {kind} with id {ident}", kind=kind, id=str(ident))


class ConflictError(RecordsError):
    """Two people edited one record: the second write is refused, never merged silently."""


class ConstraintError(RecordsError):
    def __init__(self, message: str, *, field: str | None = None, rule: str | None = None):
        super().__init__(f"{field}: {message}" if field else message, field=field, rule=rule)
        self.field = field


class WorkflowError(RecordsError):
    def __init__(self, message: str, *, state: str | None = None) -> None:
        super().__init__(message, state=state)
        self.state = state


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of an imported file: 1-based row as the spreadsheet numbers it."""

    row: int
    column: str
    problem: str


class ImportRejectedError(RecordsError):
    def __init__(self, message: str, problems: list[RowProblem]) -> None:
        super().__init__(message, problems=len(problems))
        self.problems = problems
