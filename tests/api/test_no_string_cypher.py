"""Cypher is never assembled from strings: it lives in .cypher files and only parameters travel with it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from polgraph.settings import PROJECT_ROOT

PACKAGES = ("queries", "api", "ingest", "schema", "polgraph", "export")
CYPHER_WORD = re.compile(r"\b(MATCH|MERGE|CREATE|RETURN)\b")


def _text_parts(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def built_cypher(source: str) -> list[tuple[int, str]]:
    """Lines where an f-string, a `+` concatenation, `%` formatting or `.format()` holds a Cypher keyword."""
    found = []
    for node in ast.walk(ast.parse(source)):
        built = (
            isinstance(node, ast.JoinedStr)
            or (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)))
            or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("format", "join")
            )
        )
        if built and any(CYPHER_WORD.search(part) for part in _text_parts(node)):
            found.append((getattr(node, "lineno", 0), ast.unparse(node)[:80]))
    return found


def test_the_detector_finds_built_cypher() -> None:
    samples = [
        'q = f"MATCH (n {{id: {x}}}) RETURN n"',
        'q = "MATCH (n) WHERE n.id = " + x',
        'q = "MERGE (n:{label})".format(label=x)',
        'q = "CREATE (n {id: %s})" % x',
    ]
    for sample in samples:
        assert built_cypher(sample), sample
    assert not built_cypher('q = load_cypher(folder, "match_actor")\nmsg = f"{n} rows returned"')


def test_no_cypher_is_built_from_strings() -> None:
    offenders = []
    for package in PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            for line, snippet in built_cypher(path.read_text(encoding="utf-8")):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{line}: {snippet}")
    assert not offenders, "Cypher built from strings:\n" + "\n".join(offenders)


def test_packages_exist() -> None:
    for package in PACKAGES:
        assert Path(PROJECT_ROOT / package).is_dir()
