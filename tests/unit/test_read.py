"""Reading inputs: every reader, and every kind of bad input reported without stopping the batch."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ingest.errors import InputError
from ingest.models import RawArticle, ReadError
from ingest.read import read_inputs

STORY = (
    "Ruritania's parliament voted on Monday to dismiss the interior minister after a week of protests.\n\n"
    "The opposition welcomed the vote and called for early elections in the spring.\n"
)
PAGE = """<html><head><title>Ruritania ousts interior minister</title>
<meta property="article:published_time" content="2015-03-02">
<link rel="canonical" href="https://news.example.org/ruritania/minister"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ruritania ousts interior minister</h1>
<p>Ruritania's parliament voted on Monday to dismiss the interior minister after a week of street protests
in the capital over the disputed municipal elections.</p>
<p>Opposition leaders welcomed the decision and called for early parliamentary elections in the spring,
saying the government had lost the trust of voters.</p></article>
<div class="comments"><h3>Comments</h3><p>What a disgrace, this government must go now, I say.</p></div>
</body></html>"""


def split(items: list[RawArticle | ReadError]) -> tuple[list[RawArticle], list[ReadError]]:
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, ReadError)]


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_input_error_names_source_and_problem() -> None:
    error = InputError("a.txt", "file is empty")
    assert (error.source, error.problem, str(error)) == ("a.txt", "file is empty", "a.txt: file is empty")


def test_txt_title_is_first_non_empty_line(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "\n\n  Minister dismissed  \n\n" + STORY)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, RawArticle)
    assert article.title == "Minister dismissed"
    assert article.source_format == "txt"
    assert article.published is None


def test_txt_sidecar_gives_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY)
    meta = {"title": "Vote ousts minister", "url": "https://x.example/1", "published": "3 March 2015"}
    write(tmp_path / "story.meta.json", json.dumps(meta | {"outlet": "Ruritania Daily"}))
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, RawArticle)
    assert (article.title, article.url, article.outlet) == (
        "Vote ousts minister",
        "https://x.example/1",
        "Ruritania Daily",
    )
    assert article.published == date(2015, 3, 3)


def test_html_reader_takes_text_and_metadata_without_comments(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, RawArticle)
    assert "dismiss the interior minister" in article.text
    assert "disgrace" not in article.text
    assert article.title == "Ruritania ousts interior minister"
    assert article.published == date(2015, 3, 2)
    assert article.url == "https://news.example.org/ruritania/minister"
    assert article.source_format == "html"


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    empty = write(
        tmp_path / "empty.htm", "<html><head><title>x</title></head><body><nav>Home</nav></body></html>"
    )
    good = write(tmp_path / "good.txt", STORY)
    articles, errors = split(list(read_inputs([str(empty), str(good)])))
    assert [e.source for e in errors] == [str(empty)]
    assert "no article text" in errors[0].problem
    assert [a.source_path for a in articles] == [str(good)]


def test_json_object_and_list(tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", json.dumps({"text": STORY, "id": 7, "published": "2019-05-04"}))
    many = write(tmp_path / "many.json", json.dumps([{"text": STORY, "title": "A"}, {"title": "no text"}]))
    items = list(read_inputs([str(one), str(many)]))
    assert isinstance(items[0], RawArticle)
    assert items[0].external_id == "7"
    assert items[0].published == date(2019, 5, 4)
    assert isinstance(items[1], RawArticle) and items[1].title == "A"
    assert isinstance(items[2], ReadError)
    assert items[2].source == f"{many}[1]" and "no 'text' field" in items[2].problem


def test_jsonl_bad_lines_are_reported_by_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": STORY, "url": "https://x.example/a", "outlet": "Wire"}),
        "{not json",
        json.dumps({"text": 42}),
        "",
        json.dumps({"text": STORY, "published": "xyz"}),
        json.dumps({"text": STORY, "published": "2020-01-31T08:00:00Z"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "RawArticle",
        "ReadError",
        "ReadError",
        "ReadError",
        "RawArticle",
    ]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "not valid JSON" in errors[0].problem
    assert "'text' must be a string" in errors[1].problem
    assert errors[2].problem == "published: 'xyz' is not a date"
    last = items[-1]
    assert isinstance(last, RawArticle) and last.published == date(2020, 1, 31)
    assert last.source_path == f"{path}:6"


def test_stdin_plain_text_and_json_lines() -> None:
    [plain] = list(read_inputs(["-"], stdin=io.StringIO(STORY)))
    assert isinstance(plain, RawArticle) and plain.source_format == "stdin"
    assert plain.text == STORY
    stream = io.StringIO(json.dumps({"text": STORY}) + "\n" + json.dumps({"title": "x"}) + "\n")
    items = list(read_inputs(["-"], stdin=stream))
    assert isinstance(items[0], RawArticle)
    assert isinstance(items[1], ReadError) and items[1].source == "<stdin>:2"


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.txt", STORY)
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "a.meta.json", json.dumps({"title": "Sidecar title"}))
    write(tmp_path / ".hidden.txt", STORY)
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert errors == []
    assert [Path(a.source_path).relative_to(tmp_path).as_posix() for a in articles] == [
        "a.txt", "b.txt", "sub/a.txt",
    ]  # fmt: skip
    assert articles[0].title == "Sidecar title"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\t \n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Le ministre a d\u00e9missionn\u00e9.".encode("latin-1"), "not valid UTF-8 at byte offset 15"),
    ],
)
def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = write(tmp_path / "bad.txt", content)
    good = write(tmp_path / "good.txt", STORY)
    items = list(read_inputs([str(bad), str(good)]))
    assert isinstance(items[0], ReadError)
    assert items[0].source == str(bad) and problem in items[0].problem
    assert isinstance(items[1], RawArticle) and items[1].source_path == str(good)


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8-sig"),
        (STORY.encode("utf-16"), "utf-16"),
        (STORY.encode("utf-32"), "utf-32"),
    ],
)
def test_encodings_with_byte_order_mark(tmp_path: Path, encoded: bytes, name: str) -> None:
    path = write(tmp_path / f"{name}.txt", encoded)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, RawArticle), article
    assert article.text == STORY


def test_file_over_the_size_bound(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", STORY * 50)
    small = write(tmp_path / "small.txt", STORY)
    items = list(read_inputs([str(big), str(small)], max_bytes=1000))
    assert isinstance(items[0], ReadError) and "too big" in items[0].problem and "1000" in items[0].problem
    assert isinstance(items[1], RawArticle)


def test_missing_path_and_bad_sidecar(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", STORY)
    write(tmp_path / "story.meta.json", "{title: oops")
    other = write(tmp_path / "other.txt", STORY)
    write(tmp_path / "other.meta.json", json.dumps({"published": "not a day at all"}))
    missing = tmp_path / "nowhere.txt"
    items = list(read_inputs([str(missing), str(story), str(other), str(story.with_name("ok.txt"))]))
    assert all(isinstance(i, ReadError) for i in items[:3])
    errors = [i for i in items if isinstance(i, ReadError)]
    assert errors[0].source == str(missing) and "does not exist" in errors[0].problem
    assert errors[1].source == str(tmp_path / "story.meta.json") and "not valid JSON" in errors[1].problem
    assert "story.txt skipped" in errors[1].problem
    assert errors[2].problem == "published: 'not a day at all' is not a date"


def test_unreadable_file_inside_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "a_locked.txt", STORY)
    write(tmp_path / "b_open.txt", STORY)
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        # chmod alone does not stop root, so the refusal is made explicit.
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert [e.source for e in errors] == [str(locked)]
    assert "permission denied" in errors[0].problem
    assert [Path(a.source_path).name for a in articles] == ["b_open.txt"]


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "inner").mkdir(parents=True)
    write(root / "inner" / "story.txt", STORY)
    (root / "inner" / "back").symlink_to(root, target_is_directory=True)
    articles, errors = split(list(read_inputs([str(root)])))
    assert len(articles) == 1
    assert [e.source for e in errors] == [str(root / "inner" / "back")]
    assert "symbolic link loop" in errors[0].problem


def test_directory_without_articles(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty / ".notes.txt", STORY)
    good = write(tmp_path / "good.txt", STORY)
    items = list(read_inputs([str(empty), str(good)]))
    assert isinstance(items[0], ReadError) and items[0].source == str(empty)
    assert "no readable articles" in items[0].problem
    assert isinstance(items[1], RawArticle)


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = write(tmp_path / "slides.pdf", b"%PDF-1.4")
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, ReadError) and "unsupported file type '.pdf'" in error.problem
