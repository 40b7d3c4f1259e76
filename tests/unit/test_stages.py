"""The ingest stages import only from themselves, from earlier stages and from the shared kernel, so that a
stage can be read, tested and replaced knowing only what comes before it. Modules are kept to a size a
reader can take in."""

from __future__ import annotations

import ast
from pathlib import Path

from polgraph.settings import PROJECT_ROOT

# In the order data flows (README, "Architecture"); a module belongs to the last prefix it starts with.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("kernel", ("ingest.models", "ingest.ids", "ingest.errors", "ingest.lexicons", "ingest.country")),
    ("read", ("ingest.screen", "ingest.read", "ingest.listing", "ingest.fetch")),
    ("clean", ("ingest.clean", "ingest.language")),
    (
        "parse",
        (
            "ingest.attribute_matcher",
            "ingest.gazetteer",
            "ingest.nlp",
            "ingest.parse",
            "ingest.candidates",
            "ingest.given_names",
            "ingest.mentions",
        ),
    ),
    (
        "resolve an article",
        (
            "ingest.resolve",
            "ingest.resolve.names",
            "ingest.resolve.entities",
            "ingest.resolve.clusters",
            "ingest.resolve.article",
            "ingest.resolve.article_orgs",
            "ingest.resolve.offices",
        ),
    ),
    ("facts", ("ingest.facts",)),
    ("resolve a batch", ("ingest.resolve.blocking", "ingest.resolve.corpus")),
    ("write", ("ingest.scale", "ingest.write")),
    ("curate", ("ingest.curation",)),
    ("pipeline", ("ingest.engines", "ingest.interrupts", "ingest.pipeline", "ingest.watch")),
    (
        "engines and loads",
        ("ingest.dask_engine", "ingest.bulk_csv", "ingest.bulk_store", "ingest.bulk", "ingest.load"),
    ),
]  # fmt: skip
MAX_MODULE_LINES = 500
MAX_CLASS_LINES = 250


def stage_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, stage)
    for index, (_name, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (
                best is None or len(prefix) > best[0]
            ):
                best = (len(prefix), index)
    return best[1] if best else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def ingest_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "ingest" or m.startswith("ingest.")}


def ingest_modules() -> list[Path]:
    return sorted((PROJECT_ROOT / "ingest").rglob("*.py"))


def test_every_ingest_module_has_a_stage() -> None:
    missing = [
        module_name(p) for p in ingest_modules() if p.name != "__init__.py" or p.parent.name != "ingest"
    ]
    assert [m for m in missing if stage_of(m) is None] == []


def test_no_stage_imports_a_later_one() -> None:
    backwards = []
    for path in ingest_modules():
        own = stage_of(module_name(path))
        if own is None:
            continue
        for imported in ingest_imports(path):
            theirs = stage_of(imported)
            if theirs is not None and theirs > own:
                backwards.append(
                    f"{module_name(path)} ({STAGES[own][0]}) imports {imported} ({STAGES[theirs][0]})"
                )
    assert backwards == []


def test_stage_order_is_checked() -> None:
    assert (
        stage_of("ingest.resolve.corpus")
        > stage_of("ingest.facts.elections")
        > stage_of("ingest.resolve.article")
    )  # type: ignore[operator]
    assert stage_of("ingest.facts.coref") == stage_of("ingest.facts")


def test_modules_and_classes_stay_small() -> None:
    too_big = []
    for path in ingest_modules():
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_MODULE_LINES:
            too_big.append(f"{module_name(path)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                length = node.end_lineno - node.lineno + 1
                if length > MAX_CLASS_LINES:
                    too_big.append(f"{module_name(path)}.{node.name}: {length} lines")
    assert too_big == []
