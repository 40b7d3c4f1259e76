"""The quality figures `make quality` prints: the development corpus of real articles (quality/devcorpus:
recall and precision per relation type, elections, vote shares, events, alias groups), and the gold of
../shared/gold (seeds.yaml on the sample articles, the PLOVER dev sentences).

    .venv/bin/python -m scripts.gold_figures [-v]      # -v: every miss and every wrong fact
"""

from __future__ import annotations

import sys
from pathlib import Path

from ingest.models import ArticleExtraction, ReadError
from ingest.pipeline import extract_paths
from polgraph.settings import Settings
from quality import corpus
from quality import score as devscore
from tests.gold import plover_scoring, seeds_scoring

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"


def extract_dir(path: Path) -> dict[str, ArticleExtraction]:
    extractions: dict[str, ArticleExtraction] = {}
    for item in extract_paths([str(path)], Settings(nlp_processes=0)):
        if isinstance(item, ReadError):
            print(f"unreadable: {item.source}: {item.problem}", file=sys.stderr)
        else:
            extractions[Path(item.article.source_path).name] = item
    return extractions


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    dev_gold = corpus.load_all()
    if dev_gold:
        dev = devscore.score(dev_gold, extract_dir(corpus.ARTICLES))
        print(f"development corpus: {len(dev_gold)} real articles (quality/devcorpus)")
        print(dev.table())
        if verbose:
            listed = {"missed": dev.misses, "wrong": dev.wrong, "false merges": dev.false_merges}
            for title, lines in listed.items():
                print("\n  ".join([f"{title}:", *lines]))
        print()
    gold = seeds_scoring.load_gold(GOLD / "seeds.yaml")
    seeds = seeds_scoring.score(gold, extract_dir(ROOT / "data" / "articles"))
    print(seeds.report())
    plover = plover_scoring.score(
        plover_scoring.load_items(GOLD / "plover_dev.jsonl"), plover_scoring.pipeline_predict
    )
    print(plover.report())
    if verbose:
        print("\n".join(seeds.misses + plover.misses))


if __name__ == "__main__":
    main(sys.argv[1:])
