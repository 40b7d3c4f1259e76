"""The language check reads spaCy's stop word lists without running spaCy's language packages."""

from __future__ import annotations

import importlib
import subprocess
import sys

from ingest.language import OTHER_LANGUAGES, _other_stop_words


def test_the_lists_are_spacys_own() -> None:
    lists = _other_stop_words()
    assert sorted(lists) == sorted(OTHER_LANGUAGES)
    for code in OTHER_LANGUAGES:
        assert lists[code] == frozenset(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)


def test_reading_them_runs_no_language_package() -> None:
    probe = (
        "import sys\n"
        "from ingest.language import _other_stop_words\n"
        "_other_stop_words()\n"
        f"codes = {OTHER_LANGUAGES!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:3] in [['spacy', 'lang', c] for c in codes]))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
