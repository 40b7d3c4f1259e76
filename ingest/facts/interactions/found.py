"""One relation as a rule finds it, before the sentence's relations are deduplicated and scored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Found:
    type: str
    source: str
    target: str
    rule: str
    claimed_by: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None
