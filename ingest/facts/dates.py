"""Dates of facts: one date expression, or the date a sentence's fact happened, against the publication date.

Parsing is dateparser's; this module decides what counts as a date at all (durations, ages and clock times do
not), how precise the text is ("fall 2021" is a year, "last month" a month) and which of a sentence's dates
belongs to the fact.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from ingest.models import DatePrecision, FuzzyDate

Prefer = Literal["past", "future"]

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century)"
_NUMBER = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|several|a few|few|many|some|the past|the last|the next|the previous|past|"
    r"a couple of|dozens of|hundreds of)"
)
# A quantity of time on its own ("eight years", "two days") or relative to another event ("two days after
# the vote") is a duration or an offset from an unknown anchor, not a calendar date.
_DURATION_RE = re.compile(
    rf"^(?:about |nearly |almost |more than |over |some |for |the )?{_NUMBER}[\s-]+"
    rf"(?:(?:more|straight|consecutive|long)\s+)?{_UNITS}\b(?!\s+ago)",
    re.I,
)
_AGE_RE = re.compile(r"\b(?:\d+|[a-z]+)[\s-]+years?[\s-]+old\b|\baged?\s+\d+", re.I)
_TERM_RE = re.compile(r"\bterms?\b|\btenure\b|\bperiod\b|\bround\b", re.I)
_DECADE_RE = re.compile(r"\b(?:1[0-9]|20)\d0s\b|\b\d0s\b", re.I)
# Qualifiers that make an expression vaguer than its head: "fall 2021" is only known to the year, "early
# October" to the month.
_SEASON_RE = re.compile(
    r"\b(?:the\s+)?(?:spring|summer|fall|autumn|winter|early|late|mid|middle|end|beginning|start|first half|"
    r"second half|first quarter|second quarter|third quarter|fourth quarter)(?:\s+of)?[\s-]+",
    re.I,
)
_TIME_OF_DAY_RE = re.compile(
    r"\b(?:morning|afternoon|evening|night|overnight|midday|noon|midnight|dawn|dusk|tonight|"
    r"\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|local time|gmt|utc)\b\.?",
    re.I,
)
_LEADING_RE = re.compile(
    r"^(?:on|in|since|from|by|until|till|during|at|of|as of|the|late on|early on)\s+", re.I
)
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
_RANGE_RE = re.compile(rf"\b((?:{_MONTHS})\.?\s+\d{{1,2}})\s*[-\u2013]\s*\d{{1,2}}\b", re.I)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY_RE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
_MONTH_RE = re.compile(rf"\b(?:{_MONTHS})\b\.?", re.I)
_RELATIVE_MONTH_RE = re.compile(
    r"^(?:last|this|next|previous|past|the past|the previous|the same)\s+month$", re.I
)
_RELATIVE_YEAR_RE = re.compile(
    r"^(?:last|this|next|previous|past|the past|the previous|the same)\s+year$", re.I
)
_RELATIVE_WEEK_RE = re.compile(
    r"^(?:last|this|next|previous|past|the past|the previous)\s+week(?:end)?$", re.I
)
_AGO_RE = re.compile(rf"^{_NUMBER}\s+({_UNITS})\s+ago$", re.I)
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_WEEKDAY_RE = re.compile(
    r"^(?:(last|this|next|past|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I
)


@lru_cache(maxsize=512)
def _parser(prefer: Prefer, base: date) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
            "STRICT_PARSING": False,
        },
    )


def warm_up() -> None:
    """dateparser reads its language data on first use, which is slow: at load time, with spaCy's model,
    rather than inside whichever article first needs it."""
    _parser("past", date(2000, 1, 1)).get_date_data("the second week of August")


def _normalise(text: str) -> str:
    t = " ".join(text.replace("\u2019", "'").split()).strip(" ,.;:()")
    t = _POSSESSIVE_RE.sub("", t)
    t = _TIME_OF_DAY_RE.sub(" ", t)
    t = " ".join(t.split()).strip(" ,.;:-")
    for _ in range(2):
        t = _LEADING_RE.sub("", t)
    # "on Tuesday, October 7" -> the weekday adds nothing once a calendar date is given.
    t = re.sub(rf"^(?:{'|'.join(_WEEKDAYS)}),?\s+(?=(?:{_MONTHS})\b|\d)", "", t, flags=re.I)
    # A range or list of dates: the fact starts on the first one.
    t = _RANGE_RE.sub(r"\1", t)
    t = re.split(r"\s+(?:and|to|through|or|until)\s+|\s*[-\u2013]\s+", t, maxsplit=1)[0]
    return t.strip(" ,")


def _precision_of(text: str) -> Literal["day", "month", "year"] | None:
    if _DAY_RE.search(text):
        return "day"
    if _MONTH_RE.search(text):
        return "month"
    if _YEAR_RE.search(text):
        return "year"
    return None


def _fuzzy(d: date, precision: Literal["day", "month", "year"]) -> FuzzyDate:
    if precision == "day":
        return FuzzyDate(value=d.isoformat(), precision="day")
    if precision == "month":
        return FuzzyDate(value=f"{d.year:04d}-{d.month:02d}", precision="month")
    return FuzzyDate(value=f"{d.year:04d}", precision="year")


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    return date(total // 12, total % 12 + 1, 1)


_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(_MONTHS.split("|")[:12])}
_MONTH_NUMBER.update({name[:3]: n for name, n in list(_MONTH_NUMBER.items())} | {"sept": 9})
_ORD = r"(?:st|nd|rd|th)?"
_MONTH_DAY_RE = re.compile(rf"^(?P<m>{_MONTHS})\.?\s+(?P<d>\d{{1,2}}){_ORD}(?:,?\s+(?P<y>\d{{4}}))?$", re.I)
_DAY_MONTH_RE = re.compile(
    rf"^(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTHS})\.?(?:,?\s+(?P<y>\d{{4}}))?$", re.I
)
_MONTH_YEAR_RE = re.compile(rf"^(?:(?P<m>{_MONTHS})\.?,?\s+)?(?P<y>\d{{4}})$", re.I)
_ISO_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")


def _calendar_date(t: str, base: date, prefer: Prefer) -> date | None:
    """The plain calendar forms news uses most ("October 7", "7 October 2017", "May 2005", "2005"),
    read directly: dateparser gives the same answers but was the largest cost of fact extraction in the
    profile. A missing year is chosen as dateparser's PREFER_DATES_FROM does. None: let dateparser read it."""
    m = _ISO_RE.match(t) or _MONTH_DAY_RE.match(t) or _DAY_MONTH_RE.match(t) or _MONTH_YEAR_RE.match(t)
    if m is None:
        return None
    parts = m.groupdict()
    month_text = parts.get("m")
    if month_text is None:
        month = 1
    elif month_text.isdigit():
        month = int(month_text)
    else:
        month = _MONTH_NUMBER[month_text.lower()]
    day = int(parts["d"]) if parts.get("d") else 1
    year = int(parts["y"]) if parts.get("y") else base.year
    try:
        d = date(year, month, day)
        if parts.get("y") is None:
            if prefer == "past" and d > base:
                d = date(year - 1, month, day)
            elif prefer == "future" and d <= base:
                d = date(year + 1, month, day)
    except ValueError:
        return None  # 30 February, or 29 February in the wrong year: dateparser decides
    return d


