"""Stable ids: the same name and type give the same id in every run, on every machine."""

from __future__ import annotations

import hashlib
import re

from unidecode import unidecode

from ingest.models import EntityType


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: "Ömürbek Babanov" -> "omurbek-babanov"."""
    ascii_text = unidecode(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def entity_id(entity_type: EntityType, key: str) -> str:
    """`key` is already normalised by the resolver (a transliteration key for people)."""
    return f"{entity_type.value.lower()}:{slugify(key)}"


def short_hash(*parts: str, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]
