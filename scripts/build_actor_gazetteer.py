"""Build data/actors/phoenix_people.tsv from the Phoenix country-actor dictionary (MIT licence, OEDA).

Each person entry of `Phoenix.Countries.actors.txt` becomes one row: display name, alternative spellings, the
ISO3 country of its role codes and the role codes with their date ranges. The dictionary stops in 2014, so the
file names real political actors and their spellings, never who holds an office today.

    python scripts/build_actor_gazetteer.py ../shared/data/eventdata/Phoenix.Countries.actors.txt
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ingest.gazetteer import gazetteer
from ingest.lexicons import load

OUT = Path(__file__).resolve().parent.parent / "data" / "actors" / "phoenix_people.tsv"
ROLE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]")


def display(raw: str) -> str:
    words = [w for w in raw.strip().strip("_").split("_") if w]
    return " ".join(w.capitalize() if not w.isdigit() else w for w in words)


@cache
def _not_person_words() -> frozenset[str]:
    """Words of bodies, offices and places, from the actor lexicons, and the few the dictionary's own
    hand-added entries use besides ("SCOTLAND_YARD", "ASSAM_RIFLES")."""
    nouns = load("actor_nouns")
    lists = ("government_nouns", "title_words", "institution_heads", "party_heads", "party_words")
    words: set[str] = set().union(*(nouns.words(k) for k in lists))
    words |= load("plover_nouns").words("state_agents")
    words |= set(
        [
            "department",
            "agency",
            "bureau",
            "house",
            "palace",
            "street",
            "yard",
            "rifles",
            "brigade",
            "intelligence",
            "university",
            "republic",
            "soviet",
            "observatory",
            "declaration",
            "riot",
            "tank",
            "team",
            "community",
            "reserve",
            "services",
            "service",
            "administration",
            "leader",
            "islamic",
            "kremlin",
            "system",
            "dynasty",
        ]
    )
    return frozenset(words)


def _names_a_person(raw: str) -> bool:
    words = [w.lower() for w in raw.strip().strip("_").split("_") if w]
    if not 2 <= len(words) <= 4 or any(w.strip(".") in _not_person_words() for w in words):
        return False
    # "SOUTH_SUDAN", "IRAQI_KURDISTAN": a country or a place of one.
    g = gazetteer()
    text = " ".join(words).title()
    return not (g.country_by_name(text) or g.place(text) or any(g.demonym(w.title()) for w in words))


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(default_factory=list)  # (country, sector, dates)


def parse(path: Path) -> list[dict[str, str]]:
    people: list[Person] = []
    current: Person | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in " \t+":
            current = None
            name, _, comment = line.partition("#")
            # Persons are the CountryInfo entries, and the entries added by hand after them (the leaders of
            # the dictionary's last years: "NARENDRA_MODI") whose words name no body, office or place.
            shaped = re.fullmatch(r"[A-Z'\-]+(_[A-Z'\-]+)+_?", name.strip())
            if shaped and ("CountryInfo" in comment or _names_a_person(name)):
                current = Person(display(name))
                people.append(current)
        elif current is not None and line.startswith("+"):
            alias = display(line[1:].split("#")[0])
            if alias and alias != current.name:
                current.aliases.append(alias)
        elif current is not None:
            for country, sector, dates in ROLE.findall(line):
                current.roles.append((country, sector, dates.strip()))
    rows = []
    for person in people:
        if not person.roles:
            continue
        country = Counter(c for c, _, _ in person.roles).most_common(1)[0][0]
        rows.append(
            {
                "name": person.name,
                "aliases": "|".join(dict.fromkeys(person.aliases)),
                "country": country,
                "roles": " ".join(f"{s or '-'}:{d or '-'}" for c, s, d in person.roles if c == country),
            }
        )
    return rows


def main() -> None:
    rows = parse(Path(sys.argv[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# From Phoenix.Countries.actors.txt (Open Event Data Alliance, MIT licence), 2014.\n")
        writer = csv.DictWriter(fh, fieldnames=["name", "aliases", "country", "roles"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} people -> {OUT}")


if __name__ == "__main__":
    main()
