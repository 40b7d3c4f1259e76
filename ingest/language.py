"""Whether a text is English, from its function words: the last check of cleaning."""

from __future__ import annotations

import importlib
import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.errors import InputError
from ingest.lexicons import load

WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

# No language-identification library is installed, and the usual ones either need a model file downloaded
# at run time (fastText lid) or are nondeterministic and weak on short texts (langdetect). Function words
# do the job: English prose is 35-55% English stop words (spaCy's lists), other Latin-script languages score
# under 10% on the English list and far higher on their own. A text is refused when another language's
# stop words outnumber English ones, or, at article length, when the English share is low; a short text
# only has to beat the other languages, so a one-sentence English article is never refused.
MIN_STOPWORD_SHARE = 0.2
SHORT_TEXT_WORDS = 40
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "ro", "tr", "id")
MIN_LATIN_SHARE = 0.6
MIN_FOREIGN_WORDS = 3


@lru_cache(maxsize=1)
def _other_stop_words() -> dict[str, frozenset[str]]:
    """spaCy's stop word lists, each file read on its own: importing `spacy.lang.fr.stop_words` runs the
    French package first, whose tokenizer exceptions took 2-9 s, the bulk of an unchanged re-ingest that
    otherwise never needs spaCy (the lists are plain data, with no imports of their own)."""
    spec = importlib.util.find_spec("spacy.lang")
    assert spec is not None and spec.submodule_search_locations
    root = Path(next(iter(spec.submodule_search_locations)))
    lists: dict[str, frozenset[str]] = {}
    for code in OTHER_LANGUAGES:
        path = root / code / "stop_words.py"
        loaded = importlib.util.spec_from_file_location(f"polgraph_stop_words_{code}", path)
        assert loaded is not None and loaded.loader is not None, f"no stop words at {path}"
        module = importlib.util.module_from_spec(loaded)
        loaded.loader.exec_module(module)
        lists[code] = frozenset(module.STOP_WORDS)
    return lists


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(STOP_WORDS.union(*_other_stop_words().values()))


# What may stand before the first word of a sentence or line, spaces aside.
_SENTENCE_OPENERS = frozenset("\n.!?:;\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([\u2014\u2013-")


def _grammar_words(text: str, matches: list[re.Match[str]], function_words: frozenset[str]) -> list[str]:
    """The words, lower-cased, that can tell the language: capitalised words count only when they open a
    sentence or line, are some language's function word and are not followed by another capitalised word.
    A capitalised word inside a sentence is a name: a short wire story can be a third names, and names such
    as "Al Jarrah", "Su Po" or "De Groot" spell Italian, Dutch or Spanish function words, which would pull
    an English text under another language. A name opens sentences too: the Burmese honorific in "U Win
    Myint said" is Polish "u", and two such openings tipped a short English story into Polish."""
    words = []
    end = 0
    for i, match in enumerate(matches):
        word = match.group().replace("\u2019", "'")
        low = word.lower()
        if not word[:1].isupper():
            if not _name_particle(text, matches, i):
                words.append(low)
        elif low in function_words:
            gap = text[end : match.start()]
            if (end == 0 or any(ch in _SENTENCE_OPENERS for ch in gap)) and not _opens_name(text, matches, i):
                words.append(low)
        end = match.end()
    return words


def _name_particle(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """Whether the lower-case word at `i` is a particle inside a name ("Ursula von der Leyen", "Juan de la
    Cruz"): German "von der" or Spanish "de la" there say nothing of the text's language."""
    particles = load("names").words("particles")
    if matches[i].group().lower() not in particles:
        return False

    def capitalised_beyond(j: int, step: int) -> bool:
        while 0 <= j + step < len(matches):
            a, b = (matches[j], matches[j + step]) if step > 0 else (matches[j + step], matches[j])
            if text[a.end() : b.start()].strip(" ") != "":
                return False
            j += step
            if matches[j].group()[:1].isupper():
                return True
            if matches[j].group().lower() not in particles:
                return False
        return False

    return capitalised_beyond(i, -1) and capitalised_beyond(i, 1)


def _opens_name(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """Whether the word at `i` runs, across nothing but spaces, into a capitalised word: "U Win Myint"."""
    if i + 1 >= len(matches):
        return False
    following = matches[i + 1]
    return text[matches[i].end() : following.start()].strip(" ") == "" and following.group()[:1].isupper()


def require_english(text: str, source: str) -> None:
    matches = list(WORD_RE.finditer(text))
    if not matches:
        raise InputError(source, "text has no words")
    others = _other_stop_words()
    words = _grammar_words(text, matches, _function_words())
    if not words:
        raise InputError(source, "text is not English (no function words at all)")
    letters = [ch for ch in text if ch.isalpha()]
    # An ASCII letter is Latin; only the others need their Unicode name, which costs a string each
    # (a third of cleaning's time when every letter was looked up).
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    if latin < MIN_LATIN_SHARE * len(letters):
        raise InputError(source, "text is not English (mostly non-Latin script)")
    english = sum(1 for w in words if w in STOP_WORDS) / len(words)
    # The language named is the one whose function words are the most common, not the first to beat English.
    shares = {
        code: sum(1 for w in words if w in stop_words) / len(words) for code, stop_words in others.items()
    }
    code, other = max(shares.items(), key=lambda item: item[1], default=("", 0.0))
    # Words only the other language has: a one-line English story can hold an English word that is a foreign
    # function word ("met" is Dutch "with") and nothing else to tell it by.
    own = sum(1 for w in words if w in others.get(code, frozenset()) and w not in STOP_WORDS)
    if other > english and own >= MIN_FOREIGN_WORDS:
        raise InputError(
            source,
            f"text is not English (looks like '{code}': {other:.0%} of its words are '{code}' "
            f"function words, {english:.0%} English ones)",
        )
    if len(words) >= SHORT_TEXT_WORDS and english < MIN_STOPWORD_SHARE:
        raise InputError(
            source,
            f"text is not English (only {english:.0%} English function words; "
            f"{MIN_STOPWORD_SHARE:.0%} expected)",
        )
