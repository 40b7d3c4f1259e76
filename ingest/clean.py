"""Remove site furniture from a raw article and normalise its text, before any NLP.

Order of work: normalise characters and whitespace, re-join hard-wrapped lines, pick out the "last updated"
line and the dateline, drop furniture (widget phrases from ingest/lexicons/furniture.yaml, repeated lines such
as photo captions, author boxes, link lists, short menu-like lines), then check that what is left is English.
Every line is one paragraph of the clean text; paragraphs are separated by a blank line.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import dateparser

from ingest.errors import InputError
from ingest.ids import short_hash
from ingest.language import WORD_RE, require_english
from ingest.lexicons import load
from ingest.models import CleanArticle, RawArticle

# Closing quotes and brackets count: a quoted sentence ends the line too.
SENTENCE_END = tuple(".!?:;\"')\u201d\u2019\u2026")
# Bullet glyphs (and "-", "*", en dash followed by a space) that open list items.
BULLETS = "\u2022\u00b7\u25aa\u25e6\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8\u2023\u2043"
BULLET_RE = re.compile(rf"^[{BULLETS}\-\u2013*]\s+|^[{BULLETS}]")
# Private-use and other non-printing characters that PDF and page exports leave behind.
INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2060\ufeff\ue000-\uf8ff]")

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "ALMATY, Jan 17 (Reuters) -", "ASTANA --", "BISHKEK (AP) —", "KYIV, Ukraine (AP) —": an upper-case place,
# optionally a region and a date, optionally an agency in brackets, then a dash.
DATELINE_RE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z'\u2019.\-]+(?:\s+[A-Z][A-Z'\u2019.\-]+)*"
    r"(?:,\s*(?!" + MONTHS + r"\b)[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*" + MONTHS + r"\.?\s+\d{1,2}(?:,\s*\d{4})?)?)"
    r"\s*(?:\([A-Za-z/&.\- ]{1,24}\))?\s*(?:--|\u2014|\u2013|-)\s+(?=\S)"
)
UPDATED_RE = re.compile(
    r"^(?:page\s+)?(?:last\s+)?(?:updated|modified)(?:\s+(?:at|on))?\s*:?\s*(?P<rest>.+)$", re.IGNORECASE
)
PUBLISHED_LINE_RE = re.compile(r"^(?:published|posted)(?:\s+(?:at|on))?\s*:?\s*(?P<rest>.+)$", re.IGNORECASE)
DATE_IN_LINE_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\s+" + MONTHS + r"\.?,?\s+\d{4}"
    r"|" + MONTHS + r"\.?\s+\d{1,2},?\s+\d{4}",
    re.IGNORECASE,
)
# A line that carries a date stamp is short; a longer one is body text that happens to start the same way.
MAX_STAMP_LINE = 100

# Below this many words a line is "short" for the menu and link-list rules.
MENU_MAX_WORDS = 4
LINK_MAX_WORDS = 12
LINK_LIST_MIN_LINES = 3
BODY_MIN_WORDS = 8
# A block is hard-wrapped when most of its lines end mid-sentence and their lengths are close to one width.
WRAP_MIN_LINES = 3
WRAP_MIN_WIDTH = 40
WRAP_LENGTH_TOLERANCE = 0.2
WRAP_SHARE = 0.6


@dataclass(frozen=True)
class FurnitureLexicon:
    lines: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    author_bio_words: frozenset[str]

    def matches(self, line: str) -> bool:
        key = _key(line)
        return key in self.lines or any(p.match(line) for p in self.patterns)


@lru_cache(maxsize=1)
def load_furniture() -> FurnitureLexicon:
    source = load("furniture")
    return FurnitureLexicon(
        lines=frozenset(_key(str(x)) for x in source["lines"]),
        patterns=tuple(re.compile(str(p), re.IGNORECASE) for p in source["patterns"]),
        author_bio_words=source.words("author_bio_words"),
    )


@dataclass
class _Unit:
    """One line of the article after re-joining; `block` numbers the blank-line-separated block it is in."""

    text: str
    block: int
    removed: bool = False


@dataclass
class _Metadata:
    dateline: str | None = None
    updated: date | None = None
    published: date | None = None
    removed: list[str] = field(default_factory=list)


def clean_article(raw: RawArticle) -> CleanArticle:
    """Strip furniture and normalise `raw`; raise InputError when no usable English text is left."""
    lexicon = load_furniture()
    units = _units(raw.text)
    meta = _Metadata()
    _take_date_stamps(units, meta)
    title = _clean_title(raw.title, lexicon)
    _drop_furniture(units, lexicon, title)
    kept = [u.text for u in units if not u.removed]
    meta.removed.extend(u.text for u in units if u.removed)
    meta.dateline = _find_dateline(kept)
    text = "\n\n".join(kept)
    if not text.strip():
        raise InputError(raw.source_path, "no article text is left after removing site furniture")
    require_english(text, raw.source_path)
    if title is None and raw.title is not None and kept:
        title = _fallback_title(kept[0])
    content_hash = short_hash(text)
    article_id = "article:" + (short_hash(raw.url) if raw.url else content_hash)
    return CleanArticle(
        id=article_id,
        content_hash=content_hash,
        source_path=raw.source_path,
        text=text,
        title=title,
        url=raw.url,
        published=raw.published or meta.published,
        outlet=raw.outlet,
        dateline=meta.dateline,
        updated=meta.updated,
        removed=meta.removed,
    )


# ------------------------------------------------------------------------------------------ normalising


# Words run together where a scraped page had markup between them: "(UP)Ana Lusk", "theWhite House".
GLUED_RE = re.compile(r"([)\]]|\b(?:the|of|and|in|to|for|on|with|by|at|from))(?=[A-Z][a-z])")


def normalise_line(line: str) -> str:
    line = INVISIBLE_RE.sub("", unicodedata.normalize("NFC", line))
    line = GLUED_RE.sub(r"\1 ", line)
    line = " ".join(line.split())
    return BULLET_RE.sub("", line).strip()


def _key(line: str) -> str:
    return " ".join(line.casefold().split()).strip(" .:")


def _units(text: str) -> list[_Unit]:
    """Blocks of non-blank lines, each re-joined where it was hard-wrapped, as one unit per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[list[str]] = [[]]
    for raw_line in text.split("\n"):
        line = normalise_line(raw_line)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    units: list[_Unit] = []
    for number, block in enumerate(b for b in blocks if b):
        units.extend(_Unit(text=line, block=number) for line in _rejoin(block))
    return units


