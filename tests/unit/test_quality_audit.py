"""The audit summary counts labels per type and leaves debatable ones out of precision."""

from __future__ import annotations

from pathlib import Path

import yaml

from quality.audit import summary


def test_precision_counts_right_over_right_and_wrong(tmp_path: Path) -> None:
    rows = [
        {"type": "ACCUSE", "label": "right"},
        {"type": "ACCUSE", "label": "wrong"},
        {"type": "ACCUSE", "label": "debatable"},
        {"type": "SUPPORT", "label": "right"},
        {"type": "SUPPORT", "label": None},
    ]
    path = tmp_path / "audit.yaml"
    path.write_text(yaml.safe_dump({"commit": "abc", "relations": rows}), encoding="utf-8")
    text = summary(path)
    assert "(1 unlabelled)" in text
    assert "ACCUSE       right   1  wrong   1  debatable   1  precision 0.50" in text
    assert "all          right   2  wrong   1  debatable   1  precision 0.67" in text
