"""The files an ingest would read, listed without reading them, so that other processes (a Dask cluster's
workers) can read them; `read_files` reads them exactly as `read_inputs` does."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.models import RawArticle, ReadError
from ingest.read import STDIN_SOURCE, _read_path, _walk_files


@dataclass(frozen=True)
class InputFile:
    """A file `read_inputs` would read, not read yet: so that other processes can read it."""

    path: str
    top_level: bool  # given by name rather than found in a directory
    size: int


def input_files(paths: list[str]) -> Iterator[InputFile | ReadError]:
    """The files of `paths`, in the order `read_inputs` reads them, without reading them. A directory that
    holds no file at all is reported here; every other problem is found by `read_files`."""
    for path in paths:
        if path == "-":
            yield ReadError(source=STDIN_SOURCE, problem="standard input can only be read by read_inputs")
            continue
        root = Path(path)
        if not root.is_dir():
            yield InputFile(path, True, _size(root))
            continue
        found = False
        for item in _walk_files(root, frozenset()):
            if isinstance(item, ReadError):
                yield item
            else:
                found = True
                yield InputFile(str(item), False, _size(item))
        if not found:
            yield ReadError(source=path, problem="directory holds no readable articles")


def read_files(files: Iterable[InputFile], *, max_bytes: int = 5_000_000) -> Iterator[RawArticle | ReadError]:
    """What `read_inputs` reads from these files."""
    for file in files:
        yield from _read_path(Path(file.path), max_bytes, top_level=file.top_level)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
