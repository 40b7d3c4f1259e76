"""The bulk load's store of relationships between batches: what a batch merges is read back from disk by the
next, and a pair's facts come out together."""

from __future__ import annotations

from pathlib import Path

from ingest.bulk_store import Rel, RelStore

A = ("Actor", "person:ana-vell")
B = ("Actor", "person:bo-rask")
C = ("Actor", "org:civic-front")


def pair_of(rel: Rel) -> str | None:
    return "|".join(sorted((rel.start[1], rel.end[1]))) if rel.type == "SUPPORT" else None


def test_a_relationship_merged_again_after_a_flush_is_the_one_stored(tmp_path: Path) -> None:
    store = RelStore(tmp_path / "fold.sqlite", pair_of)
    first = store.merge(("SUPPORT", A, B, "fact-1"))
    first.props["article_ids"] = ["a1"]
    assert store.merge(("SUPPORT", A, B, "fact-1")) is first  # within a batch: the same object
    store.flush()
    assert store.hot == {}
    again = store.merge(("SUPPORT", A, B, "fact-1"))
    assert again is not first and again.props == {"article_ids": ["a1"]}
    again.props["article_ids"].append("a2")
    other = store.merge(("SUPPORT", A, B, "fact-2"))  # another key between the same actors
    assert other.props == {}
    store.flush()
    assert store.count == 2
    stored = {r.props.get("article_ids", [None])[-1] for r in store.rels()}
    assert stored == {"a2", None}
    assert store.columns == {("Actor", "Actor"): {"article_ids"}}


def test_a_pairs_facts_come_out_together_whichever_way_they_point(tmp_path: Path) -> None:
    store = RelStore(tmp_path / "fold.sqlite", pair_of)
    store.merge(("SUPPORT", A, B, "k1"))
    store.merge(("SUPPORT", C, A, "k2"))
    store.flush()
    store.merge(("SUPPORT", B, A, "k3"))
    store.merge(("MEMBER_OF", A, C, None))  # not in any pair's summary
    pairs = {pair: sorted(r.props.get("x", r.start[1]) for r in rels) for pair, rels in store.pairs()}
    assert pairs == {
        "org:civic-front|person:ana-vell": ["org:civic-front"],
        "person:ana-vell|person:bo-rask": ["person:ana-vell", "person:bo-rask"],
    }


def test_a_facts_best_sentence_is_kept_across_batches(tmp_path: Path) -> None:
    store = RelStore(tmp_path / "fold.sqlite", pair_of)
    assert store.best(["k1"]) == {}
    store.keep_best({"k1": ((0.9, "2024-01-02", "ev-1"), {"article_sentence": "S"})})
    store.keep_best({"k2": ((0.5, "2024-01-01", "ev-2"), {"article_sentence": "T"})})
    assert store.best(["k1", "k3", "k1"]) == {"k1": ((0.9, "2024-01-02", "ev-1"), {"article_sentence": "S"})}
