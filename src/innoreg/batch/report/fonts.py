"""Fonts for charts: a CJK font from the system (Debian: fonts-noto-cjk, or fonts-wqy-microhei)
so that Chinese labels render, and a check that every character of a chart has a glyph — a
chart with a missing glyph (a box in place of 区) is an error, never a file.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from innoreg.errors import InnoregError

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC")
LATIN_FALLBACK = "DejaVu Sans"
INSTALL = "install a CJK font (Debian: apt-get install fonts-noto-cjk)"


class MissingGlyphsError(InnoregError):
    """A chart's text has characters its fonts cannot draw."""


@functools.cache
def chart_fonts() -> tuple[str, ...]:
    """The font families charts use, CJK first; raises ``MissingGlyphsError`` without one."""
    from matplotlib import font_manager

    present = {f.name for f in font_manager.fontManager.ttflist}
    found = [family for family in CJK_FAMILIES if family in present]
    if not found:
        raise MissingGlyphsError(f"no CJK font found for Chinese labels: {INSTALL}")
    return (found[0], LATIN_FALLBACK)


@functools.cache
def _charmap(family: str) -> frozenset[int]:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    return frozenset(FT2Font(path).get_charmap())


def font_file(family: str) -> Path:
    from matplotlib import font_manager

    return Path(
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    )


def missing_glyphs(texts: Iterable[str], families: Iterable[str] | None = None) -> set[str]:
    """The characters of ``texts`` that none of ``families`` can draw (whitespace aside)."""
    maps = [_charmap(f) for f in (families or chart_fonts())]
    return {
        c for text in texts for c in text if not c.isspace() and all(ord(c) not in m for m in maps)
    }


def check_glyphs(texts: Iterable[str]) -> None:
    missing = missing_glyphs(texts)
    if missing:
        shown = "".join(sorted(missing))
        raise MissingGlyphsError(f"the chart fonts cannot draw {shown!r}: {INSTALL}")
