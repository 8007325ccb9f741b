"""What we know about an act beyond its words: its work URI, titles, jurisdiction, dates and its
expressions (versions, per language, with the dates they are in force).

Unknown dates stay None, never guessed; `ActMetadata.date_warnings` says so in a sentence that
results carry while the date is unknown."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from innoreg.errors import CitationError, LawError

WORK_URI = re.compile(
    r"^/akn/(?P<jurisdiction>[a-z]{2}(?:-[a-z0-9]+)*)/(?P<type>act)/(?P<subtype>[a-z-]+)"
    r"/(?P<date>\d{4}(?:-\d{2}-\d{2})?)/(?P<name>[a-z0-9][a-z0-9-]*)$"
)
_LANGUAGE = re.compile(r"^[a-z]{3}$")
_SHORT_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Expression:
    """One version of an act in one language. Its in-force dates default (None) to the act's;
    `translation_of` names the original's language when this text is a translation."""

    work_uri: str
    language: str
    date: dt.date | None
    file: str
    translation_of: str | None = None
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None

    @property
    def is_translation(self) -> bool:
        return self.translation_of is not None

    @property
    def uri(self) -> str:
        """The AKN expression URI: `<work>/eng@2014-01-09`, or `<work>/eng@` when undated."""
        return f"{self.work_uri}/{self.language}@{self.date.isoformat() if self.date else ''}"


@dataclass(frozen=True)
class ActMetadata:
    """An act's identity and dates. `end` is the first day it is no longer in force; None means
    no end is recorded (`end_in_doubt_from` marks the day from which that is uncertain)."""

    work_uri: str
    short_name: str
    title_en: str
    title_zh: str
    jurisdiction: str
    subtype: str
    author: str
    original_language: str
    adopted: dt.date | None
    in_force: dt.date | None
    end: dt.date | None
    expressions: tuple[Expression, ...]
    adopted_note: str | None = None
    in_force_note: str | None = None
    end_note: str | None = None
    end_in_doubt_from: dt.date | None = None
    in_force_not_before: dt.date | None = None
    doc_type: str = "act"

    @property
    def language(self) -> str:
        """The language of the default expression (`eng` for the shipped translations)."""
        return self.default_expression().language

    def date_warnings(self, on: dt.date | None = None) -> list[str]:
        """Sentences for every date a result on `on` (or on any day) depends on but we lack."""
        warnings: list[str] = []
        if self.in_force is None:
            why = f" ({self.in_force_note})" if self.in_force_note else ""
            warnings.append(
                f"the in-force date of the {self.title_en} is not recorded{why}: "
                "results assume it is in force"
            )
        doubtful = self.end_in_doubt_from is not None and (
            on is None or on >= self.end_in_doubt_from
        )
        if self.end is None and doubtful:
            why = f" ({self.end_note})" if self.end_note else ""
            warnings.append(
                f"the end date of the {self.title_en} is uncertain{why}: "
                "results assume it is still in force"
            )
        return warnings

    def in_force_on(self, on: dt.date) -> bool | None:
        """Whether the act is in force on a day; None while its in-force date is unknown (but
        False before `in_force_not_before`, a bound the sources do record)."""
        if self.end is not None and on >= self.end:
            return False
        if self.in_force is None:
            if self.in_force_not_before is not None and on < self.in_force_not_before:
                return False
            return None
        return on >= self.in_force

    def default_expression(self, language: str = "eng") -> Expression:
        """The latest version in a language (undated versions count as the earliest)."""
        versions = self._in_language(language)
        return max(versions, key=lambda e: e.date or dt.date.min)

    def expression_at(self, version: dt.date, language: str = "eng") -> Expression:
        """The version dated exactly `version` (an `@` expression URI)."""
        for expression in self._in_language(language):
            if expression.date == version:
                return expression
        raise CitationError(f"the {self.title_en} has no {language} version dated {version}")

    def expression_in_force(self, on: dt.date, language: str = "eng") -> Expression:
        """The version in force on a day: unknown start dates count as in force (with a warning
        from `date_warnings`); among several, the one that started last wins."""
        in_force = []
        for expression in self._in_language(language):
            start = expression.in_force_from or self.in_force
            stop = expression.in_force_to or self.end
            if (start is None or start <= on) and (stop is None or on < stop):
                in_force.append((start or dt.date.min, expression.date or dt.date.min, expression))
        if not in_force:
            raise CitationError(f"no {language} version of the {self.title_en} is in force on {on}")
        return max(in_force, key=lambda found: found[:2])[2]

    def _in_language(self, language: str) -> list[Expression]:
        versions = [e for e in self.expressions if e.language == language]
        if not versions:
            raise CitationError(f"the {self.title_en} has no {language} expression")
        return versions


