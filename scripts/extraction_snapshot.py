"""Everything the pipeline extracts from a fixed set of texts, as sorted JSON lines: a change that must not
change behaviour is checked by comparing two snapshots.

    .venv/bin/python -m scripts.extraction_snapshot OUT.jsonl [--synthetic N]
    diff <(...before) <(...after)

The texts: the sample articles in data/articles, N synthetic articles from the bench corpus generator (the
same on every machine), and, when ../shared is beside the project, the seeds and the PLOVER dev sentences.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench.corpus import generate
from ingest.models import RawArticle
from ingest.pipeline import Pipeline
from ingest.read import read_inputs
from polgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def texts(synthetic: int) -> list[RawArticle]:
    # A path relative to the checkout, so that two checkouts of the same code give the same snapshot.
    raws = [r for r in read_inputs(["data/articles"]) if isinstance(r, RawArticle)]
    raws += list(generate(synthetic))
    dev = SHARED / "gold" / "plover_dev.jsonl"
    if dev.exists():
        with dev.open(encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh if line.strip()]
        raws += [RawArticle(source_path=item["id"], text=item["text"]) for item in items]
    return raws


def main(argv: list[str]) -> None:
    out = Path(argv[0]).resolve()
    os.chdir(ROOT)
    synthetic = int(argv[argv.index("--synthetic") + 1]) if "--synthetic" in argv else 300
    pipeline = Pipeline(Settings(nlp_processes=0))
    raws = texts(synthetic)
    lines = []
    # One article a batch: what corpus resolution does across a batch is not what this snapshot guards, and
    # batches of one make each article's output independent of its neighbours.
    for raw in raws:
        extractions, errors = pipeline.extract_batch([raw])
        for ex in extractions:
            lines.append(ex.model_dump_json())
        for err in errors:
            lines.append(err.model_dump_json())
    out.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    print(f"{len(raws)} texts, {len(lines)} lines -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
