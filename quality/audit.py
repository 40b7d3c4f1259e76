"""The precision audit: a random sample of the relations the pipeline emits on real articles, each labelled by
hand right, wrong or debatable, kept in quality/audit/ and drawn anew after large changes.

    .venv/bin/python -m quality.audit draw OUT.yaml [--size 160] [--seed 7]   # sample, unlabelled
    .venv/bin/python -m quality.audit summary FILE.yaml                       # precision per type

The sample is drawn from the development corpus and the sample articles in data/ together, one relation per
(article, type, source, target), so that a fact stated twice is judged once, as the graph keeps it once.
"""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ingest.models import STRUCTURAL_TYPES, ArticleExtraction, ReadError
from ingest.pipeline import extract_paths
from polgraph.settings import Settings
from quality.corpus import ARTICLES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ARTICLES, ROOT / "data" / "articles")
LABELS = ("right", "wrong", "debatable")


def _rows(extractions: list[ArticleExtraction]) -> list[dict[str, Any]]:
    rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for ex in extractions:
        names = {e.id: e.name for e in ex.entities}
        names.update({el.id: f"election in {names.get(el.country, el.country)}" for el in ex.elections})
        article = Path(ex.article.source_path).name
        for r in ex.relations:
            key = (article, r.type, r.source, r.target)
            if key in rows:
                continue
            rows[key] = {
                "article": article,
                "type": r.type,
                "source": names.get(r.source, r.source),
                "target": names.get(r.target, r.target),
                "claimed_by": names.get(r.claimed_by, r.claimed_by) if r.claimed_by else None,
                "rule": r.evidence.rule,
                "sentence": " ".join(r.evidence.sentence.split()),
                "label": None,
                "note": None,
            }
    return list(rows.values())


def draw(out: Path, size: int, seed: int) -> None:
    extractions = [
        item
        for source in SOURCES
        for item in extract_paths([str(source)], Settings(nlp_processes=0))
        if not isinstance(item, ReadError)
    ]
    rows = _rows(extractions)
    sample = random.Random(seed).sample(rows, min(size, len(rows)))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout.strip()
    doc = {
        "drawn": date.today().isoformat(),
        "commit": commit,
        "population": len(rows),
        "seed": seed,
        "labels": "right: the text states this fact (type, direction and actors); wrong: it does not; "
        "debatable: a careful reader could code it either way",
        "relations": sample,
    }
    out.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
    print(f"{len(sample)} of {len(rows)} relations written to {out}")


def summary(path: Path) -> str:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = doc["relations"]
    unlabelled = [r for r in rows if r.get("label") not in LABELS]
    per_type: dict[str, Counter[str]] = {}
    for r in rows:
        if r.get("label") in LABELS:
            per_type.setdefault(r["type"], Counter())[r["label"]] += 1
    lines = [
        f"{path.name}: {len(rows)} relations drawn at {doc.get('commit')} ({len(unlabelled)} unlabelled)"
    ]
    total: Counter[str] = Counter()
    for rtype, counts in sorted(per_type.items()):
        total.update(counts)
        lines.append(_line(rtype, counts))
    structural = Counter[str]()
    for rtype in STRUCTURAL_TYPES:
        structural.update(per_type.get(rtype, Counter()))
    lines.append(_line("interactions", total - structural))
    lines.append(_line("structural", structural))
    lines.append(_line("all", total))
    return "\n".join(lines)


def _line(name: str, counts: Counter[str]) -> str:
    judged = counts["right"] + counts["wrong"]
    precision = f"{counts['right'] / judged:.2f}" if judged else "-"
    return (
        f"{name:<12} right {counts['right']:>3}  wrong {counts['wrong']:>3}  "
        f"debatable {counts['debatable']:>3}  precision {precision}"
    )


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "draw":
        size = int(argv[argv.index("--size") + 1]) if "--size" in argv else 160
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 7
        draw(Path(argv[1]), size, seed)
        return 0
    if len(argv) == 2 and argv[0] == "summary":
        print(summary(Path(argv[1])))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
