"""The packages are layered: the kernel and the pipeline never reach up into the API or the command line,
and the API never reaches into the command line, so each can be imported (and shipped) without those above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from polgraph.settings import PROJECT_ROOT

# Each package and the packages above it that it must not import.
FORBIDDEN = {
    "polgraph": {"cli", "api"},
    "ingest": {"cli", "api"},
    "schema": {"cli", "api"},
    "queries": {"cli", "api"},
    "api": {"cli"},
    "export": {"cli", "api"},
}


def imported_packages(path: Path) -> set[str]:
    """Top-level package of every absolute import in the module, lazy ones inside functions included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def modules_of(package: str) -> list[Path]:
    return sorted((PROJECT_ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_above_it(package: str) -> None:
    modules = modules_of(package)
    assert modules, f"no modules found under {package}/"
    crossings = {
        str(path.relative_to(PROJECT_ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in modules
    }
    assert {module: above for module, above in crossings.items() if above} == {}


def test_imported_packages_sees_lazy_and_from_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import os.path\n"
        "from api.app import create_app\n"
        "\n"
        "def f():\n"
        "    import cli.main\n"
        "    from . import x\n"
    )
    assert imported_packages(module) == {"os", "api", "cli"}