def _relative(t: str, published: date, prefer: Prefer) -> FuzzyDate | None:
    """Expressions that only make sense against the publication date; None when `t` is not one of them."""
    low = t.lower()
    if low in _DAY_WORDS:
        return _fuzzy(published + timedelta(days=_DAY_WORDS[low]), "day")
    m = _WEEKDAY_RE.match(low)
    if m:
        target = _WEEKDAYS.index(m.group(2))
        qualifier = m.group(1)
        forward = qualifier in ("next", "coming") or (qualifier is None and prefer == "future")
        if forward:
            delta = (target - published.weekday()) % 7 or 7
            return _fuzzy(published + timedelta(days=delta), "day")
        # A news report's bare weekday is the most recent one; the publication's own weekday means a
        # week earlier only when said "last".
        delta = (published.weekday() - target) % 7
        if delta == 0 and qualifier in ("last", "past"):
            delta = 7
        return _fuzzy(published - timedelta(days=delta), "day")
    if _RELATIVE_MONTH_RE.match(low):
        offset = -1 if re.match(r"^(?:last|previous|past|the past|the previous)", low) else 0
        offset = 1 if low.startswith("next") else offset
        return _fuzzy(_shift_months(published, offset), "month")
    if _RELATIVE_YEAR_RE.match(low):
        offset = -1 if re.match(r"^(?:last|previous|past|the past|the previous)", low) else 0
        offset = 1 if low.startswith("next") else offset
        return _fuzzy(date(published.year + offset, 1, 1), "year")
    if _RELATIVE_WEEK_RE.match(low):
        # A week is not a precision polgraph keeps; the month it fell in is the honest answer.
        days = 7 if not low.startswith(("this", "next")) else 0
        days = -7 if low.startswith("next") else days
        return _fuzzy(published - timedelta(days=days), "month")
    m = _AGO_RE.match(low)
    if m:
        unit = m.group(1).rstrip("s")
        parsed = _parser("past", published).get_date_data(low)
        if parsed.date_obj is None:
            return None
        precision: Literal["day", "month", "year"] = (
            "year"
            if unit in ("year", "decade", "centurie", "century")
            else "month"
            if unit == "month"
            else "day"
        )
        return _fuzzy(parsed.date_obj.date(), precision)
    return None


