"""Inputs that once stopped a whole batch or were silently lost, each read next to a good article.

Each case is the outside probe's (issue 25): a deeply nested JSON value, a JSON line holding a character
that `str.splitlines` takes for a line break, a named pipe in an input folder, a licence file, a year with
a minus sign.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from ingest.models import RawArticle, ReadError
from ingest.read import read_inputs

STORY = (
    "Ruritania's parliament voted on Monday to dismiss the interior minister after a week of protests.\n\n"
    "The opposition welcomed the vote and called for early elections in the spring.\n"
)
DEEP = "[" * 200_000 + "]" * 200_000


def read(*paths: Path) -> tuple[list[RawArticle], list[ReadError]]:
    items = list(read_inputs([str(p) for p in paths]))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, ReadError)]


@pytest.mark.parametrize("where", ["json", "jsonl", "sidecar"])
def test_deeply_nested_json_is_one_error_and_the_good_article_is_read(tmp_path: Path, where: str) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    if where == "json":
        (tmp_path / "deep.json").write_text(DEEP, encoding="utf-8")
    elif where == "jsonl":
        line = '{"text": "x", "extra": ' + DEEP + "}"
        good = json.dumps({"text": STORY})
        (tmp_path / "deep.jsonl").write_text(f"{line}\n{good}\n", encoding="utf-8")
    else:
        (tmp_path / "deep.txt").write_text(STORY.replace("Monday", "Friday"), encoding="utf-8")
        (tmp_path / "deep.meta.json").write_text('{"title": ' + DEEP + "}", encoding="utf-8")
    articles, errors = read(tmp_path)
    [error] = errors
    assert "nested too deeply" in error.problem and "deep" in error.source
    assert len(articles) == (2 if where == "jsonl" else 1)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_a_json_line_holding_a_unicode_line_separator_is_one_article(tmp_path: Path, separator: str) -> None:
    text = STORY.replace(" after", separator + " after")
    lines = [json.dumps({"text": text}, ensure_ascii=False), "{broken", json.dumps({"text": STORY})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert [a.text for a in articles] == [text, STORY]
    assert [e.source for e in errors] == [f"{path}:2"], "line numbers count newlines only"


def test_a_named_pipe_in_an_input_folder_is_reported_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list[tuple[list[RawArticle], list[ReadError]]] = []
    reader = threading.Thread(target=lambda: found.append(read(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    try:
        assert not reader.is_alive(), "reading blocked on the named pipe"
    finally:
        if reader.is_alive():  # let the blocked open return, so the thread ends with the test
            os.close(os.open(fifo, os.O_WRONLY))
    articles, errors = found[0]
    assert len(articles) == 1
    [error] = errors
    assert error.source == str(fifo) and "not a regular file" in error.problem


def test_a_named_pipe_as_a_sidecar_is_reported(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "story.meta.json")
    found: list[tuple[list[RawArticle], list[ReadError]]] = []
    reader = threading.Thread(target=lambda: found.append(read(tmp_path / "story.txt")), daemon=True)
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():
        os.close(os.open(tmp_path / "story.meta.json", os.O_WRONLY))
        pytest.fail("reading blocked on the named pipe")
    [error] = found[0][1]
    assert "not a regular file" in error.problem


@pytest.mark.parametrize("name", ["LICENSE.phoenix.txt", "COPYING.txt", "README.txt", "licence.txt"])
def test_licence_and_readme_files_in_a_folder_are_refused_by_name(tmp_path: Path, name: str) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / name).write_text(STORY.replace("Monday", "Tuesday"), encoding="utf-8")
    articles, errors = read(tmp_path)
    assert len(articles) == 1
    [error] = errors
    assert error.source == str(tmp_path / name) and "not an article" in error.problem


@pytest.mark.parametrize("published", ["-0044-03-15", "-44-03-15", " -0001-01-01"])
def test_a_year_before_year_one_is_refused_not_read_without_its_sign(tmp_path: Path, published: str) -> None:
    path = tmp_path / "caesar.json"
    path.write_text(json.dumps({"text": STORY, "published": published}), encoding="utf-8")
    articles, errors = read(path)
    assert articles == []
    [error] = errors
    assert "before year 1" in error.problem
