"""The development corpus (quality/devcorpus/): real articles and their hand annotations, typed and checked.

The annotation schema is written down in quality/devcorpus/GUIDELINES.md; `check` enforces what can be
enforced mechanically (an evidence string is in its article, every actor of a fact is declared, every spelling
occurs in the text), so that a scoring run never silently skips a fact because of a typo in the gold file.

    .venv/bin/python -m quality.corpus          # validates every gold file, prints the problems
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from ingest.models import RELATION_TYPES

CORPUS = Path(__file__).resolve().parent / "devcorpus"
ARTICLES = CORPUS / "articles"
GOLD = CORPUS / "gold"
REGIONS = ("africa", "americas", "europe", "mena", "asia")


def _iso(value: Any) -> Any:
    # YAML reads an unquoted 2020-10-28 as a date and 2020 as an int; the gold keeps dates as text, at the
    # precision the article gives.
    return value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, int) else value


GoldDate = Annotated[str | None, BeforeValidator(_iso)]

EntityType = Literal["Person", "Party", "Organization", "Country", "Location"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldEntity(_Strict):
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None

    def spellings(self) -> set[str]:
        return {self.name, *self.aliases}


class GoldRelation(_Strict):
    type: str
    source: str
    target: str
    evidence: str
    claimed_by: str | None = None
    date: GoldDate = None
    alt_types: list[str] = Field(default_factory=list)
    optional: bool = False

    def types(self) -> set[str]:
        return {self.type, *self.alt_types}


class GoldResult(_Strict):
    candidate: str | None = None
    party: str | None = None
    vote_share: float | None = None
    votes: int | None = None
    won: bool | None = None

    @property
    def who(self) -> str:
        return self.candidate or self.party or ""


class GoldEvent(_Strict):
    type: str
    kind: str | None = None  # elections: presidential, parliamentary, referendum, local, other
    country: str | None = None
    location: str | None = None
    date: GoldDate = None
    results: list[GoldResult] = Field(default_factory=list)
    size: int | None = None
    count: int | None = None
    deaths: int | None = None
    injured: int | None = None
    organizer: str | None = None
    status: Literal["occurred", "announced"] = "occurred"
    note: str | None = None


class GoldArticle(_Strict):
    url: str
    outlet: str
    published: date | None = None
    title: str
    licence: str
    entities: list[GoldEntity] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)

    def entity(self, name: str) -> GoldEntity | None:
        return next((e for e in self.entities if e.name == name), None)


class GoldRegion(_Strict):
    region: str
    articles: dict[str, GoldArticle]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_region(path: Path) -> GoldRegion:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return GoldRegion.model_validate(data)


def load_all(gold_dir: Path = GOLD) -> dict[str, GoldArticle]:
    """Every annotated article by file name (region files never share a name: the region is its prefix)."""
    articles: dict[str, GoldArticle] = {}
    for path in sorted(gold_dir.glob("*.yaml")):
        articles.update(load_region(path).articles)
    return articles


def check_article(name: str, gold: GoldArticle, articles_dir: Path = ARTICLES) -> list[str]:
    problems: list[str] = []
    text_path = articles_dir / name
    meta_path = text_path.with_name(text_path.stem + ".meta.json")
    if not text_path.is_file():
        return [f"{name}: no article file {text_path}"]
    text = _squash(text_path.read_text(encoding="utf-8"))
    lowered = text.lower()
    if not meta_path.is_file():
        problems.append(f"{name}: no sidecar {meta_path.name}")
    else:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("url") != gold.url:
            problems.append(f"{name}: sidecar url differs from the gold file's")
    names = [e.name for e in gold.entities]
    if len(names) != len(set(names)):
        problems.append(f"{name}: an entity is declared twice")
    for ent in gold.entities:
        for spelling in ent.spellings():
            if spelling.lower() not in lowered:
                problems.append(f"{name}: spelling {spelling!r} of {ent.name} is not in the text")
    declared = set(names)
    for rel in gold.relations:
        where = f"{name}: {rel.type} {rel.source} -> {rel.target}"
        for t in rel.types():
            if t not in RELATION_TYPES:
                problems.append(f"{where}: unknown type {t}")
        if rel.source not in declared:
            problems.append(f"{where}: source not among the entities")
        if rel.type != "HOLDS_ROLE" and rel.target not in declared:
            problems.append(f"{where}: target not among the entities")
        if rel.claimed_by and rel.claimed_by not in declared:
            problems.append(f"{where}: claimed_by {rel.claimed_by} not among the entities")
        if _squash(rel.evidence) not in text:
            problems.append(f"{where}: evidence {rel.evidence!r} is not in the text")
        if rel.type == "HOLDS_ROLE" and " of " not in rel.target:
            problems.append(f"{where}: an office is written '<Title> of <Country>'")
    for ev in gold.events:
        for actor in (ev.country, ev.organizer, *(r.who for r in ev.results)):
            if actor and actor not in declared:
                problems.append(f"{name}: {ev.type} names {actor!r}, which is not among the entities")
        if ev.type == "Election" and ev.kind not in (
            "presidential",
            "parliamentary",
            "referendum",
            "local",
            "other",
        ):
            problems.append(f"{name}: election kind {ev.kind!r}")
    return problems


def check(gold_dir: Path = GOLD, articles_dir: Path = ARTICLES) -> list[str]:
    problems: list[str] = []
    for path in sorted(gold_dir.glob("*.yaml")):
        try:
            region = load_region(path)
        except (ValidationError, yaml.YAMLError) as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        for name, gold in region.articles.items():
            if not name.startswith(region.region + "-"):
                problems.append(f"{path.name}: article {name} does not carry the region prefix")
            problems.extend(check_article(name, gold, articles_dir))
    return problems


def main() -> int:
    problems = check()
    articles = load_all() if not problems else {}
    for line in problems:
        print(line)
    if not problems:
        relations = sum(len(a.relations) for a in articles.values())
        print(f"ok: {len(articles)} articles, {relations} relations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
