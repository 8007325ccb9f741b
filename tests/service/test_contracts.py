"""Generated contracts: the OpenAPI snapshot, the translations complete, the vendored files'
checksums, layering of api and web."""

from __future__ import annotations

import ast
import hashlib
import json
import os
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

import innoreg.service

SERVICE = Path(innoreg.service.__file__).parent
SNAPSHOT = Path(__file__).parent / "openapi.json"
DECLARED = {"400", "404", "405", "413", "415", "422"}


def test_openapi_matches_its_snapshot(client: TestClient) -> None:
    """Regenerate with ``INNOREG_UPDATE_SNAPSHOTS=1 pytest tests/service/test_contracts.py``."""
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    text = json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("INNOREG_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_every_operation_declares_every_error_it_can_give(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert set(operation["responses"]) >= DECLARED, f"{method} {path}"


def test_docs_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "http" not in page.replace('href="/', "").replace('src="/', "").split("<body>")[1]
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js"):
        assert client.get(f"/static/vendor/swagger-ui-dist-5.35.0/{asset}").status_code == 200


def _extracted() -> set[str]:
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(SERVICE / "web"), method_map, options, keywords=keywords
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_ui_string_is_translated_in_both_catalogues() -> None:
    wanted = _extracted()
    assert len(wanted) > 150
    for locale in ("zh_CN", "en"):
        po = SERVICE / "web" / "translations" / locale / "LC_MESSAGES" / "messages.po"
        with po.open("rb") as source:
            catalog = read_po(source)
        translated = {
            (m.id[0] if isinstance(m.id, tuple) else m.id)
            for m in catalog
            if m.id
            and not m.fuzzy
            and all(s for s in (m.string if isinstance(m.string, tuple) else (m.string,)))
        }
        assert not wanted - translated, f"{locale} lacks {sorted(wanted - translated)[:5]}"
        assert not any(m.fuzzy for m in catalog if m.id), f"{locale} has fuzzy entries"


def _check_sums(folder: Path) -> None:
    listed = {}
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        listed[name.removeprefix("./")] = digest
    files = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name not in ("SHA256SUMS", "README.md")
    }
    assert files == set(listed), "every vendored file is listed, and only those"
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_vendored_front_end_files_match_their_checksums() -> None:
    _check_sums(SERVICE / "web" / "static" / "vendor")
    _check_sums(Path(__file__).parent / "vendor")


def test_api_and_web_never_import_each_other() -> None:
    for side, other in (("api", "web"), ("web", "api")):
        for path in (SERVICE / side).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                assert not any(n.startswith(f"innoreg.service.{other}") for n in names), path
