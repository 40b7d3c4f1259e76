"""The one exception the ingest stages raise for input they cannot use."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot become an article: `source` names it, `problem` says why in one sentence."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"
