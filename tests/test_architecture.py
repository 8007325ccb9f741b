"""The directions imports may take (the layering of the package): every module of
``src/innoreg`` is read with ``ast`` — imports at module level, inside functions, under
``TYPE_CHECKING`` and ``importlib.import_module("…")`` with a literal name — and any forbidden
arrow fails the test naming the module, the line and what it imports.

The rules:

- the core (``innoreg.law``, ``innoreg.rules``, ``innoreg.engine`` and the top-level
  ``innoreg.errors``, ``innoreg.labels``, ``innoreg.display``) never imports the outer layers
  (records, service, batch, cli) nor the frameworks they bring (FastAPI, Starlette, SQLAlchemy,
  Alembic, Dask, Typer, Rich);
- ``law`` never imports ``rules`` or ``engine``; ``rules`` never imports ``engine``;
- ``records`` and ``batch`` import the engine, never ``service`` or ``cli``;
- ``innoreg.service.api`` and ``innoreg.service.web`` never import each other;
- only ``innoreg.cli`` (and the service itself) imports ``innoreg.service``.

Packages that do not exist yet are held to their rules the day they arrive.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "innoreg"

CORE = (
    "innoreg.law",
    "innoreg.rules",
    "innoreg.engine",
    "innoreg.errors",
    "innoreg.labels",
    "innoreg.display",
)
OUTER = ("innoreg.records", "innoreg.service", "innoreg.batch", "innoreg.cli")
FRAMEWORKS = (
    "fastapi",
    "starlette",
    "sqlalchemy",
    "alembic",
    "dask",
    "distributed",
    "typer",
    "rich",
)


@dataclass(frozen=True)
class Rule:
    """Modules under any of ``importers`` (unless also under ``except_importers``) must not
    import anything under ``forbidden``."""

    importers: tuple[str, ...]
    forbidden: tuple[str, ...]
    why: str
    except_importers: tuple[str, ...] = ()

    def applies_to(self, module: str) -> bool:
        return within(module, self.importers) and not within(module, self.except_importers)


RULES = (
    Rule(CORE, OUTER + FRAMEWORKS, "the core (law, rules, engine) never imports the outer layers"),
    Rule(
        ("innoreg.law",), ("innoreg.rules", "innoreg.engine"), "law never imports rules or engine"
    ),
    Rule(("innoreg.rules",), ("innoreg.engine",), "rules never imports engine"),
    Rule(
        ("innoreg.records", "innoreg.batch"),
        ("innoreg.service", "innoreg.cli"),
        "records and batch import the engine, never service or cli",
    ),
    Rule(("innoreg.service.api",), ("innoreg.service.web",), "api never imports web"),
    Rule(("innoreg.service.web",), ("innoreg.service.api",), "web never imports api"),
    Rule(
        ("innoreg",),
        ("innoreg.service",),
        "only cli imports service",
        except_importers=("innoreg.cli", "innoreg.service"),
    ),
)


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") for p in prefixes)


@dataclass(frozen=True)
class Import:
    module: str
    line: int
    target: str


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(module: str, source: str, *, is_package: bool = False) -> Iterator[Import]:
    """Every import in ``source``, wherever it stands, as absolute module names. ``from a
    import b`` yields ``a`` and ``a.b`` (``b`` may be a submodule)."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{anchor}.{base}" if base else anchor
            yield Import(module, node.lineno, base)
            for alias in node.names:
                if alias.name != "*":
                    yield Import(module, node.lineno, f"{base}.{alias.name}")
        elif isinstance(node, ast.Call) and _dynamic_import(node):
            argument = node.args[0]
            assert isinstance(argument, ast.Constant)
            yield Import(module, node.lineno, str(argument.value))


