"""The gold figures `make test` prints, without the rest of the suite: seeds.yaml on the sample articles and
the PLOVER dev sentences (both from ../shared/gold).

    .venv/bin/python -m scripts.gold_figures [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

from ingest.models import ArticleExtraction, ReadError
from ingest.pipeline import extract_paths
from polgraph.settings import Settings
from tests.gold import plover_scoring, seeds_scoring

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"


def main(argv: list[str]) -> None:
    gold = seeds_scoring.load_gold(GOLD / "seeds.yaml")
    extractions: dict[str, ArticleExtraction] = {}
    for item in extract_paths([str(ROOT / "data" / "articles")], Settings(nlp_processes=0)):
        if not isinstance(item, ReadError):
            extractions[Path(item.article.source_path).name] = item
    seeds = seeds_scoring.score(gold, extractions)
    print(seeds.report())
    plover = plover_scoring.score(
        plover_scoring.load_items(GOLD / "plover_dev.jsonl"), plover_scoring.pipeline_predict
    )
    print(plover.report())
    if "-v" in argv:
        print("\n".join(seeds.misses + plover.misses))


if __name__ == "__main__":
    main(sys.argv[1:])
