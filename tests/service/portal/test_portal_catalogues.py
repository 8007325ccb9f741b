"""Every string the portal shows is in both catalogues, translated (Chinese) or itself
(English): a portal string missing from ``make translations`` fails here, not in front of a
reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[3] / "src/innoreg/service/web"
PORTAL = (
    "templates/portal/",
    "routes/portal/",
    "templates/explanation.html",
    "templates/transfer_result.html",
)


def portal_messages() -> set[str]:
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = set()
    for filename, _line, message, _comments, _context in extract_from_dir(
        str(WEB), method_map, options, keywords={"_": None, "gettext": None, "N_": None}
    ):
        if filename.startswith(PORTAL) and isinstance(message, str):
            found.add(message)
    return found


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_every_portal_string_is_translated(locale: str) -> None:
    messages = portal_messages()
    assert len(messages) > 150
    with (WEB / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale=locale)
    missing = sorted(m for m in messages if not (catalogue.get(m) and catalogue.get(m).string))
    assert not missing, missing