def _ends_sentence(line: str) -> bool:
    return line.endswith(SENTENCE_END)


def _is_wrapped(lengths: list[int], lines: list[str]) -> bool:
    if len(lines) < WRAP_MIN_LINES:
        return False
    inner = lengths[:-1]
    width = statistics.median(inner)
    if width < WRAP_MIN_WIDTH:
        return False
    near = sum(1 for n in inner if abs(n - width) <= WRAP_LENGTH_TOLERANCE * width)
    open_ended = sum(1 for line in lines[:-1] if not _ends_sentence(line))
    return near >= WRAP_SHARE * len(inner) and open_ended >= WRAP_SHARE * len(inner)


def _rejoin(lines: list[str]) -> list[str]:
    """Undo hard wrapping: a line that ends mid-sentence and runs on in the next line is joined to it."""
    lengths = [len(line) for line in lines]
    wrapped = _is_wrapped(lengths, lines)
    width = statistics.median(lengths[:-1]) if wrapped else 0.0
    out = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        starts_lower = line[0].islower()
        if wrapped:
            # In wrapped text a full-width line broke only because the width ran out; a short line that
            # ends a sentence ended its paragraph.
            full = len(previous) >= (1 - WRAP_LENGTH_TOLERANCE) * width
            join = (full or not _ends_sentence(previous)) and not _starts_item(line)
        else:
            join = starts_lower and not _ends_sentence(previous)
        if join:
            if out[-1].endswith("-") and len(out[-1]) > 1 and out[-1][-2].isalpha() and starts_lower:
                out[-1] = out[-1] + line
            else:
                out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


def _starts_item(line: str) -> bool:
    """A line that opens a list item ("Cyberattacks: Politically ...") starts its own paragraph."""
    head, sep, _ = line.partition(":")
    return bool(sep) and 0 < len(head.split()) <= 5 and head[:1].isupper()


# ----------------------------------------------------------------------------------------------- dates


def _date_in(text: str) -> date | None:
    match = DATE_IN_LINE_RE.search(text)
    if match is None:
        return None
    parsed = dateparser.parse(match.group(0), languages=["en"])
    return parsed.date() if parsed else None


def _take_date_stamps(units: list[_Unit], meta: _Metadata) -> None:
    """'Page last updated at ...' becomes `updated` (and `published` when it is unknown); the line goes."""
    for unit in units:
        if len(unit.text) > MAX_STAMP_LINE:
            continue
        updated = UPDATED_RE.match(unit.text)
        if updated and (found := _date_in(updated.group("rest"))):
            meta.updated = meta.updated or found
            meta.published = meta.published or found
            unit.removed = True
            continue
        published = PUBLISHED_LINE_RE.match(unit.text)
        if published and (found := _date_in(published.group("rest"))):
            meta.published = meta.published or found
            unit.removed = True


def _find_dateline(paragraphs: list[str]) -> str | None:
    """The dateline opens one of the first paragraphs; it stays in the text (it names the place)."""
    for paragraph in paragraphs[:4]:
        match = DATELINE_RE.match(paragraph)
        if match and len(match.group("dateline")) >= 3:
            return match.group("dateline").strip()
    return None


# ------------------------------------------------------------------------------------------- furniture