def _dynamic_import(node: ast.Call) -> bool:
    function = node.func
    name = (
        function.attr
        if isinstance(function, ast.Attribute)
        else function.id
        if isinstance(function, ast.Name)
        else ""
    )
    return (
        name in ("import_module", "__import__")
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def violations(found: list[Import]) -> list[str]:
    broken = []
    for item in found:
        for rule in RULES:
            if rule.applies_to(item.module) and within(item.target, rule.forbidden):
                broken.append(f"{item.module} (line {item.line}) imports {item.target}: {rule.why}")
    return sorted(set(broken))


def all_imports() -> list[Import]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        found += imports_of(module_name(path), source, is_package=path.name == "__init__.py")
    return found


ALL_IMPORTS = all_imports()


def test_no_module_imports_against_the_layering() -> None:
    broken = violations(ALL_IMPORTS)
    assert not broken, "forbidden imports:\n" + "\n".join(broken)


def test_the_walk_sees_every_module_and_imports_inside_functions() -> None:
    modules = {i.module for i in ALL_IMPORTS}
    assert {"innoreg.engine.case", "innoreg.rules.registry", "innoreg.law.parse"} <= modules
    assert {"innoreg.cli", "innoreg.display", "innoreg.errors"} <= modules
    # `innoreg.cli.decide` imports the engine inside run_evaluate, for start-up time.
    inside = [i for i in ALL_IMPORTS if i.module == "innoreg.cli.decide"]
    assert any(i.target == "innoreg.engine.evaluate" for i in inside), inside
    # the CLI's edge imports typer at module level: allowed there, and seen.
    assert any(i.module == "innoreg.cli.edge" and i.target == "typer" for i in ALL_IMPORTS)


BREAKING = [
    ("innoreg.engine.plan", "import typer", "innoreg.engine.plan (line 1) imports typer"),
    (
        "innoreg.engine.case",
        "def f():\n    from innoreg.cli.render import render_decision\n",
        "innoreg.engine.case (line 2) imports innoreg.cli.render",
    ),
    (
        "innoreg.rules.pack",
        "if TYPE_CHECKING:\n    from innoreg.engine import Plan\n",
        "innoreg.rules.pack (line 2) imports innoreg.engine",
    ),
    ("innoreg.law.parse", "from ..rules import registry", "innoreg.law.parse (line 1) imports"),
    ("innoreg.display", "from rich.console import Console", "imports rich.console"),
    ("innoreg.labels", "import sqlalchemy.orm", "imports sqlalchemy.orm"),
    ("innoreg.engine.population", "import dask.dataframe as dd", "imports dask.dataframe"),
    ("innoreg.engine.population", "from distributed import Client", "imports distributed"),
    ("innoreg.errors", "from fastapi import HTTPException", "imports fastapi"),
    ("innoreg.records.db", "from innoreg.service.settings import Settings", "never service"),
    ("innoreg.batch.reports", "from innoreg.cli.render import pad", "never service or cli"),
    ("innoreg.rules.money", "import alembic.op", "innoreg.rules.money (line 1) imports alembic"),
    ("innoreg.service.api.routes.cases", "from innoreg.service.web import pages", "api never"),
    ("innoreg.service.web.routes.home", "from ...api.schemas import Case", "web never imports"),
    ("innoreg.engine.vocabulary", "import innoreg.service.app", "only cli imports service"),
    (
        "innoreg.rules.registry",
        "import importlib\nimportlib.import_module('innoreg.engine.plan')\n",
        "innoreg.rules.registry (line 2) imports innoreg.engine.plan",
    ),
]


@pytest.mark.parametrize(("module", "source", "message"), BREAKING)
def test_a_forbidden_arrow_is_named_with_its_module_line_and_import(
    module: str, source: str, message: str
) -> None:
    broken = violations(list(imports_of(module, source)))
    assert broken and any(message in line for line in broken), broken


ALLOWED = [
    ("innoreg.cli.evaluate", "from innoreg.service.app import create_app"),
    ("innoreg.service.api.routes.cases", "from innoreg.engine import decide"),
    ("innoreg.service.app", "from innoreg.service.api import routers"),
    ("innoreg.records.determinations", "from innoreg.engine import Decision"),
    ("innoreg.batch.populations", "import dask.dataframe"),
    ("innoreg.engine.plan", "from innoreg.rules.registry import registry"),
    ("innoreg.rules.pack", "from innoreg.law import load_act"),
    ("innoreg.engine.case", "from . import plan"),
]


@pytest.mark.parametrize(("module", "source"), ALLOWED)
def test_an_allowed_arrow_passes(module: str, source: str) -> None:
    assert violations(list(imports_of(module, source))) == []
