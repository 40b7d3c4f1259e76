"""A first load without transactions: the graph that writing these batches to an empty database would make,
folded batch by batch and handed to `neo4j-admin database import full` as CSV files.

`BulkGraph.write` takes each resolved batch as `GraphWriter.write` would and applies what every statement of
ingest/cypher/ does to an empty graph (MERGE on the same keys, the same ON CREATE and SET rules, in the same
order), so that the result is the graph a transactional ingest of the same articles makes, down to the
properties the schema's migrations would fill on an older graph (a fact's `first_reported`, `listed_on` and
`article_*`, a candidacy's `result`): a bulk-built database then needs only the migrations' indexes and
constraints (schema/migrate.py, `backfill=False`).

A later article can add to any actor, election, event or relationship, so they are kept until the end: the
actors, elections and events in memory, the relationships on disk between batches (bulk_store.py). The
articles, their evidence sentences and what joins them to an article are written out with their batch
(bulk_csv.py). The memory a bulk load needs grows with the corpus only by its actors, elections and events.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ingest.bulk_csv import Spills, write_node_files, write_rel_files
from ingest.bulk_store import Rel, RelKey, RelStore
from ingest.engines import batched
from ingest.models import PLOVER_TYPES, ArticleExtraction
from ingest.write import GraphBatch, WriteResult, build_batch

Row = dict[str, Any]

# Written out with their batch (bulk_csv.py): every article is read once, so no later batch changes an
# article, its evidence, or what joins them to it. Each file's columns: what the writer's statements set.
ARTICLE_COLUMNS = ("content_hash", "ingested_at", "outlet", "published", "source_path", "title", "url")
EVIDENCE_COLUMNS = (
    "article_id", "claimed_by", "confidence", "date", "end_char", "fact_key", "published_on", "rel_type",
    "rule", "sentence", "source_id", "start_char", "target_id",
)  # fmt: skip
# A pair's summary (:Dyad) is made at the end, and written out as it is made.
DYAD_COLUMNS = (
    "a", "b", "conflictual", "cooperative", "first_day", "interactions", "last_day", "net", "sources",
    "types",
)  # fmt: skip
SPILLED_COLUMNS = {"Article": ARTICLE_COLUMNS, "Evidence": EVIDENCE_COLUMNS, "Dyad": DYAD_COLUMNS}
# Relationships that end at an article, by the label group they start from, with their property columns.
TO_ARTICLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "Actor": ("count", "merges"),
    "Evidence": (),
    "Election": (),
    "Event": (),
}


def _unique_append(known: list[str], new: list[str]) -> list[str]:
    out = list(known)
    for x in new:
        if x not in out:
            out.append(x)
    return out


def _cypher_set(row: Row, values: Row) -> None:
    """Cypher's SET: a null removes the property."""
    for k, v in values.items():
        if v is None:
            row.pop(k, None)
        else:
            row[k] = v


def _coalesce(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _cypher_date(value: str) -> date:
    """Cypher's `date()` of an ISO date that may stop at the year or the month."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def name_grams(name: str, aliases: list[str]) -> str:
    """What ingest/cypher/actors.cypher sets as `name_grams`: each word's three-letter pieces."""
    text = " ".join([name, *aliases]).lower()
    chars = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in text)
    words: list[str] = []
    for w in chars.split(" "):
        if w and w not in words:
            words.append(w)
    return " ".join(w if len(w) < 3 else " ".join(w[i : i + 3] for i in range(len(w) - 2)) for w in words)


