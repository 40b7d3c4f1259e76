"""Extraction knowledge as data: every word list and table under this folder is read through `load(name)`.

A lexicon is loaded once per process. `words(key)` is the lower-cased set of a list; asking for a key the file
does not have raises KeyError naming the file, so a misspelt key fails at once instead of matching nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DIRECTORY = Path(__file__).resolve().parent


class Lexicon:
    """One YAML file of the folder: its raw mapping and its word lists as lower-cased sets."""

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        self.name = name
        self.data = data
        self._words: dict[str, frozenset[str]] = {}

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r})"

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def __getitem__(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            raise KeyError(f"lexicon {self.name}.yaml has no key {key!r}") from None

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def words(self, key: str) -> frozenset[str]:
        # Asked for per token on hot paths, so each list is lowered once.
        found = self._words.get(key)
        if found is None:
            value = self[key]
            if not isinstance(value, list):
                raise KeyError(f"lexicon {self.name}.yaml: {key!r} is not a word list")
            if any(isinstance(w, bool) for w in value):
                # YAML reads a bare no/on/yes/off as a boolean: "on" would silently match nothing.
                raise ValueError(f"lexicon {self.name}.yaml: {key!r} holds a boolean; quote words like 'on'")
            found = self._words[key] = frozenset(str(w).lower() for w in value)
        return found


@dataclass(frozen=True)
class DerivedLexicon:
    """A lexicon with tables an extractor builds from it once (subclasses add them as fields); its raw values
    and word lists stay readable through it."""

    source: Lexicon

    @property
    def raw(self) -> dict[str, Any]:
        return self.source.data

    def words(self, key: str) -> frozenset[str]:
        return self.source.words(key)


@cache
def load(name: str) -> Lexicon:
    """The lexicon `name` (`ingest/lexicons/<name>.yaml`), read once."""
    path = DIRECTORY / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {path.name} must be a mapping of keys to values")
    return Lexicon(name, data)


@cache
def rows(name: str) -> tuple[dict[str, Any], ...]:
    """The records of `ingest/lexicons/<name>.jsonl`, one JSON object a line, read once."""
    path = DIRECTORY / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())