def _clean_title(title: str | None, lexicon: FurnitureLexicon) -> str | None:
    if title is None:
        return None
    title = normalise_line(title)
    return None if not title or lexicon.matches(title) else title


def _fallback_title(first: str) -> str | None:
    """When the source's title was furniture, a short first paragraph that is no sentence is the headline."""
    words = first.split()
    return first if len(words) <= 20 and not first.endswith(".") else None


def _word_count(line: str) -> int:
    return len(line.split())


def _is_body(line: str) -> bool:
    words = _word_count(line)
    return (words >= BODY_MIN_WORDS and _ends_sentence(line)) or words >= 2 * BODY_MIN_WORDS


def _is_title_part(line: str, title: str | None) -> bool:
    if not title:
        return False
    line_key, title_key = _key(line), _key(title)
    return bool(line_key) and (line_key == title_key or (len(line_key) >= 3 and line_key in title_key))


def _drop_furniture(units: list[_Unit], lexicon: FurnitureLexicon, title: str | None) -> None:
    for unit in units:
        if not unit.removed and lexicon.matches(unit.text):
            unit.removed = True
    _drop_repeats(units)
    _drop_author_boxes(units, lexicon)
    first_body = next((i for i, u in enumerate(units) if not u.removed and _is_body(u.text)), len(units))
    _drop_link_lists(units, title, first_body)
    _drop_menu_lines(units, title)


def _drop_repeats(units: list[_Unit]) -> None:
    """A line identical to an earlier one (a photo caption repeating the text, a doubled widget) goes."""
    seen: set[str] = set()
    for unit in units:
        if unit.removed:
            continue
        key = _key(unit.text)
        if key in seen:
            unit.removed = True
        seen.add(key)


def _next_kept(units: list[_Unit], index: int) -> _Unit | None:
    return next((u for u in units[index + 1 :] if not u.removed), None)


def _drop_author_boxes(units: list[_Unit], lexicon: FurnitureLexicon) -> None:
    """A name line, then a paragraph opening with that name and describing a writer: an author box."""
    for index, unit in enumerate(units):
        if unit.removed or _ends_sentence(unit.text) or _word_count(unit.text) > 6:
            continue
        following = _next_kept(units, index)
        if following is None or not following.text.startswith(unit.text + " "):
            continue
        words = {w.lower() for w in WORD_RE.findall(following.text)}
        if words & lexicon.author_bio_words:
            unit.removed = True
            following.removed = True


def _looks_like_link(line: str) -> bool:
    return _word_count(line) <= LINK_MAX_WORDS and not line.endswith(".") and ":" not in line


def _listed_items(units: list[_Unit]) -> set[int]:
    """Lines of a list the text itself introduces ("Three candidates registered:"): content, not menus."""
    listed: set[int] = set()
    for index, unit in enumerate(units):
        if unit.removed or not unit.text.endswith(":"):
            continue
        following = [i for i in range(index + 1, len(units)) if not units[i].removed]
        if not following:
            continue
        block = units[following[0]].block
        for i in following:
            text = units[i].text
            # An item may end in a bracket ("Party X - 3.2% (60,434)"); a sentence of the body ends the list.
            if units[i].block != block or text.endswith(":") or (_ends_sentence(text) and _is_body(text)):
                break
            listed.add(i)
    return listed


def _drop_link_lists(units: list[_Unit], title: str | None, first_body: int) -> None:
    """Runs of three or more short lines with no full stop ("more stories", menus) after the headline area."""
    listed = _listed_items(units)
    by_block: dict[int, list[int]] = {}
    for index, unit in enumerate(units):
        if not unit.removed:
            by_block.setdefault(unit.block, []).append(index)
    for indexes in by_block.values():
        if len(indexes) < LINK_LIST_MIN_LINES or indexes[0] < first_body:
            continue
        lines = [units[i].text for i in indexes]
        if any(i in listed for i in indexes):
            continue
        if all(_looks_like_link(line) and not _is_title_part(line, title) for line in lines):
            for i in indexes:
                units[i].removed = True


def _is_nav_bar(line: str) -> bool:
    """'World Business Politics Sport Science': capitalised words with no punctuation at all."""
    words = line.split()
    return (
        len(words) >= 5
        and all(w[:1].isupper() or w == "&" for w in words)
        and not re.search(r"[^\w\s&'\u2019-]", line)
    )


def _drop_menu_lines(units: list[_Unit], title: str | None) -> None:
    """Very short lines without sentence punctuation, unless they are the title or a heading over text."""
    listed = _listed_items(units)
    for index, unit in enumerate(units):
        if index in listed or unit.removed or _ends_sentence(unit.text) or _is_title_part(unit.text, title):
            continue
        short = _word_count(unit.text) <= MENU_MAX_WORDS
        if not (short or _is_nav_bar(unit.text)):
            continue
        following = _next_kept(units, index)
        heading = following is not None and _is_body(following.text) and not _is_nav_bar(unit.text)
        if not heading:
            unit.removed = True
