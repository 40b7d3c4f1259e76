"""Cypher lives in `.cypher` files; code loads it by name and always sends parameters."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)


@lru_cache(maxsize=256)
def load_cypher(folder: Path, name: str) -> str:
    """Text of `folder/name.cypher`; a missing file is a programming error and says which."""
    path = folder / f"{name}.cypher"
    if not path.is_file():
        raise FileNotFoundError(f"no Cypher file {path}")
    return path.read_text(encoding="utf-8")


def split_statements(text: str) -> list[str]:
    """Statements of a migration file, separated by `;` at line ends (schema files hold no string literals
    containing semicolons, so this simple split is exact for them)."""
    body = _LINE_COMMENT.sub("", text)
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]
