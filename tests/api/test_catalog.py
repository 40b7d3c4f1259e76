"""Saved query headers: every file parses; a malformed header is refused with the file's name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from queries.catalog import QUERIES_DIR, CatalogError, ParamError, load_catalog, parse_query_file

EXPECTED = {
    "who_backed_whom",
    "who_accused_whom",
    "meetings",
    "interactions",
    "elections",
    "contested_elections",
    "protests_and_crackdowns",
    "dyad_balance",
    "conflict_pairs",
    "actor_profile",
    "actor_timeline",
    "connection_path",
    "foreign_involvement",
    "evidence",
    "recent_articles",
}

GOOD_HEADER = """// name: {name}
// description: Test query.
// param: actor string required max_length=20 -- An actor
// param: limit int default=5 min=1 max=10 -- Rows
// example: polgraph query {name} --param actor=x
MATCH (a:Actor {{id: $actor}}) RETURN a LIMIT $limit
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", sorted(QUERIES_DIR.glob("*.cypher")), ids=lambda p: p.stem)
def test_every_query_file_header_parses(path: Path) -> None:
    query = parse_query_file(path)
    assert query.name == path.stem
    assert query.description and query.example.startswith(f"polgraph query {query.name}")
    for spec in query.params:
        if spec.type in ("int", "float"):
            assert spec.minimum is not None and spec.maximum is not None


def test_catalog_has_every_query() -> None:
    assert set(load_catalog()) == EXPECTED


def test_good_header_parses(tmp_path: Path) -> None:
    query = parse_query_file(write(tmp_path, "sample", GOOD_HEADER.format(name="sample")))
    actor, limit = query.params
    assert (actor.name, actor.type, actor.required, actor.max_length) == ("actor", "string", True, 20)
    assert (limit.default, limit.minimum, limit.maximum) == (5, 1, 10)
    assert query.bind({"actor": "a"}) == {"actor": "a", "limit": 5}


@pytest.mark.parametrize(
    ("header_line", "problem"),
    [
        ("// param: limit integer min=1 max=2 -- x", "unknown type"),
        ("// param: limit int default=9 min=1 max=2 -- x", "default"),
        ("// param: limit int min=1 -- x", "needs min= and max="),
        ("// param: limit int min=one max=2 -- x", "not a number"),
        ("// param: kind string colour=red -- x", "unknown option"),
        ("// param: format string -- x", "reserved"),
        ("// param: ghost string -- never used", "never used"),
    ],
)
def test_malformed_param_names_the_file(tmp_path: Path, header_line: str, problem: str) -> None:
    text = GOOD_HEADER.format(name="broken").replace("// example:", header_line + "\n// example:")
    with pytest.raises(CatalogError, match=problem) as info:
        parse_query_file(write(tmp_path, "broken", text))
    assert "broken.cypher" in str(info.value)


@pytest.mark.parametrize("missing", ["name", "description", "example"])
def test_missing_header_line_names_the_file(tmp_path: Path, missing: str) -> None:
    lines = [
        ln for ln in GOOD_HEADER.format(name="partial").splitlines() if not ln.startswith(f"// {missing}:")
    ]
    with pytest.raises(CatalogError, match=rf"partial\.cypher.*{missing}"):
        parse_query_file(write(tmp_path, "partial", "\n".join(lines)))


def test_name_must_match_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"other\.cypher"):
        parse_query_file(write(tmp_path, "other", GOOD_HEADER.format(name="sample")))


def test_load_catalog_fails_on_one_bad_file(tmp_path: Path) -> None:
    write(tmp_path, "good", GOOD_HEADER.format(name="good"))
    write(tmp_path, "bad", "MATCH (n) RETURN n\n")
    with pytest.raises(CatalogError, match=r"bad\.cypher"):
        load_catalog(tmp_path)


def test_binding_converts_and_checks_types() -> None:
    catalog = load_catalog()
    bound = catalog["who_backed_whom"].bind({"from_date": "2020-01-31", "min_sources": "2"})
    assert bound["from_date"] == date(2020, 1, 31) and bound["min_sources"] == 2
    assert bound["actor"] is None and bound["limit"] == 100
    assert catalog["interactions"].bind({"type": "coerce"})["type"] == "COERCE"
    cases = [
        ("who_backed_whom", {"min_sources": "0"}, "min_sources"),
        ("who_backed_whom", {"min_sources": "1.5"}, "min_sources"),
        ("who_backed_whom", {"from_date": "31/01/2020"}, "from_date"),
        ("who_backed_whom", {"actor": "x" * 201}, "actor"),
        ("interactions", {"type": "HUG"}, "type"),
        ("connection_path", {"from_actor": "a", "to_actor": "b", "max_hops": "7"}, "max_hops"),
        ("actor_profile", {}, "actor"),
        ("elections", {"year": "soon"}, "year"),
        ("elections", {"colour": "red"}, "colour"),
    ]
    for name, given, param in cases:
        with pytest.raises(ParamError) as info:
            catalog[name].bind(given)
        assert info.value.param == param and f"'{param}'" in str(info.value)
