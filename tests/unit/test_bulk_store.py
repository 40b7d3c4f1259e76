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
    first.props["rules"] = ["r1"]
    assert store.merge(("SUPPORT", A, B, "fact-1")) is first  # within a batch: the same object
    store.flush()
    assert store.hot == {}
    again = store.merge(("SUPPORT", A, B, "fact-1"))
    assert again is not first and again.props == {"rules": ["r1"]}
    again.props["rules"].append("r2")
    other = store.merge(("SUPPORT", A, B, "fact-2"))  # another key between the same actors
    assert other.props == {}
    store.flush()
    assert store.count == 2
    stored = {r.props.get("rules", [None])[-1] for r in store.rels()}
    assert stored == {"r2", None}
    assert store.columns == {("Actor", "Actor"): {"rules"}}


def test_article_ids_are_appended_batch_by_batch_and_read_back_in_order(tmp_path: Path) -> None:
    store = RelStore(tmp_path / "fold.sqlite", pair_of)
    key = ("SUPPORT", A, B, "fact-1")
    assert store.add_ids(store.merge(key), ["a1", "a2", "a1"]) == 2  # a batch's own repeat counted once
    store.flush()
    assert store.add_ids(store.merge(key), ["a3"]) == 3
    store.flush()
    size = store._db.execute("SELECT length(value) FROM rel").fetchone()[0]
    for batch in range(50):
        store.add_ids(store.merge(key), [f"b{batch}-{i}" for i in range(20)])
        store.flush()
    # What a batch reads and writes back of the fact stays the same size however many articles tell it,
    # but for the bytes of their count (1,003 ids would be some 6 KB more).
    assert store._db.execute("SELECT length(value) FROM rel").fetchone()[0] <= size + 2
    member = store.merge(("MEMBER_OF", A, C, None))  # no ids: none read back, no column
    (fact,) = [r for _, rels in store.pairs() for r in rels]
    assert (
        fact.props["article_ids"][:4] == ["a1", "a2", "a3", "b0-0"] and len(fact.props["article_ids"]) == 1003
    )
    assert fact.props["article_ids"][-1] == "b49-19"
    assert [r.props for r in store.rels(unpaired=True)] == [member.props] == [{}]
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
