"""The one error root of innoreg, and its structured subclasses.

Hierarchy::

    InnoregError
    ├── LawError                 a regulation text or citation
    │   ├── ParseError           malformed text (line, column)
    │   └── CitationError        an eId or work URI that does not resolve
    ├── RulesError               a rule pack, parameter or interpretation
    │   ├── PackLoadError        a pack that cannot be loaded (bad citation, bad YAML)
    │   ├── ParameterError       no value, bad unit, bad date
    │   └── GraphError           cycles and missing inputs (names the variables)
    └── InputError               a case or population that breaks the input contract

The CLI and the API translate these at the edge, in one place each.
"""

from __future__ import annotations


class InnoregError(Exception):
    """Root of every error innoreg raises on purpose."""

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = {k: v for k, v in context.items() if v is not None}

    def to_dict(self) -> dict[str, object]:
        return {"error": type(self).__name__, "message": self.message, **self.context}


class LawError(InnoregError):
    """A regulation text or a citation of it is wrong."""


class ParseError(LawError):
    """A regulation text could not be parsed; carries the line and column."""

    def __init__(self, message: str, *, line: int, column: int, source: str | None = None) -> None:
        where = f"{source}:" if source else "line "
        super().__init__(
            f"{where}{line}:{column}: {message}", line=line, column=column, source=source
        )
        self.line = line
        self.column = column


class CitationError(LawError):
    """A work URI or eId that does not resolve to a shipped text."""


class RulesError(InnoregError):
    """A rule pack, parameter or interpretation is wrong."""


class PackLoadError(RulesError):
    """A rule pack cannot be loaded."""


class ParameterError(RulesError):
    """A parameter has no value at a date, or a malformed value."""


class GraphError(RulesError):
    """The variables' dependency graph has a cycle or a missing input."""


class InputError(InnoregError):
    """A case or population breaks the input contract; ``field`` names the offending field.
    ``zh`` is the message in Chinese, where one was written (surfaces fall back to English)."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        rule: str | None = None,
        zh: str | None = None,
    ) -> None:
        text = f"{field}: {message}" if field else message
        super().__init__(text, field=field, rule=rule)
        self.field = field
        self.rule = rule
        self.detail = message
        """The message without the field's name (for a page that shows it beside the field)."""
        self.detail_zh = zh

    def in_language(self, lang: str) -> str:
        """The message with the field's name, in Chinese where one was written."""
        if lang != "zh" or not self.detail_zh:
            return self.message
        return f"{self.field}：{self.detail_zh}" if self.field else self.detail_zh


class InvalidValueError(ValueError):
    """A value that breaks a rule of the input contract, said in English and Chinese; the caller
    names the field (an ``InputError``)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh
