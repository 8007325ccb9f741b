"""What every chart shares: matplotlib offline (Agg) in innoreg's style with a CJK font, a check
that every character has a glyph before anything is written (a box in place of 区 is an error,
never a file), SVG with its text drawn as paths (no font needed to read it), and axis formats
for counts and money (yuan, or 万元 for Chinese readers)."""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from innoreg.batch.report.fonts import MissingGlyphsError, chart_fonts, check_glyphs
from innoreg.labels import Label, Language

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_DRAWING = threading.RLock()
"""matplotlib's settings and the warnings filters are the process's: one chart is drawn at a
time (a server draws charts on several threads; two at once would mix their fonts)."""
YUAN = Label("yuan", "万元")
"""The unit money is drawn in: yuan, or 万元 (ten thousand yuan) for Chinese readers."""


@contextmanager
def style(lang: Language) -> Iterator[None]:
    """Draw inside this: innoreg's look, and any glyph matplotlib could not find is an error."""
    import matplotlib

    matplotlib.use("Agg")  # no display: charts are files
    from matplotlib import rc_context

    settings = {
        "font.family": "sans-serif",
        "font.sans-serif": list(chart_fonts()),
        "axes.unicode_minus": False,
        "svg.fonttype": "path",
        "svg.hashsalt": "innoreg",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "font.size": 10,
    }
    with (
        _DRAWING,
        rc_context(settings),  # type: ignore[arg-type]
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        yield
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise MissingGlyphsError(f"a chart lost glyphs ({missing[0]}); install fonts-noto-cjk")


def _checked(figure: Figure) -> None:
    from matplotlib.text import Text

    check_glyphs(t.get_text() for t in figure.findobj(Text) if isinstance(t, Text))


def _close(figure: Figure) -> None:
    import matplotlib.pyplot as plt

    plt.close(figure)


def save(figure: Figure, folder: Path, name: str) -> tuple[Path, Path]:
    """``figure`` as ``name``.png and .svg in ``folder`` (glyphs checked first); closes it."""
    _checked(figure)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    figure.savefig(png, dpi=144, bbox_inches="tight", metadata={"Software": None})
    figure.savefig(svg, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    _close(figure)
    return png, svg


def rendered(figure: Figure, *, png: bool = False) -> tuple[str, bytes | None]:
    """``figure`` as SVG text (and PNG bytes if asked), in memory; glyphs checked; closes it."""
    _checked(figure)
    svg = io.StringIO()
    figure.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    image = None
    if png:
        buffer = io.BytesIO()
        figure.savefig(
            buffer, format="png", dpi=144, bbox_inches="tight", metadata={"Software": None}
        )
        image = buffer.getvalue()
    _close(figure)
    return svg.getvalue(), image


def amount(value: Any, lang: Language) -> float:
    """Money as drawn: yuan, or 万元 in Chinese (``value`` in yuan)."""
    number = float(value) if value is not None else 0.0
    return number / 10_000 if lang == "zh" else number


def money_unit(lang: Language) -> str:
    return YUAN.in_(lang)


def thousands(*, signed: bool = False, fractions: bool = False) -> Any:
    """An axis format with thousands separators (and a sign if ``signed``); with
    ``fractions``, ticks below one keep their decimals (0.05 million yuan is not 0)."""
    from matplotlib.ticker import FuncFormatter

    def show(value: float, _: object) -> str:
        if fractions:
            return f"{value:,.12g}"
        return f"{value:+,.0f}" if signed and value else f"{value:,.0f}"

    return FuncFormatter(show)