class BulkGraph:
    """A graph built from batches as the transactional writer would build it from an empty database, its
    CSV files written into `folder` (the articles and their evidence as their batches come)."""

    overlaps = False  # the fold is Python in this process: written between batches, not beside them

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.nodes: dict[str, dict[str, Row]] = defaultdict(dict)  # label group -> id -> properties
        self.labels: dict[str, list[str]] = {}  # actor id -> its labels
        self.store = RelStore(folder / "fold.sqlite", _pair)  # all but those that end at an article
        self.loaded_at = datetime.now(UTC)
        self.hashes: dict[str, str] = {}  # every article folded -> its content hash
        self.to_articles: dict[RelKey, Rel] = {}  # this batch's relationships ending at an article
        self.spilled = Spills(folder, SPILLED_COLUMNS, TO_ARTICLE_COLUMNS)

    def node_count(self) -> int:
        return sum(len(n) for n in self.nodes.values()) + self.spilled.nodes

    def rel_count(self) -> int:
        return self.store.count + len(self.to_articles) + self.spilled.relationships

    # ------------------------------------------------------------------------- the BatchWriter seam

    def stored_hashes(self, article_ids: list[str]) -> dict[str, str]:
        return {a: self.hashes[a] for a in article_ids if a in self.hashes}

    def write(self, extractions: list[ArticleExtraction]) -> WriteResult:
        stored = self.stored_hashes(sorted({ex.article.id for ex in extractions}))
        if stored:
            raise ValueError(f"a bulk load reads each article once; read again: {sorted(stored)[:3]}")
        before = self.node_count(), self.rel_count()
        unique = list({ex.article.id: ex for ex in extractions}.values())
        self.add(build_batch(unique))
        after = self.node_count(), self.rel_count()
        return WriteResult(
            states={ex.article.id: "new" for ex in unique},
            nodes_created=after[0] - before[0],
            relationships_created=after[1] - before[1],
        )

    # ------------------------------------------------------------------------------------ statements

    def add(self, batch: GraphBatch) -> None:
        """The statements of one batch, in GraphWriter's order."""
        for a in batch.articles:
            self._articles(a)
        for a in batch.actors:
            self._actor(a)
        for link in batch.links:
            if self._has("Actor", link["source"]) and self._has("Actor", link["target"]):
                self._merge_rel(link["type"], ("Actor", link["source"]), ("Actor", link["target"]))
        for m in batch.mentions:
            if self._has("Actor", m["actor"]) and self._has("Article", m["article"]):
                rel = self._merge_rel("MENTIONED_IN", ("Actor", m["actor"]), ("Article", m["article"]))
                rel.props.update(count=m["count"], merges=m["merges"])
        for e in batch.elections:
            self._election(e)
        for r in batch.results:
            self._result(r)
        for e in batch.events:
            self._event(e)
        for p in batch.participants:
            if self._has("Actor", p["entity"]) and self._has("Event", p["event"]):
                key = ("Actor", p["entity"]), ("Event", p["event"])
                rel = self._merge_rel("PARTICIPATED_IN", *key, merge_on=p["role"])
                rel.props["role"] = p["role"]
                self.store.add_ids(rel, [p["article_id"]])
        for r in batch.relations:
            self._relation(r)
        for e in batch.evidence:
            _cypher_set(self._merge_node("Evidence", e["id"]), {k: v for k, v in e.items() if k != "id"})
            if self._has("Article", e["article_id"]):
                self._merge_rel("EVIDENCE_OF", ("Evidence", e["id"]), ("Article", e["article_id"]))
        self._spill()

    def _spill(self) -> None:
        """The batch's articles, evidence and what ends at its articles, written out and let go; each fact it
        tells showing its best sentence so far, as fact_evidence.cypher sets it after every batch (every
        sentence of a fact comes in a batch that writes the fact); its other relationships back on disk."""
        articles = self.nodes.pop("Article", {})
        evidence = self.nodes.pop("Evidence", {})
        _date_evidence(articles, evidence)
        _show_best(self.store, articles, evidence)
        for article_id, row in articles.items():
            self.hashes[article_id] = row["content_hash"]
        self.spilled.add_nodes("Article", articles)
        self.spilled.add_nodes("Evidence", evidence)
        ending = self.to_articles.values()
        self.spilled.add_to_articles((r.start[0], r.start[1], r.end[1], r.type, r.props) for r in ending)
        self.to_articles = {}
        self.store.flush()

    def _has(self, group: str, node_id: str | None) -> bool:
        if group == "Article":  # the batch's own, not yet written out, or one written out before
            return node_id is not None and (node_id in self.nodes[group] or node_id in self.hashes)
        return node_id is not None and node_id in self.nodes[group]

    def _merge_node(self, group: str, node_id: str) -> Row:
        return self.nodes[group].setdefault(node_id, {"id": node_id})

    def _merge_rel(
        self, rel_type: str, start: tuple[str, str], end: tuple[str, str], merge_on: Any = None
    ) -> Rel:
        key = (rel_type, start, end, merge_on)
        if end[0] != "Article":
            return self.store.merge(key)
        return self.to_articles.setdefault(key, Rel(rel_type, start, end))

    def _articles(self, a: Row) -> None:
        row = self._merge_node("Article", a["id"])
        published = _cypher_date(a["published"]) if a["published"] else None
        values = {k: a[k] for k in ("title", "url", "outlet", "source_path", "content_hash")}
        _cypher_set(row, {**values, "published": published, "ingested_at": self.loaded_at})

    def _actor(self, a: Row) -> None:
        actors = self.nodes["Actor"]
        if a["id"] not in actors:
            row = self._merge_node("Actor", a["id"])
            _cypher_set(row, {"name": a["name"], "type": a["type"], "kb_id": a["kb_id"]})
            row["aliases"] = []
            self.labels[a["id"]] = ["Actor", a["type"]]
        row = actors[a["id"]]
        row["aliases"] = _unique_append(row["aliases"], a["aliases"])
        # Its search text lives on its own node, as actors.cypher writes it (schema/V0011).
        search = self._merge_node("ActorSearch", a["id"])
        search["name"] = row["name"]
        search["aliases_text"] = "".join([row["name"], *(f" | {x}" for x in row["aliases"])])
        search["name_grams"] = name_grams(row["name"], row["aliases"])
        _cypher_set(row, {"country": _coalesce(row.get("country"), a["country"])})

    def _election(self, e: Row) -> None:
        if e["id"] not in self.nodes["Election"]:
            row = self._merge_node("Election", e["id"])
            start = _cypher_date(e["date"]) if e["date"] else None
            _cypher_set(
                row,
                {"kind": e["kind"], "date": e["date"], "date_precision": e["date_precision"]}
                | {"date_start": start, "allegations": []},
            )
        row = self.nodes["Election"][e["id"]]
        _cypher_set(
            row,
            {
                "annulled": _coalesce(e["annulled"], row.get("annulled")),
                "turnout": _coalesce(e["turnout"], row.get("turnout")),
                "allegations": _unique_append(row["allegations"], e["allegations"]),
                "name": e["name"],
            },
        )
        if not self._has("Article", e["article_id"]):
            return
        self._merge_rel("REPORTED_IN", ("Election", e["id"]), ("Article", e["article_id"]))
        if self._has("Actor", e["country"]):
            self._merge_rel("HELD_IN", ("Election", e["id"]), ("Actor", e["country"]))
            year = f" {e['date'][:4]}" if e["date"] is not None else ""
            row["name"] = f"{self.nodes['Actor'][e['country']]['name']} {e['kind']}{year}"

    def _result(self, r: Row) -> None:
        if not (self._has("Actor", r["participant"]) and self._has("Election", r["election"])):
            return
        rel = self._merge_rel("CANDIDATE_IN", ("Actor", r["participant"]), ("Election", r["election"]))
        self.store.add_ids(rel, [r["article_id"]])
        p = rel.props
        _cypher_set(
            p,
            {
                "vote_share": _coalesce(r["vote_share"], p.get("vote_share")),
                "votes": _coalesce(r["votes"], p.get("votes")),
                "won": _coalesce(r["won"], p.get("won")),
            },
        )
        p["result"] = _result_caption(p.get("vote_share"), p.get("won"))

    def _event(self, e: Row) -> None:
        if e["id"] not in self.nodes["Event"]:
            row = self._merge_node("Event", e["id"])
            start = _cypher_date(e["date"]) if e["date"] else None
            _cypher_set(
                row,
                {"type": e["type"], "date": e["date"], "date_precision": e["date_precision"]}
                | {"date_start": start},
            )
        row = self.nodes["Event"][e["id"]]
        values = {k: _coalesce(e[k], row.get(k)) for k in ("name", "size", "deaths", "injured", "arrested")}
        _cypher_set(row, {**values, "status": e["status"]})
        if not self._has("Article", e["article_id"]):
            return
        self._merge_rel("REPORTED_IN", ("Event", e["id"]), ("Article", e["article_id"]))
        if self._has("Actor", e["country"]):
            self._merge_rel("HELD_IN", ("Event", e["id"]), ("Actor", e["country"]))
        if self._has("Actor", e["location"]):
            self._merge_rel("AT", ("Event", e["id"]), ("Actor", e["location"]))

    def _relation(self, r: Row) -> None:
        if not self._has("Actor", r["source"]):
            return
        if self._has("Actor", r["target"]):
            target = ("Actor", r["target"])
        elif self._has("Election", r["target"]):
            target = ("Election", r["target"])
        else:
            return
        rel = self._merge_rel(r["type"], ("Actor", r["source"]), target, merge_on=r["key"])
        p = rel.props
        sources = self.store.add_ids(rel, r["article_ids"])
        first = min(filter(None, [r["first_date"], p.get("first_date")]), default=None)
        last = max(filter(None, [r["last_date"], p.get("last_date")]), default=None)
        known_confidence = p.get("confidence", 0.0)
        told = _cypher_date(r["first_reported"]) if r["first_reported"] else None
        reported = min(filter(None, [told, p.get("first_reported")]), default=None)
        day = _cypher_date(first) if first else None
        _cypher_set(
            p,
            {
                "key": r["key"],
                "sources": sources,
                "rules": _unique_append(p.get("rules", []), r["rules"]),
                "confidence": r["confidence"] if r["confidence"] > known_confidence else known_confidence,
                "claimed_by": r["claimed_by"],
                "title": _coalesce(r["title"], p.get("title")),
                "mode": _coalesce(p.get("mode"), r.get("mode")),
                "quad_class": r.get("quad_class"),
                "intensity": r.get("intensity"),
                "intensity_basis": r.get("intensity_basis"),
                "first_date": first,
                "last_date": last,
                "first_reported": reported,
                "date_start": day,
                "listed_on": _coalesce(day, reported, UNDATED),
            },
        )

    # ------------------------------------------------------------------------------------ CSV files

    def write_csv(self) -> tuple[list[str], list[str]]:
        """(node files, relationship files) for neo4j-admin, each an import argument: a file per label group
        and one per pair of groups joined, with its own typed header (its header file first, for the files
        written a batch at a time)."""
        written = write_rel_files(self.folder, self.store.columns, _rel_rows(self.store, self.spilled))
        spilled_nodes, spilled_rels = self.spilled.files()
        return write_node_files(self.folder, self.nodes, self.labels) + spilled_nodes, written + spilled_rels

    def close(self) -> None:
        self.store.close()


