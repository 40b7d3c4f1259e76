"""Property tests of the readers: random bytes, random JSON of any depth, random sidecars.

Whatever a folder holds, reading it never raises, and every input file gives at least one item (a .txt file
exactly one): an article or the error that names it. tests/integration/test_reliability.py carries the
same inputs through the whole ingest and checks that each lands in exactly one count.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.models import RawArticle, ReadError
from ingest.read import SIDECAR_SUFFIX, read_inputs

STORY = (
    "Ruritania's parliament voted on Monday to dismiss the interior minister after a week of protests. "
    "The opposition welcomed the vote and called for early elections in the spring."
)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
# Depths around and far past the parser's recursion limit, which hypothesis's own trees never reach.
deep_json = st.builds(
    lambda depth, opener: ("[" if opener else '{"a":') * depth + "0" + ("]" if opener else "}") * depth,
    st.sampled_from([1, 50, 990, 1_000, 5_000, 100_000]),
    st.booleans(),
)
article_objects = st.fixed_dictionaries(
    {"text": st.one_of(st.just(STORY), st.text(max_size=200), json_values)},
    optional={
        "title": json_values,
        "url": st.one_of(st.just("https://news.example/a"), json_values),
        "published": st.one_of(
            st.sampled_from(["2020-05-01", "0001-01-01", "-0044-03-15", "9999-12-31", "yesterday", ""]),
            json_values,
        ),
        "outlet": json_values,
        "id": json_values,
    },
)
json_documents = st.one_of(
    article_objects.map(json.dumps),
    st.lists(article_objects, max_size=3).map(json.dumps),
    json_values.map(json.dumps),
    deep_json,
    st.text(max_size=200),
)
line_breaks = st.sampled_from(["\n", "\r\n", "\u2028", "\u0085", "\u2029", "\x1e"])
jsonl_documents = st.lists(
    st.one_of(
        article_objects.map(lambda o: json.dumps(o, ensure_ascii=False)), deep_json, st.text(max_size=60)
    ),
    min_size=0,
    max_size=4,
).flatmap(lambda lines: line_breaks.map(lambda sep: sep.join(lines)))
encodings = st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-sig"])


@st.composite
def folder_entries(draw: Any) -> list[tuple[str, bytes]]:
    """(file name, content) of a few inputs, some .txt files with a sidecar beside them."""
    entries: list[tuple[str, bytes]] = []
    for i in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["txt", "json", "jsonl", "html", "bytes"]))
        if kind == "bytes":
            entries.append((f"f{i}.txt", draw(st.binary(max_size=300))))
            continue
        if kind == "txt":
            text = draw(st.one_of(st.just(STORY), st.text(max_size=300)))
            entries.append((f"f{i}.txt", text.encode(draw(encodings), errors="replace")))
            if draw(st.booleans()):
                sidecar = draw(
                    st.one_of(article_objects.map(json.dumps), json_documents, st.binary(max_size=50))
                )
                content = sidecar if isinstance(sidecar, bytes) else sidecar.encode("utf-8", "surrogatepass")
                entries.append((f"f{i}{SIDECAR_SUFFIX}", content))
            continue
        document = draw(
            {"json": json_documents, "jsonl": jsonl_documents, "html": st.text(max_size=300)}[kind]
        )
        entries.append((f"f{i}.{kind}", document.encode("utf-8", "surrogatepass")))
    return entries


def write_folder(root: Path, entries: list[tuple[str, bytes]]) -> None:
    for name, content in entries:
        (root / name).write_bytes(content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folder_entries())
def test_reading_any_folder_never_raises_and_every_input_is_accounted_for(
    entries: list[tuple[str, bytes]],
) -> None:
    with tempfile.TemporaryDirectory(prefix="polgraph-read-") as folder:
        root = Path(folder)
        write_folder(root, entries)
        items = list(read_inputs([str(root)]))
    assert all(isinstance(item, (RawArticle, ReadError)) for item in items)
    inputs = [name for name, _ in entries if not name.endswith(SIDECAR_SUFFIX)]
    for name in inputs:
        path = str(root / name)
        sidecar = str(root / (Path(name).stem + SIDECAR_SUFFIX))
        own = [
            i
            for i in items
            if (i.source_path if isinstance(i, RawArticle) else i.source) in (path, sidecar)
            or (i.source_path if isinstance(i, RawArticle) else i.source).startswith((path + ":", path + "["))
        ]
        if name.endswith(".txt"):
            assert len(own) == 1, (name, own)
        else:
            assert own, (name, items)
    for item in items:
        if isinstance(item, RawArticle):
            assert isinstance(item.text, str) and item.text.strip()
