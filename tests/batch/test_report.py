"""Reports: a self-contained HTML page with each chart beside its data, PNG and SVG charts, a
workbook of summaries; Chinese labels drawn with a CJK font, never with a missing glyph."""

import os
import re
import struct
from pathlib import Path

import polars as pl
import pytest

from innoreg.batch import Reform, Simulation, simulate
from innoreg.batch.places import DISTRICTS, SECTIONS
from innoreg.batch.report import write_report
from innoreg.batch.report.fonts import MissingGlyphsError, chart_fonts, missing_glyphs

from .conftest import LAW


@pytest.fixture(scope="module", autouse=True)
def cjk_font() -> None:
    """A CJK font is a system package: CI must have it (fail); elsewhere, say what to install."""
    try:
        chart_fonts()
    except MissingGlyphsError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs a CJK font: {exc}")
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def run(city: pl.DataFrame, reform: Reform) -> Simulation:
    return simulate(city, reform=reform, **LAW)


@pytest.fixture(scope="module")
def reports(run: Simulation, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The zh and en reports of one run, written once for the module."""
    folder = tmp_path_factory.mktemp("reports")
    return {lang: write_report(run, folder / lang, lang=lang) for lang in ("zh", "en")}  # type: ignore[arg-type]


def test_the_fonts_draw_every_chinese_label_of_a_report() -> None:
    from innoreg.batch.report.charts import TITLES
    from innoreg.batch.report.data import ROUTE_LABELS, WORDS

    labels = [*DISTRICTS, *(s.zh for s in SECTIONS.values())]
    labels += [x.zh for table in (TITLES, WORDS, ROUTE_LABELS) for x in table.values()]
    labels += ["1,234.56 万元", "−+%（）"]
    assert missing_glyphs(labels) == set()


def test_a_missing_glyph_is_caught() -> None:
    tangut = "\U00017000"  # a script no chart font covers
    assert missing_glyphs(["涧西区" + tangut]) == {tangut}


def test_a_chart_with_a_glyph_its_fonts_lack_is_an_error_not_a_file(
    run: Simulation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from innoreg.batch import places

    monkeypatch.setitem(places.DISTRICTS, "涧西区", places.Label("x", "涧西\U00017000"))
    with pytest.raises(MissingGlyphsError, match="cannot draw"):
        write_report(run, tmp_path / "report", lang="zh")
    assert not (tmp_path / "report" / "charts" / "eligibility.png").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_is_self_contained_with_charts_beside_their_data(
    reports: dict[str, Path], lang: str
) -> None:
    page = reports[lang]
    tmp_path = page.parent
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "<script" not in text and "<link" not in text
    assert text.count('src="data:image/svg+xml;base64,') == 3
    sections = re.findall(r'<section id="([^"]+)">.*?</section>', text, re.S)
    assert sections == ["rd-intensity", "eligibility", "gains-and-losses"]
    for section in re.findall(r"<section.*?</section>", text, re.S):
        assert "<img" in section and "<table>" in section
    for name in ("rd-intensity", "eligibility", "gains-and-losses"):
        png = tmp_path / "charts" / f"{name}.png"
        width, height = struct.unpack(">II", png.read_bytes()[16:24])
        assert width > 1000 and height > 500
        assert (tmp_path / "charts" / f"{name}.svg").read_text().lstrip().startswith("<?xml")
    if lang == "zh":
        assert "涧西区" in text and "万元" in text
    else:
        assert "Jianxi District" in text and re.search(r"\d{1,3}(,\d{3})+\.\d\d", text)


def test_the_workbook_holds_every_summary(run: Simulation, reports: dict[str, Path]) -> None:
    sheets = pl.read_excel(reports["en"].parent / "summaries.xlsx", sheet_id=0)
    assert set(sheets) >= {
        "totals",
        "by district",
        "by industry section",
        "by size class",
        "rd-intensity",
        "eligibility",
        "gains-and-losses",
    }
    district = sheets["by district"]
    assert district.height == 15
    assert district["Enterprises"].sum() == run.rows
    total = run.summary()["rd_super_deduction"][0]
    assert round(sheets["totals"]["R&D super-deduction"][0], 2) == float(total)


def test_a_report_without_a_reform_has_no_gains_and_losses(
    city: pl.DataFrame, tmp_path: Path
) -> None:
    page = write_report(simulate(city, **LAW), tmp_path, lang="en")
    text = page.read_text(encoding="utf-8")
    assert "gains-and-losses" not in text and text.count("data:image/svg+xml") == 2
