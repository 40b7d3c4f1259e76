"""Date expressions resolved against the publication date, and the date of a sentence's fact."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.facts.dates import (
    date_entities,
    date_entity_of,
    date_of_span,
    line_date,
    resolve_date,
    sentence_date,
)

PUB = date(2017, 10, 13)  # a Friday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("October 7", "2017-10-07", "day"),
        ("July 23", "2017-07-23", "day"),
        ("November 20", "2016-11-20", "day"),  # not after publication for a past fact
        ("October 2020", "2020-10", "month"),
        ("2019", "2019", "year"),
        ("fall 2021", "2021", "year"),
        ("the summer of 2014", "2014", "year"),
        ("last month", "2017-09", "month"),
        ("on Tuesday", "2017-10-10", "day"),
        ("Sunday's", "2017-10-08", "day"),
        ("yesterday", "2017-10-12", "day"),
        ("13 March 2011", "2011-03-13", "day"),
        ("March 4, 2012", "2012-03-04", "day"),
        ("last year", "2016", "year"),
        ("Saturday, October 7", "2017-10-07", "day"),
        ("late August", "2017-08", "month"),
    ],
)
def test_resolve_past(text: str, value: str, precision: str) -> None:
    fd = resolve_date(text, PUB)
    assert fd is not None
    assert (fd.value, fd.precision) == (value, precision)


def test_resolve_future_prefers_next_occurrence() -> None:
    assert resolve_date("on Tuesday", PUB, prefer="future") == resolve_date("2017-10-17", PUB)
    fd = resolve_date("January 28", PUB, prefer="future")
    assert fd is not None and fd.value == "2018-01-28"


@pytest.mark.parametrize(
    "text",
    [
        "eight years",
        "two days",
        "two days after the vote",
        "10 a.m.",
        "morning",
        "a second term",
        "45-year-old",
    ],
)
def test_not_dates(text: str) -> None:
    assert resolve_date(text, PUB) is None


def test_month_day_without_publication_is_unknown() -> None:
    assert resolve_date("July 23", None) is None
    fd = resolve_date("July 23, 2009", None)
    assert fd is not None and fd.value == "2009-07-23"


def test_sentence_date_prefers_main_verb_date(nlp: Language) -> None:
    doc = nlp("The 52-year-old senator, first elected in 2004, was arrested on Wednesday in the capital.")
    fd = sentence_date(next(iter(doc.sents)), PUB)
    assert fd is not None and fd.value == "2017-10-11"


def test_sentence_date_skips_durations(nlp: Language) -> None:
    doc = nlp("The mayor was jailed for six years last month.")
    fd = sentence_date(next(iter(doc.sents)), PUB)
    assert fd is not None and (fd.value, fd.precision) == ("2017-09", "month")


def test_sentence_date_future(nlp: Language) -> None:
    doc = nlp("The opposition will hold a rally on Sunday in the capital.")
    fd = sentence_date(next(iter(doc.sents)), PUB)
    assert fd is not None and fd.value == "2017-10-15"


def test_sentence_without_date(nlp: Language) -> None:
    doc = nlp("Two days after the vote, police detained the candidate.")
    assert sentence_date(next(iter(doc.sents)), PUB) is None


def test_sentence_date_future_when_caller_knows_it_is_announced(nlp: Language) -> None:
    sent = next(nlp("He announced another protest for January 28.").sents)
    pub = date(2012, 1, 17)
    got = sentence_date(sent, pub, prefer="future")
    assert got is not None and got.value == "2012-01-28"
    past = sentence_date(sent, pub)
    assert past is not None and past.value == "2011-01-28"


def test_line_date_of_a_chronology_line(nlp: Language) -> None:
    doc = nlp("March 2005: Protests topple the president\n\nJuly 2005: A new president is elected\n")
    protests = next(t for t in doc if t.text == "Protests")
    elected = next(t for t in doc if t.text == "elected")
    assert line_date(protests, PUB) == resolve_date("March 2005", PUB)
    got = line_date(elected, PUB)
    assert got is not None and got.value == "2005-07"
    plain = nlp("Protests toppled the president in 2005.")
    assert line_date(plain[0], PUB) is None


def test_bare_month_takes_the_year_the_article_named_it_with(nlp: Language) -> None:
    doc = nlp("The October 2020 elections were annulled. Protests broke out after the October election.")
    ent = [e for e in doc.ents if e.label_ == "DATE" and e.text.lower().endswith("october")][-1]
    got = date_of_span(ent, date(2021, 10, 1))
    assert got is not None and got.value == "2020-10"


def test_plain_calendar_forms_read_directly_agree_with_dateparser() -> None:
    """The fast path ("October 7", "7 October 2017", "May 2005", ISO days) answers as dateparser does."""
    import random
    from datetime import timedelta

    from ingest.facts import dates as D

    rng = random.Random(11)
    months = D._MONTHS.split("|")
    compared = 0
    for _ in range(600):
        base = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        m, d, y = rng.choice(months), rng.randint(1, 31), rng.randint(1990, 2030)
        text = rng.choice(
            [f"{m.title()} {d}", f"{m} {d}, {y}", f"{d} {m.title()}", f"{d} {m} {y}", f"{m.title()} {y}",
             f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"{d}th of {m}"]
        )  # fmt: skip
        prefer = rng.choice(["past", "future"])
        fast = D._calendar_date(text, base, prefer)
        if fast is None:
            continue
        parsed = D._parser(prefer, base).get_date_data(text)
        assert parsed.date_obj is not None, text
        slow = parsed.date_obj.date()
        # Month precision keeps year and month only; dateparser fills the day from the base.
        assert (fast.year, fast.month) == (slow.year, slow.month), (text, base, prefer)
        if D._DAY_RE.search(text):
            assert fast == slow, (text, base, prefer)
        compared += 1
    assert compared > 400


def test_date_entities_are_what_the_doc_reads_as_dates_in_any_range() -> None:
    words = ["On", "March", "3", "2010", "Smith", "met", "Jones", "in", "Bishkek", "last", "week", "."]
    ents = [
        "O",
        "B-DATE",
        "I-DATE",
        "I-DATE",
        "B-PERSON",
        "O",
        "B-PERSON",
        "O",
        "B-GPE",
        "B-DATE",
        "I-DATE",
        "O",
    ]
    doc = Doc(Vocab(), words=words, ents=ents)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            expected = [(e.start, e.end) for e in doc[start:end].ents if e.label_ == "DATE"]
            got = date_entities(doc, start, end)
            assert [(e.start, e.end) for e in got] == expected, (start, end)
            assert all(e.label_ == "DATE" for e in got)
    assert [e.text for e in date_entities(doc)] == ["March 3 2010", "last week"]
    for tok in doc:
        inside = [e for e in doc.ents if e.start <= tok.i < e.end and e.label_ == "DATE"]
        found = date_entity_of(tok)
        assert (found.text if found is not None else None) == (inside[0].text if inside else None)
