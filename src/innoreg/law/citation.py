"""Citations of a part of an act: `<work URI>[/<expression>]~<eId>`, following Akoma Ntoso.

The expression part picks the version: `eng` (the latest English one), `eng:2024-06-30` (the one
in force on that day) or `eng@2014-01-09` (the version of that date). A resolved citation
carries the SHA-256 of the cited words, so whoever stores it notices when the text changes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from innoreg.errors import CitationError
from innoreg.law.catalog import find_act, load_expression
from innoreg.law.metadata import WORK_URI, ActMetadata, Expression

_EXPRESSION = re.compile(r"^(?P<language>[a-z]{3})(?:(?P<kind>[:@])(?P<date>\d{4}-\d{2}-\d{2}))?$")
_EID = re.compile(r"^[a-z]+_\d+(?:__[a-z]+_\d+)*$")
_FORM = "<work URI>[/<language>[:date|@date]]~<eId>"


@dataclass(frozen=True)
class Citation:
    """A cited part of an act; `expression` is None (latest English), "eng", "eng:<date>" (in
    force on) or "eng@<date>" (the version of that date)."""

    work_uri: str
    eid: str
    expression: str | None = None

    def __post_init__(self) -> None:
        if not WORK_URI.match(self.work_uri):
            raise CitationError(f"not a work URI: {self.work_uri!r} (expected {_FORM})")
        if not _EID.match(self.eid):
            raise CitationError(f"not an eId: {self.eid!r} (e.g. art_7__para_1)", eid=self.eid)
        if self.expression is not None:
            match = _EXPRESSION.match(self.expression)
            if not match or (match["date"] and not _is_date(match["date"])):
                raise CitationError(f"not an expression: {self.expression!r} (e.g. eng:2024-06-30)")

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Read `<work URI>[/<expression>]~<eId>`; CitationError on anything else."""
        uri, tilde, eid = text.strip().partition("~")
        if not tilde or "~" in eid:
            raise CitationError(f"not a citation: {text!r} (expected {_FORM})")
        if WORK_URI.match(uri):
            return cls(uri, eid)
        work, _, expression = uri.rpartition("/")
        if WORK_URI.match(work) and _EXPRESSION.match(expression):
            return cls(work, eid, expression)
        raise CitationError(f"not a citation: {text!r} (expected {_FORM})")

    def __str__(self) -> str:
        expression = f"/{self.expression}" if self.expression else ""
        return f"{self.work_uri}{expression}~{self.eid}"

    @property
    def language(self) -> str:
        return self.expression[:3] if self.expression else "eng"

    @property
    def point_in_time(self) -> date | None:
        """The day of an `eng:<date>` citation: the version in force then is meant."""
        return self._date(":")

    @property
    def version(self) -> date | None:
        """The date of an `eng@<date>` citation: that exact version is meant."""
        return self._date("@")

    def _date(self, kind: str) -> date | None:
        if self.expression and self.expression[3:4] == kind:
            return date.fromisoformat(self.expression[4:])
        return None

    def resolve(self) -> ResolvedCitation:
        """The cited words, their hash and the version they come from, via the catalog."""
        meta = find_act(self.work_uri)
        if meta.work_uri != self.work_uri:
            raise CitationError(f"unknown work {self.work_uri!r}")
        expression = self._expression(meta)
        act = load_expression(expression)
        try:
            text = act.text_of(self.eid)
        except CitationError:
            raise CitationError(
                f"unknown eId {self.eid!r} in {self.work_uri}", eid=self.eid
            ) from None
        return ResolvedCitation(
            citation=self,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            expression_uri=expression.uri,
            warnings=tuple(meta.date_warnings(self.point_in_time)),
        )

    def _expression(self, meta: ActMetadata) -> Expression:
        if self.point_in_time is not None:
            return meta.expression_in_force(self.point_in_time, self.language)
        if self.version is not None:
            return meta.expression_at(self.version, self.language)
        return meta.default_expression(self.language)

    def verify(self, sha256: str) -> ResolvedCitation:
        """Resolve, and raise CitationError if the cited words no longer hash to `sha256`."""
        resolved = self.resolve()
        if resolved.sha256 != sha256.lower():
            raise CitationError(
                f"the text of {self} has changed since it was cited "
                f"(sha256 {resolved.sha256[:12]}…, expected {sha256[:12]}…)",
                eid=self.eid,
            )
        return resolved


@dataclass(frozen=True)
class ResolvedCitation:
    """A citation with the words it cites, their SHA-256 (hex, of the UTF-8 text), the version
    they were taken from, and the date warnings a result citing them should carry."""

    citation: Citation
    text: str
    sha256: str
    expression_uri: str
    warnings: tuple[str, ...] = ()


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