_TOP_KEYS = {
    "short_name", "work_uri", "jurisdiction", "subtype", "title", "author",
    "original_language", "dates", "notes", "end_in_doubt_from", "in_force_not_before",
    "expressions",
}  # fmt: skip
_EXPRESSION_KEYS = {"language", "date", "file", "translation_of", "in_force_from", "in_force_to"}


def metadata_from_mapping(data: object, where: str) -> ActMetadata:
    """Build and check an act's metadata from its parsed YAML; LawError names file and field."""
    top = _mapping(data, where, "", _TOP_KEYS)
    work_uri = _text(top, "work_uri", where)
    match = WORK_URI.match(work_uri)
    if not match:
        raise LawError(
            f"{where}: work_uri {work_uri!r} is not /akn/<place>/act/<subtype>/<date>/<name>"
        )
    jurisdiction = _text(top, "jurisdiction", where)
    if match["jurisdiction"] != jurisdiction or match["subtype"] != _text(top, "subtype", where):
        raise LawError(f"{where}: work_uri {work_uri!r} disagrees with jurisdiction or subtype")
    short_name = _text(top, "short_name", where)
    if not _SHORT_NAME.match(short_name):
        raise LawError(f"{where}: short_name {short_name!r} must be lower-case letters and dashes")
    title = _mapping(top.get("title"), where, "title.", {"en", "zh"})
    dates = _mapping(top.get("dates"), where, "dates.", {"adopted", "in_force", "end"})
    notes = _mapping(top.get("notes", {}), where, "notes.", {"adopted", "in_force", "end"})
    raw_expressions = top.get("expressions")
    if not isinstance(raw_expressions, list) or not raw_expressions:
        raise LawError(f"{where}: expressions must be a non-empty list")
    expressions = tuple(
        _expression(work_uri, item, f"{where}: expressions[{i}]")
        for i, item in enumerate(raw_expressions)
    )
    return ActMetadata(
        work_uri=work_uri,
        short_name=short_name,
        title_en=_text(title, "en", f"{where}: title"),
        title_zh=_text(title, "zh", f"{where}: title"),
        jurisdiction=jurisdiction,
        subtype=match["subtype"],
        author=_text(top, "author", where),
        original_language=_language(top.get("original_language"), where, "original_language"),
        adopted=_date(dates, "adopted", where),
        in_force=_date(dates, "in_force", where),
        end=_date(dates, "end", where),
        expressions=expressions,
        adopted_note=_optional_text(notes, "adopted", where),
        in_force_note=_optional_text(notes, "in_force", where),
        end_note=_optional_text(notes, "end", where),
        end_in_doubt_from=_date(top, "end_in_doubt_from", where),
        in_force_not_before=_date(top, "in_force_not_before", where),
    )


def _expression(work_uri: str, data: object, where: str) -> Expression:
    item = _mapping(data, where, "", _EXPRESSION_KEYS)
    original = item.get("translation_of")
    return Expression(
        work_uri=work_uri,
        language=_language(item.get("language"), where, "language"),
        date=_date(item, "date", where),
        file=_text(item, "file", where),
        translation_of=None if original is None else _language(original, where, "translation_of"),
        in_force_from=_date(item, "in_force_from", where),
        in_force_to=_date(item, "in_force_to", where),
    )


def _mapping(data: object, where: str, prefix: str, allowed: set[str]) -> dict[str, object]:
    if not isinstance(data, dict):
        raise LawError(f"{where}: {prefix.rstrip('.') or 'metadata'} must be a mapping")
    unknown = sorted(str(key) for key in data if key not in allowed)
    if unknown:
        raise LawError(f"{where}: unknown field {prefix}{unknown[0]}")
    return {str(key): value for key, value in data.items()}


def _text(data: dict[str, object], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LawError(f"{where}: {key} must be a non-empty string")
    return value.strip()


def _optional_text(data: dict[str, object], key: str, where: str) -> str | None:
    return None if data.get(key) is None else _text(data, key, where)


def _language(value: object, where: str, key: str) -> str:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise LawError(f"{where}: {key} must be a three-letter language code such as eng or chi")
    return value


def _date(data: dict[str, object], key: str, where: str) -> dt.date | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise LawError(f"{where}: {key} must be a date (YYYY-MM-DD) or null, not {value!r}")
