"""Read articles from files, directories and stdin.

Every problem with one input becomes a ReadError in the output stream, in order, so a batch never stops
because one file is bad. Supported inputs:

- `.txt`: plain text; an optional sidecar `NAME.meta.json` gives title, url, published, outlet.
- `.html` / `.htm`: main text and metadata through trafilatura (comments left out).
- `.json`: one object or a list of objects; `.jsonl`: one object a line. Fields: `text` and optional
  `id`, `title`, `url`, `published`, `outlet`.
- a directory: read recursively in sorted order, skipping sidecars and hidden files.
- `-`: stdin; JSON lines when it starts with `{`, plain text otherwise.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import dateparser

from ingest.models import RawArticle, ReadError
from ingest.screen import MAX_CONTROL_SHARE, control_share

SIDECAR_SUFFIX = ".meta.json"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES
STDIN_SOURCE = "<stdin>"
SIDECAR_MAX_BYTES = 1_000_000
# Python's JSON parser recurses once per level of nesting and gives up past its recursion limit.
TOO_DEEP = "JSON nested too deeply (arrays or objects inside each other past the parser's limit)"
META_FIELDS = ("title", "url", "outlet")
MIN_HTML_WORDS = 5

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
# Files a folder of articles often holds beside them (a data package's licence, a readme): never news.
NOT_ARTICLE_NAMES = re.compile(
    r"(licen[cs]e|copying|notice|readme|changelog|authors)([._-].*)?$", re.IGNORECASE
)
# A year with a minus sign: dateparser would read "-0044-03-15" as the year 44.
BEFORE_YEAR_ONE = re.compile(r"^\s*-\s*\d")


class _Problem(Exception):
    """Internal: one input failed; turned into a ReadError by the caller."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(problem)
        self.source = source
        self.problem = problem