# What Cypher's `date('0001-01-01')` gives an undated fact as the day it is listed by (schema/V0008), and
# an undated article's sentence as the day it is ordered by (schema/V0015).
UNDATED = date(1, 1, 1)


def _java_double(value: float) -> str:
    """Cypher's `toString` of a float (Java's Double.toString): plain from 10^-3 to 10^7, else "1.0E-4"."""
    if value == 0 or 1e-3 <= abs(value) < 1e7:
        return repr(float(value))
    sign, digits, exponent = Decimal(repr(float(value))).normalize().as_tuple()
    text = "".join(map(str, digits))
    power = int(exponent) + len(digits) - 1
    return f"{'-' if sign else ''}{text[0]}.{text[1:] or '0'}E{power}"


def _result_caption(vote_share: float | None, won: bool | None) -> str:
    """What ingest/cypher/election_results.cypher captions a candidacy with."""
    if vote_share is not None:
        return _java_double(vote_share) + " %"
    if won is None:
        return "candidate"
    return "won" if won else "lost"


def _date_evidence(articles: dict[str, Row], evidence: dict[str, Row]) -> None:
    """Each sentence's `published_on`, as ingest/cypher/evidence.cypher sets it from its article."""
    for ev in evidence.values():
        art = articles.get(ev.get("article_id") or "")
        if art is not None:
            ev["published_on"] = art.get("published") or UNDATED


