"""Cleaning: furniture removal, dateline and date-stamp metadata, identity, re-joining, language check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from ingest.clean import clean_article
from ingest.errors import InputError
from ingest.models import RawArticle
from ingest.read import read_inputs

BODY = (
    "The ruling party of Ruritania lost its majority in Sunday's parliamentary election, the electoral "
    "commission said on Monday.\n\n"
    "Opposition leader Anna Varga said her coalition would seek talks with smaller parties to form a "
    "government before the end of the month."
)
SHARED = Path(__file__).resolve().parents[3] / "shared"
ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def raw(text: str, **fields: object) -> RawArticle:
    return RawArticle(source_path="test.txt", text=text, **fields)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_widgets_menus_and_placeholders_are_removed() -> None:
    text = (
        "Skip to content\n\nBreaking News\n\nRuritania's ruling party loses majority\n\n"
        "XS\nSM\nMD\n\n\u2022 4x3 Image\n\nW640\n\n" + BODY + "\n\nShare this\n\nComments 12\n\n"
        "Related stories\n\nWhy the harvest failed again\nHow a tiny island became a tax haven\n"
        "Is the capital sinking?\n\nWorld Business Politics Sport Science Health"
    )
    article = clean_article(raw(text, title="Ruritania's ruling party loses majority"))
    assert paragraphs(article.text) == [
        "Ruritania's ruling party loses majority",
        *paragraphs(BODY),
    ]
    for gone in ("Skip to content", "XS", "4x3 Image", "W640", "Comments 12", "Is the capital sinking?"):
        assert gone in article.removed
    assert "World Business Politics Sport Science Health" in article.removed


def test_repeated_caption_keeps_first_occurrence() -> None:
    caption = "Anna Varga (centre) speaks to supporters in the capital after the vote on Sunday."
    article = clean_article(raw(caption + "\n" + caption + "\n\n" + BODY))
    assert paragraphs(article.text).count(caption) == 1
    assert article.removed == [caption]


def test_heading_followed_by_text_is_kept_and_lone_short_line_is_not() -> None:
    later = "Talks between the coalition partners are expected to begin in the capital on Thursday morning."
    text = BODY + "\n\nCoalition talks\n\n" + later + "\n\nMore Top Picks"
    article = clean_article(raw(text))
    assert "Coalition talks" in paragraphs(article.text)
    assert article.removed == ["More Top Picks"]


def test_author_box_and_comment_form_are_removed() -> None:
    text = (
        BODY + "\n\nMarta Kowal\n\nMarta Kowal is a senior correspondent who has covered Eastern Europe "
        "for two decades.\n\nYour name\n\nYour E-mail address\n\nCity (optional):\n\nPrint Sponsor"
    )
    article = clean_article(raw(text))
    assert article.text == BODY
    assert "Marta Kowal" in article.removed and "Your E-mail address" in article.removed


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("VALDORIA, Mar 3 (Reuters) - Protesters", "VALDORIA, Mar 3"),
        ("VALDORIA -- Protesters", "VALDORIA"),
        ("NEW PORTSMOUTH (AP) \u2014 Protesters", "NEW PORTSMOUTH"),
    ],
)
def test_dateline_becomes_metadata_and_stays_in_text(opening: str, dateline: str) -> None:
    first = opening + " marched on the parliament building on Tuesday to demand the minister's resignation."
    article = clean_article(raw(first + "\n\n" + BODY))
    assert article.dateline == dateline
    assert article.text.startswith(opening)


def test_no_dateline_in_ordinary_text() -> None:
    assert clean_article(raw(BODY)).dateline is None


def test_updated_line_gives_dates_and_is_removed() -> None:
    stamp = "Page last updated at 09:12 GMT, Monday, 14 June 2021 10:12 UK"
    article = clean_article(raw(stamp + "\n\n" + BODY))
    assert article.updated == date(2021, 6, 14)
    assert article.published == date(2021, 6, 14)
    assert stamp in article.removed and "updated" not in article.text
    known = clean_article(raw(stamp + "\n\n" + BODY, published=date(2021, 6, 13)))
    assert known.published == date(2021, 6, 13) and known.updated == date(2021, 6, 14)


def test_title_stays_as_first_paragraph() -> None:
    title = "Ruritania's ruling party loses majority"
    article = clean_article(raw(title + "\n\n" + BODY, title=title))
    assert paragraphs(article.text)[0] == title
    assert article.title == title


def test_furniture_title_is_not_kept() -> None:
    article = clean_article(
        raw("Accessibility links\n\nVarga claims victory\n\n" + BODY, title="Accessibility links")
    )
    assert article.title == "Varga claims victory"
    assert paragraphs(article.text)[0] == "Varga claims victory"


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    wrapped = (
        "The electoral commission of Ruritania annulled the results of the municipal vote in three\n"
        "districts on Friday, citing evidence of ballot stuffing and the intimidation of observers at\n"
        "polling stations across the north of the country.\n"
        "Opposition parties, which had refused to accept the count, said the decision came too late and\n"
        "demanded a full recount in the capital as well.\n"
    )
    article = clean_article(raw(wrapped))
    assert paragraphs(article.text) == [
        "The electoral commission of Ruritania annulled the results of the municipal vote in three "
        "districts on Friday, citing evidence of ballot stuffing and the intimidation of observers at "
        "polling stations across the north of the country.",
        "Opposition parties, which had refused to accept the count, said the decision came too late and "
        "demanded a full recount in the capital as well.",
    ]


def test_short_list_lines_are_not_joined_or_dropped() -> None:
    timeline = (
        "March 2004: Parliament elects Ivan Dorn as president after a disputed count in two provinces\n"
        "May 2006: Mass protests force early elections\n"
        "April 2010: Dorn resigns and leaves the country for exile in the south\n"
    )
    article = clean_article(raw(BODY + "\n\n" + timeline))
    assert paragraphs(article.text)[-3:] == timeline.strip().split("\n")


def test_list_introduced_by_the_text_is_kept() -> None:
    names = ["Anna Varga", "Ivan Dorn", "Petra Novak"]
    article = clean_article(raw(BODY + "\n\nThree candidates were registered:\n" + "\n".join(names)))
    assert paragraphs(article.text)[-3:] == names


def test_list_items_ending_in_a_bracket_are_kept() -> None:
    rows = [
        "\u2022 Unity Party \u2013 4.12% (81,302)",
        "\u2022 Green Front \u2013 2.07% (40,118)",
        "\u2022 Farmers \u2013 1% (19,950)",
    ]
    text = BODY + "\n\nThe other parties received the following shares:\n\n" + "\n".join(rows)
    article = clean_article(raw(text))
    assert paragraphs(article.text)[-3:] == [r.removeprefix("\u2022 ") for r in rows]


def test_whitespace_and_unicode_are_normalised() -> None:
    decomposed = "Re\u0301gis  Dupont   said the vote was \u201cfree\u201d and fair and the count honest."
    article = clean_article(raw(decomposed + "\n\n\n\n" + BODY))
    first = paragraphs(article.text)[0]
    assert first.startswith("R\u00e9gis Dupont said")
    assert "\u201cfree\u201d" in first


def test_identity_from_content_and_url() -> None:
    first = clean_article(raw(BODY))
    again = clean_article(raw(BODY + "\n\nShare this"))
    edited = clean_article(raw(BODY.replace("Monday", "Tuesday")))
    assert first.id == again.id and first.content_hash == again.content_hash
    assert first.id == "article:" + first.content_hash
    assert edited.content_hash != first.content_hash and edited.id != first.id
    linked = clean_article(raw(BODY, url="https://news.example.org/a/1"))
    linked_edited = clean_article(raw(BODY.replace("Monday", "Tuesday"), url="https://news.example.org/a/1"))
    assert linked.id == linked_edited.id != first.id
    assert linked.content_hash != linked_edited.content_hash


def test_nothing_left_raises() -> None:
    with pytest.raises(InputError) as caught:
        clean_article(raw("Share this\n\nAdvertisement\n\nXS\nSM"))
    assert caught.value.source == "test.txt" and "no article text" in caught.value.problem


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a annoncé mardi la démission du ministre de l'intérieur après plusieurs jours de "
        "manifestations dans la capitale. Les partis d'opposition réclament des élections anticipées.",
        "Die Regierung hat am Dienstag den Rücktritt des Innenministers bekannt gegeben, nachdem es in der "
        "Hauptstadt tagelang Proteste gegeben hatte. Die Opposition fordert vorgezogene Neuwahlen.",
        "政府は火曜日に 内務大臣の辞任を 発表した.",
    ],
)
def test_non_english_text_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        clean_article(raw(text))
    assert "not English" in caught.value.problem


def test_one_sentence_english_article_is_accepted() -> None:
    article = clean_article(raw("Ruritania's president dissolved parliament on Friday."))
    assert article.text == "Ruritania's president dissolved parliament on Friday."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Valdoria: Ivo Brand Marta Kell Talks\n\n"
            "Ivo Alexandru Brand and Marta Kell held telephone talks on Monday. Valdoria and Ostria signed "
            "a security cooperation agreement on Monday. Ivo Alexandru Brand urged Pavel Dorn Vesk to resign "
            "on Tuesday. Ostria sent humanitarian aid to Valdoria. Ivo Alexandru Brand threatened to impose "
            "sanctions on Ostria last month. Valdoria has openly supported Oskar Lind, officials said.",
            "Oskar Lind",
        ),
        # "Al", "Su", "Po", "Mai", "Chi" and "De" are Italian, Spanish, Dutch or Polish function words; inside
        # a sentence, capitalised, they are names.
        (
            "Valdoria: Sami Al Harbi and Chen Chi Mai trade blows\n\n"
            "Sami Al Harbi publicly backed Nadia Al Sabah in July. Supporters of Sami Al Harbi rallied in Al "
            "Ahmadi against the government of Kao Su Po. Ostria imposed sanctions on Sami Al Harbi. Chen Chi "
            "Mai and Anouk De Vries held telephone talks in July.",
            "Kao Su Po",
        ),
        # "U" opens sentences here: the Burmese honorific, and Polish "u"; "on" and "to" are English and
        # Polish both. Running into the capitalised "Tin", it is a name.
        (
            "Myanmar: U Tin Oo and Thura Shwe trade blows\n\n"
            "YANGON -- Norway imposed sanctions on U Tin Oo in May. U Tin Oo threatened to impose "
            "sanctions on Norway on May 16. Norway sent aid to Myanmar on May 14.\n\n"
            "U Tin Oo urged Thura Shwe to resign on Monday.",
            "U Tin Oo urged Thura Shwe",
        ),
    ],
)
def test_an_english_story_dense_with_names_is_accepted(text: str, kept: str) -> None:
    assert kept in clean_article(raw(text)).text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "Il governo ha annunciato martedì le dimissioni del ministro. La opposizione chiede che le "
            "elezioni siano anticipate. Per il partito di Mario Rossi non ci sono alternative.",
            "looks like 'it'",
        ),
        # "Die Regierung": the German noun is capitalised, so "Die" does not count; the rest still does.
        (
            "Die Regierung hat am Dienstag den Rücktritt des Innenministers bekannt gegeben. Die "
            "Opposition fordert vorgezogene Neuwahlen, und die Partei von Hans Meier will nicht mit der "
            "Regierung reden.",
            "not English",
        ),
    ],
)
def test_a_foreign_story_is_refused_although_its_sentences_start_with_capitals(
    text: str, problem: str
) -> None:
    with pytest.raises(InputError) as caught:
        clean_article(raw(text))
    assert problem in caught.value.problem


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.yaml").exists(), reason="shared sample data not present")
def test_sample_articles_have_dates_and_lose_their_furniture() -> None:
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text(encoding="utf-8"))["articles"]
    items = list(read_inputs([str(ARTICLES)]))
    assert all(isinstance(i, RawArticle) for i in items), items
    cleaned = {Path(i.source_path).name: clean_article(i) for i in items if isinstance(i, RawArticle)}
    assert set(cleaned) == set(gold)
    for name, expected in gold.items():
        article = cleaned[name]
        assert article.published == expected["published"], name
        lines = {line.strip() for line in article.text.split("\n")}
        for furniture in expected.get("boilerplate", []):
            assert furniture not in lines, (name, furniture)


@pytest.mark.parametrize(
    "text",
    [
        "Commission President Ana von der Marck met ministers in Brava on Monday.",
        "Envoy Luis de la Torre spoke to Pieter van den Berg in Ostia.",
    ],
)
def test_particles_inside_names_do_not_make_english_foreign(text: str) -> None:
    assert clean_article(raw(text)).text == text


def test_a_german_text_with_von_and_der_is_still_refused() -> None:
    text = "Die Regierung von Ostia hat in der Hauptstadt die neue Politik der Koalition vorgestellt."
    with pytest.raises(InputError):
        clean_article(raw(text))


def test_an_english_word_that_is_a_foreign_function_word_does_not_refuse_a_short_story() -> None:
    text = "Envoy Ana Lusk met Norland's prime minister in Brava."
    assert clean_article(raw(text)).text == text


def test_words_run_together_by_stripped_markup_are_parted() -> None:
    text = (
        "Police held the deputy leader of the Unity Party (UP)Ana Lusk on Monday, a statement from "
        "theWhite House said, citing theReuters report.\n\niPhone sales and McDonald's were not affected."
    )
    clean = clean_article(RawArticle(source_path="glued.txt", text=text)).text
    assert "(UP) Ana Lusk" in clean
    assert "the White House" in clean and "the Reuters report" in clean
    assert "iPhone sales and McDonald's" in clean