def read_inputs(
    paths: list[str], stdin: TextIO | None = None, *, max_bytes: int = 5_000_000
) -> Iterator[RawArticle | ReadError]:
    """Yield one RawArticle per article found, or a ReadError per input that could not be read."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
        else:
            yield from _read_path(Path(path), max_bytes, top_level=True)


# ---------------------------------------------------------------------------------------------- paths


def _read_path(path: Path, max_bytes: int, *, top_level: bool) -> Iterator[RawArticle | ReadError]:
    source = str(path)
    if not path.exists():
        if path.is_symlink():
            yield ReadError(source=source, problem="symbolic link points to nothing (broken link)")
        else:
            yield ReadError(source=source, problem="path does not exist")
        return
    if path.is_dir():
        yield from _read_directory(path, max_bytes)
        return
    suffix = path.suffix.lower()
    if path.name.endswith(SIDECAR_SUFFIX):
        if top_level:
            yield ReadError(
                source=source,
                problem="is a metadata sidecar, not an article; give its .txt file",
            )
        return
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReadError(
            source=source,
            problem=f"unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
        return
    if not top_level and NOT_ARTICLE_NAMES.match(path.name):
        yield ReadError(source=source, problem="not an article: a licence, readme or other project file")
        return
    try:
        yield from _read_file(path, suffix, max_bytes)
    except _Problem as problem:
        yield ReadError(source=problem.source, problem=problem.problem)
    except Exception as exc:  # a reader's own failure on one odd input must not stop the batch
        yield ReadError(source=source, problem=f"could not be read: {type(exc).__name__}: {exc}")


def _read_directory(root: Path, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    """Walk `root` depth-first in sorted order, refusing to enter a directory twice (symlink loops)."""
    found = 0
    problems = 0
    for item in _walk(root, max_bytes, ancestors=frozenset()):
        if isinstance(item, RawArticle):
            found += 1
        else:
            problems += 1
        yield item
    if found == 0:
        detail = f"; {problems} input(s) in it had problems" if problems else ""
        yield ReadError(source=str(root), problem=f"directory holds no readable articles{detail}")


def _walk(directory: Path, max_bytes: int, ancestors: frozenset[str]) -> Iterator[RawArticle | ReadError]:
    for item in _walk_files(directory, ancestors):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from _read_path(item, max_bytes, top_level=False)


def _walk_files(directory: Path, ancestors: frozenset[str]) -> Iterator[Path | ReadError]:
    """The files under `directory` that may be articles, depth-first in sorted order, entering no directory
    twice (symlink loops)."""
    real = os.path.realpath(directory)
    if real in ancestors:
        yield ReadError(
            source=str(directory), problem=f"symbolic link loop: leads back to {real}, not followed again"
        )
        return
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except PermissionError:
        yield ReadError(source=str(directory), problem="cannot list directory: permission denied")
        return
    except OSError as exc:
        yield ReadError(source=str(directory), problem=f"cannot list directory: {exc.strerror or exc}")
        return
    inner = ancestors | {real}
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith(SIDECAR_SUFFIX):
            continue
        if entry.is_dir():
            yield from _walk_files(entry, inner)
        else:
            yield entry


def _read_file(path: Path, suffix: str, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    source = str(path)
    data = _read_bytes(path, max_bytes)
    text = _decode(data, source)
    if suffix in TEXT_SUFFIXES:
        yield _text_article(path, text)
    elif suffix in HTML_SUFFIXES:
        yield _html_article(source, text)
    elif suffix in JSON_SUFFIXES:
        yield from _json_articles(source, text)
    else:
        yield from _jsonl_articles(source, text)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    source = str(path)
    try:
        # Checked before opening: opening a named pipe (or a device) waits until something writes to it,
        # which may be never.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _Problem(source, "not a regular file (a named pipe, socket or device); not read")
        if info.st_size > max_bytes:
            raise _Problem(source, f"file is too big ({info.st_size} bytes; the limit is {max_bytes} bytes)")
        with path.open("rb") as handle:
            # Read one byte past the bound: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise _Problem(source, "cannot read file: permission denied") from None
    except IsADirectoryError:
        raise _Problem(source, "is a directory where a file was expected") from None
    except OSError as exc:
        raise _Problem(source, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _Problem(source, f"file is too big (more than the limit of {max_bytes} bytes)")
    if not data:
        raise _Problem(source, "file is empty")
    return data


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (BOM optional) or UTF-16/32 with a BOM; anything else is refused with the failing offset."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise _Problem(
                    source,
                    f"not valid {encoding.upper()} at byte offset {exc.start + len(bom)} "
                    f"despite its byte-order mark",
                ) from None
            return _check_text(text, source)
    if b"\x00" in data:
        raise _Problem(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        if control_share(data.decode("latin-1")) > MAX_CONTROL_SHARE:
            raise _Problem(source, "binary file (mostly non-text bytes), not text") from None
        raise _Problem(
            source, f"not valid UTF-8 at byte offset {exc.start} (byte 0x{bad}); save the file as UTF-8"
        ) from None
    return _check_text(text, source)


def _check_text(text: str, source: str) -> str:
    if not text:
        raise _Problem(source, "file is empty")
    if "\x00" in text or control_share(text) > MAX_CONTROL_SHARE:
        raise _Problem(source, "binary file (mostly non-text characters), not text")
    if not text.strip():
        raise _Problem(source, "file contains only whitespace")
    return text


# -------------------------------------------------------------------------------------------- readers


def _text_article(path: Path, text: str) -> RawArticle:
    meta = _read_sidecar(path)
    title = meta.get("title") or _first_line(text)
    return RawArticle(
        source_path=str(path),
        text=text,
        title=title,
        url=meta.get("url"),
        published=_parse_published(meta.get("published"), str(path.with_name(path.stem + SIDECAR_SUFFIX))),
        outlet=meta.get("outlet"),
        source_format="txt",
    )


def _read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata of `NAME.txt` from `NAME.meta.json`; a broken sidecar rejects the article with it."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    source = str(sidecar)
    raw = _read_bytes(sidecar, SIDECAR_MAX_BYTES)
    try:
        meta = json.loads(_decode(raw, source))
    except json.JSONDecodeError as exc:
        raise _Problem(
            source,
            f"metadata sidecar is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
            f"{path.name} skipped",
        ) from None
    except RecursionError:
        raise _Problem(source, f"metadata sidecar: {TOO_DEEP}; {path.name} skipped") from None
    if not isinstance(meta, dict):
        raise _Problem(source, f"metadata sidecar must hold a JSON object; {path.name} skipped")
    _check_meta_fields(meta, source)
    return meta


def _check_meta_fields(meta: dict[str, Any], source: str) -> None:
    for name in META_FIELDS:
        value = meta.get(name)
        if value is not None and not isinstance(value, str):
            raise _Problem(source, f"{name}: {value!r} is not a string")


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return None


def read_html_page(html: str, url: str) -> RawArticle | ReadError:
    """A page fetched from `url`, read as an `.html` file is: its canonical URL when it names one, else
    `url`, with its title and date. Problems name the URL."""
    try:
        return _html_article(url, html, url=url)
    except _Problem as problem:
        return ReadError(source=problem.source, problem=problem.problem)
    except Exception as exc:  # a reader's own failure on one odd page must not stop the batch
        return ReadError(source=url, problem=f"could not be read: {type(exc).__name__}: {exc}")


def _html_article(source: str, html: str, url: str | None = None) -> RawArticle:
    # trafilatura is imported here: it is slow to import and only HTML inputs need it.
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    except Exception as exc:  # trafilatura raises many parser-specific errors on broken markup
        raise _Problem(source, f"HTML could not be parsed: {exc}") from None
    if document is None:
        raise _Problem(source, "HTML page has no article text")
    fields: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = fields.get("text") or ""
    # trafilatura falls back to any text on the page; a few words are a menu or a notice, not an article.
    if len(text.split()) < MIN_HTML_WORDS:
        raise _Problem(source, "HTML page has no article text")
    return RawArticle(
        source_path=source,
        text=text,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        published=_parse_published(fields.get("date"), source),
        outlet=fields.get("sitename") or None,
        source_format="html",
    )


def _json_articles(source: str, text: str) -> Iterator[RawArticle | ReadError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Problem(
            source, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise _Problem(source, TOO_DEEP) from None
    if isinstance(data, dict):
        yield _guard(lambda: _object_article(data, source, source, "json"))
    elif isinstance(data, list):
        if not data:
            raise _Problem(source, "JSON list holds no articles")
        for index, item in enumerate(data):
            item_source = f"{source}[{index}]"
            yield _guard(lambda item=item, s=item_source: _object_article(item, s, s, "json"))
    else:
        raise _Problem(source, "JSON must be an object or a list of objects")


def _jsonl_articles(source: str, text: str, fmt: str = "jsonl") -> Iterator[RawArticle | ReadError]:
    any_line = False
    # Lines end at "\n" only: `str.splitlines` also breaks at U+2028, U+0085 and others, which JSON allows
    # raw inside a string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        any_line = True
        line_source = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(
                source=line_source, problem=f"line is not valid JSON ({exc.msg} at column {exc.colno})"
            )
            continue
        except RecursionError:
            yield ReadError(source=line_source, problem=TOO_DEEP)
            continue
        yield _guard(lambda data=data, s=line_source: _object_article(data, s, s, fmt))
    if not any_line:
        yield ReadError(source=source, problem="holds no JSON lines")


def _guard(build: Any) -> RawArticle | ReadError:
    try:
        article: RawArticle = build()
    except _Problem as problem:
        return ReadError(source=problem.source, problem=problem.problem)
    return article


def _object_article(data: Any, source: str, source_path: str, fmt: str) -> RawArticle:
    if not isinstance(data, dict):
        raise _Problem(source, f"expected a JSON object, got {type(data).__name__}")
    if "text" not in data:
        raise _Problem(source, "JSON object has no 'text' field")
    text = data["text"]
    if not isinstance(text, str):
        raise _Problem(source, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise _Problem(source, "'text' is empty")
    _check_meta_fields(data, source)
    external = data.get("id")
    return RawArticle(
        source_path=source_path,
        text=text,
        title=data.get("title"),
        url=data.get("url"),
        published=_parse_published(data.get("published"), source),
        outlet=data.get("outlet"),
        source_format=fmt,
        external_id=None if external is None else str(external),
    )


def _read_stdin(stream: TextIO, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    try:
        text = stream.read(max_bytes + 1)
    except UnicodeDecodeError as exc:
        yield ReadError(source=STDIN_SOURCE, problem=f"not valid text at byte offset {exc.start}")
        return
    if len(text) > max_bytes:
        yield ReadError(source=STDIN_SOURCE, problem=f"input is too big (more than {max_bytes} characters)")
        return
    try:
        text = _check_text(text.removeprefix("\ufeff"), STDIN_SOURCE)
    except _Problem as problem:
        yield ReadError(source=problem.source, problem=problem.problem.replace("file", "input"))
        return
    if text.lstrip().startswith("{"):
        yield from _jsonl_articles(STDIN_SOURCE, text, fmt="stdin")
    else:
        yield RawArticle(source_path=STDIN_SOURCE, text=text, title=_first_line(text), source_format="stdin")


# ---------------------------------------------------------------------------------------------- dates


def _parse_published(value: Any, source: str) -> date | None:
    """ISO first (exact and fast), then dateparser for the free-form dates feeds and sites use."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    if not isinstance(value, str):
        raise _Problem(source, f"published: {value!r} is not a date")
    cleaned = value.strip()
    if BEFORE_YEAR_ONE.match(cleaned):
        raise _Problem(source, f"published: {value!r} is before year 1, which no date here can hold")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        pass
    parsed = dateparser.parse(
        cleaned, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]}
    )
    if parsed is None:
        raise _Problem(source, f"published: {value!r} is not a date")
    return parsed.date()
