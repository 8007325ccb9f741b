"""Messages of the command line, without importing the CLI framework (the quick path of
`innoreg evaluate` uses them too): the language of text output and errors, and one error line."""

from __future__ import annotations

from innoreg.display import default_language
from innoreg.errors import InnoregError, InputError
from innoreg.labels import Language

_language: list[Language] = []


def language() -> Language:
    """The language of text output and errors: ``--lang``, else the locale, else English."""
    return _language[-1] if _language else default_language()


def set_language(lang: Language | None) -> None:
    if lang is not None:
        _language.append(lang)


def reset_language() -> None:
    _language.clear()


def error_line(message: str) -> str:
    return f"错误：{message}" if language() == "zh" else f"error: {message}"


def describe(exc: InnoregError) -> str:
    """An error as one line: the field, the message and (in English) the rule it breaks."""
    if isinstance(exc, InputError):
        text = exc.in_language(language())
        rule = f" (rule: {exc.rule})" if exc.rule and language() == "en" else ""
        return f"{text}{rule}"
    return exc.message