def resolve_date(text: str, published: date | None, *, prefer: Prefer = "past") -> FuzzyDate | None:
    """One date expression ("October 7", "last month", "fall 2021", "Sunday's") as a FuzzyDate, or None
    when it is not a calendar date (a duration, an age, a clock time) or cannot be placed in time."""
    found = _resolve_cached(text, published, prefer)
    return FuzzyDate(value=found[0], precision=found[1]) if found else None


# dateparser was the largest cost of fact extraction in the profile (bench/RESULTS.md), and news repeats
# the same few expressions against the same publication dates, so answers are kept; the cache holds
# plain tuples because FuzzyDate is mutable.
@lru_cache(maxsize=16384)
def _resolve_cached(text: str, published: date | None, prefer: Prefer) -> tuple[str, DatePrecision] | None:
    found = _resolve_date(text, published, prefer=prefer)
    return (found.value, found.precision) if found else None


def _resolve_date(text: str, published: date | None, *, prefer: Prefer = "past") -> FuzzyDate | None:
    if not text or _AGE_RE.search(text) or _DECADE_RE.search(text):
        return None
    t = _normalise(text)
    duration = _DURATION_RE.match(t) if t else None
    if duration and t[duration.end() :].strip():
        # "six years last month": a sentence's duration and its date in one entity
        return resolve_date(t[duration.end() :], published, prefer=prefer)
    if not t or _TERM_RE.search(t) or duration:
        return None
    if re.search(r"\b(?:after|before|later|earlier|prior to|following)\b", t, re.I) and not _YEAR_RE.search(
        t
    ):
        return None
    vaguer = bool(_SEASON_RE.search(t))
    core = _SEASON_RE.sub("", t).strip() if vaguer else t
    if published is not None:
        rel = _relative(core, published, prefer)
        if rel is not None:
            return rel
    precision = _precision_of(core)
    if precision is None:
        return None
    if precision == "day" and not _YEAR_RE.search(core) and published is None:
        return None  # "July 23" without a year and without a publication date could be any year
    if vaguer:
        precision = "year" if precision != "day" and not _MONTH_RE.search(core) else "month"
    base = published or date(2000, 1, 1)
    d = _calendar_date(core, base, prefer)
    if d is None:
        parsed = _parser(prefer, base).get_date_data(core)
        if parsed.date_obj is None:
            return None
        d = parsed.date_obj.date()
    if precision == "month" and not _YEAR_RE.search(core):
        if published is None:
            return None
        # "in October" of a past fact is the latest October not after publication (dateparser keeps the
        # base year, which may lie in the future).
        d = date(published.year, d.month, 1)
        if prefer == "past" and d > published:
            d = date(published.year - 1, d.month, 1)
        elif prefer == "future" and (d.year, d.month) < (published.year, published.month):
            d = date(published.year + 1, d.month, 1)
    return _fuzzy(d, precision)


# ------------------------------------------------------------------------------------------------ sentences

_FUTURE_AUX = {"will", "shall", "'ll"}
_FUTURE_VERBS = {
    "plan",
    "intend",
    "schedule",
    "set",
    "expect",
    "prepare",
    "vow",
    "promise",
    "threaten",
    "aim",
}
_FUTURE_ADJ = {"upcoming", "forthcoming", "next", "planned", "scheduled", "coming", "future"}


def sentence_prefers_future(sent: Span) -> bool:
    """Whether the sentence reports something still to come ("will hold", "plans to stage", "is due to")."""
    root = sent.root
    heads = [root] + [c for c in root.children if c.dep_ in ("xcomp", "ccomp", "conj")]
    for verb in heads:
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
                return True
        if verb.lemma_ in _FUTURE_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
            return True
        if verb.lemma_ in ("be", "due") and any(
            c.dep_ in ("xcomp", "acomp") and c.lemma_ in ("due", "set", "scheduled", "to")
            for c in verb.children
        ):
            return True
        if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children):
            return True  # "is to hold"
    return False


def _depth_to(token: Token, root: Token) -> int:
    depth = 0
    t = token
    while t != root and t.head != t and depth < 50:
        t = t.head
        depth += 1
    return depth if t == root else 99


def date_of_span(span: Span, published: date | None, *, prefer: Prefer | None = None) -> FuzzyDate | None:
    """Date named by a DATE entity (or any span), with past/future taken from its sentence unless given."""
    if prefer is None:
        prefer = "future" if sentence_prefers_future(span.sent) else "past"
    fd = resolve_date(span.text, published, prefer=prefer)
    if fd is None or fd.precision == "year" or _YEAR_RE.search(span.text) or prefer == "future":
        return fd
    return _year_from_article(fd, span)