def _show_best(store: RelStore, articles: dict[str, Row], evidence: dict[str, Row]) -> None:
    """Each fact's best sentence among those of `evidence` and those kept before, by the order of
    ingest/cypher/fact_evidence.cypher, with its article: only what the fact shows, so that neither row is
    kept alive by it; and the facts of the batch at work showing it."""
    chosen = store.best(ev["fact_key"] for ev in evidence.values() if ev.get("fact_key") is not None)
    changed: set[str] = set()
    for ev_id, ev in evidence.items():
        art = articles.get(ev.get("article_id") or "")
        key = ev.get("fact_key")
        # The index the statement reads holds only sentences with all three set (schema/V0015).
        if art is None or key is None or ev.get("confidence") is None or ev.get("published_on") is None:
            continue
        rank = (ev["confidence"], ev["published_on"], ev_id)  # all three descending
        known = chosen.get(key)
        if known is None or rank > known[0]:
            shown = {
                "article_sentence": ev.get("sentence"),
                "article_title": art.get("title"),
                "article_url": art.get("url"),
                "article_published": art.get("published"),
            }
            chosen[key] = (rank, shown)
            changed.add(key)
    store.keep_best({k: chosen[k] for k in changed})
    # Every fact the batch tells, not only those whose best changed: a fact first written by this batch may
    # have had its best sentence in a batch that could not write it.
    for rel in store.hot.values():
        if (key := rel.props.get("key")) in chosen:
            _cypher_set(rel.props, chosen[key][1])


