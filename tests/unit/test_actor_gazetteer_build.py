"""data/actors/phoenix_people.tsv: the dictionary's CountryInfo persons and its hand-added ones."""

from __future__ import annotations

from pathlib import Path

from scripts.build_actor_gazetteer import parse

DICTIONARY = """\
ANA_LUSK_  # CountryInfo.txt
\t[NORGOV 990101-050101]
BORIS_VALE
+PRESIDENT_BORIS_VALE
\t[OSTGOV >20120101]
MINISTRY_OF_FISHERIES_
\t[OSTGOV]
SOUTH_SUDAN
\t[SSD]
REVOLUTIONARY_GUARD
\t[IRNMIL]
"""


def test_hand_added_leaders_are_people_and_bodies_and_countries_are_not(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    rows = {r["name"]: r for r in parse(path)}
    assert set(rows) == {"Ana Lusk", "Boris Vale"}
    assert rows["Boris Vale"]["country"] == "OST" and rows["Boris Vale"]["aliases"] == "President Boris Vale"