def _year_from_article(fd: FuzzyDate, span: Span) -> FuzzyDate:
    """A month named without a year ("the October election") is the month the article last named with a year
    ("the October 2020 elections"), when it did: the publication date alone would pick the latest October."""
    month = int(fd.value[5:7])
    name = calendar.month_name[month].lower()
    before = doc_text(span.doc)[: span.start_char]
    found = re.findall(
        rf"\b(?:{name}|{name[:3]}\.?)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(\d{{4}})\b", before, re.I
    )
    if not found:
        return fd
    year = int(found[-1])
    if str(year) == fd.value[:4]:
        return fd
    return FuzzyDate(value=f"{year:04d}{fd.value[4:]}", precision=fd.precision)


def date_modifier(token: Token) -> Span | None:
    """The DATE entity attached to a noun or verb: "the July 23 elections", "Sunday's polls", "held on
    Sunday", "protests in March"."""
    doc = token.doc
    for child in token.children:
        if child.dep_ in ("nmod", "compound", "poss", "npadvmod", "amod", "nummod", "tmod", "appos"):
            ent = date_entity_of(child)
            if ent is not None:
                return ent
        if child.dep_ == "prep" and child.lower_ in (
            "on",
            "in",
            "of",
            "since",
            "during",
            "at",
            "from",
            "by",
            "for",
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    ent = date_entity_of(pobj)
                    if ent is not None:
                        return ent
    # Compounds sometimes hang "July 23" off the noun's first modifier instead of the noun itself.
    left = date_entities(doc, token.left_edge.i, token.i)
    return left[0] if left else None


_DATE_BOUNDS = "polgraph_date_bounds"


def _date_bounds(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Token bounds of the document's DATE entities, found once. `Doc.ents`, and `Span.ents` which reads
    it, build a Span for every entity of the document on each access, and the date rules ask per token and
    per sentence. Kept as numbers, so that the Doc holds no Span of itself."""
    bounds = doc.user_data.get(_DATE_BOUNDS)
    if bounds is None:
        bounds = doc.user_data[_DATE_BOUNDS] = tuple(
            (ent.start, ent.end) for ent in doc.ents if ent.label_ == "DATE"
        )
    return bounds


def date_entities(doc: Doc, start: int = 0, end: int | None = None) -> list[Span]:
    """The DATE entities lying wholly within tokens [start, end) of the document, in order (what
    `doc[start:end].ents` gives, less the other labels)."""
    stop = len(doc) if end is None else end
    return [Span(doc, s, e, label="DATE") for s, e in _date_bounds(doc) if s >= start and e <= stop]


def date_entity_of(token: Token) -> Span | None:
    """The DATE entity the token is part of, if it is part of one."""
    if token.ent_type_ != "DATE":
        return None
    for s, e in _date_bounds(token.doc):
        if s <= token.i < e:
            return Span(token.doc, s, e, label="DATE")
    return None


def sentence_date(sent: Span, published: date | None, *, prefer: Prefer | None = None) -> FuzzyDate | None:
    """Date of the fact a sentence reports: among its DATE entities that are calendar dates, the one closest
    to the main verb in the parse. Past or future is read from the sentence unless the caller knows it (an
    announced event is in the future even when told in the past tense: "he announced a rally for May 3")."""
    if prefer is None:
        prefer = "future" if sentence_prefers_future(sent) else "past"
    best: tuple[int, int, FuzzyDate] | None = None
    for ent in date_entities(sent.doc, sent.start, sent.end):
        if (
            ent.root.head.lower_ in ("after", "before", "since", "until", "ago")
            and ent.root.dep_ == "npadvmod"
        ):
            continue  # "two days after the vote": an offset from another event
        fd = resolve_date(ent.text, published, prefer=prefer)
        if fd is None:
            continue
        key = (_depth_to(ent.root, sent.root), ent.start)
        if best is None or key < best[:2]:
            best = (key[0], key[1], fd)
    return best[2] if best else None


_TIMELINE_LINE_RE = re.compile(
    rf"[ \t]*((?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{4}}|\d{{4}})\s*[:\u2013\u2014-]\s",
    re.I,
)


def doc_text(doc: Doc) -> str:
    """The document's text, built once: `Doc.text` joins every token again on each access, which the
    profile showed when rules asked for it per token."""
    text = doc.user_data.get("polgraph_text")
    if text is None:
        text = doc.user_data["polgraph_text"] = doc.text
    return str(text)


def line_date(token: Token, published: date | None) -> FuzzyDate | None:
    """The date heading a chronology line ("March 2005: Protests ...") that the token stands on. The parser
    often joins such lines into one sentence, so the line, not the sentence, carries the date."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    m = _TIMELINE_LINE_RE.match(text, start)
    if m is None or m.end() > token.idx:
        return None
    return resolve_date(m.group(1), published)