def _rel_rows(store: RelStore, spilled: Spills) -> Iterator[tuple[str, str, str, str, str, Row]]:
    """Every relationship kept, as its file's row, read once: each pair's summary written out as its facts
    go by."""
    for rel in store.rels(unpaired=True):
        yield rel.start[0], rel.end[0], rel.type, rel.start[1], rel.end[1], rel.props
    for chunk in batched(store.pairs(), 10_000):
        spilled.add_nodes("Dyad", {pair: _dyad(facts) for pair, facts in chunk})
        for _, facts in chunk:
            for rel in facts:
                yield rel.start[0], rel.end[0], rel.type, rel.start[1], rel.end[1], rel.props


def _pair(rel: Rel) -> str | None:
    """The pair whose summary the relationship counts in, as ingest/cypher/dyads.cypher picks the pair's
    interactions: the two actors' ids, least first."""
    a, b = rel.start, rel.end
    interaction = rel.type in PLOVER_TYPES and rel.props.get("intensity") is not None
    if interaction and a[0] == b[0] == "Actor" and a != b:
        return f"{min(a[1], b[1])}|{max(a[1], b[1])}"
    return None


def _dyad(facts: list[Rel]) -> Row:
    """A pair's summary, as ingest/cypher/dyads.cypher works it out from the pair's interactions (its net
    rounded to 4 places, so that the order of the sum does not show)."""
    first = facts[0]
    a_id, b_id = sorted((first.start[1], first.end[1]))
    props = [r.props for r in facts]
    days = [d for p in props if (d := _coalesce(p.get("date_start"), p.get("first_reported"))) is not None]
    seen = {r.type for r in facts}
    row = {
        "a": a_id,
        "b": b_id,
        "interactions": len(props),
        "net": round(sum(p["intensity"] for p in props), 4),
        "sources": sum(p["sources"] for p in props),
        "cooperative": sum(1 for p in props if p["intensity"] > 0),
        "conflictual": sum(1 for p in props if p["intensity"] < 0),
        "first_day": min(days, default=None),
        "last_day": max(days, default=None),
        "types": [t for t in PLOVER_TYPES if t in seen],
    }
    return {k: v for k, v in row.items() if v is not None}
