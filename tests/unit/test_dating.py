"""Acts the text dates before the article's month are background (real parser, no broker)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.coder import default_coder
from agents.coder.dating import When, reference
from schemas.models import Article


def _triples(text: str, published: datetime | None = None) -> list[tuple[str, str, int]]:
    article = Article(id="dating", title="t", text=text, published=published)
    return sorted((e.source, e.target, e.quad_class) for e in default_coder().extract(article))


@pytest.mark.parametrize(("text", "month"), [
    ("KYIV, Oct. 2 (Reuters) - Russia ...", 10), ("LIMA, Nov 3 (Reuters) - Peru ...", 11),
    ("PUTRAJAYA, July 28 (Reuters) - ...", 7), ("Moscow: Pakistan ...", None), ("Peru broke ...", None),
])
def test_the_dateline_gives_the_month(text: str, month: int | None) -> None:
    when = reference(None, text)
    assert (when.month if when else None) == month


def test_the_published_date_wins_over_the_dateline() -> None:
    assert reference(datetime(2025, 3, 1, tzinfo=UTC).date(), "KYIV, Oct. 2 (Reuters) - x") == When(3, 1)
    assert reference(None, "KYIV, Oct. 2 (Reuters) - x") == When(10, 2)


def test_a_day_a_week_or_more_before_is_background() -> None:
    lead = "ISLAMABAD, Oct 19 (Reuters) - Pakistan and Afghanistan agreed to a truce on Sunday. "
    assert _triples(lead + "Pakistan carried out air strikes in Kabul on Oct 9.") == [
        ("AFG", "PAK", 2), ("PAK", "AFG", 2)]
    assert _triples(lead + "Pakistan carried out air strikes in Kabul on Oct 17.") == [
        ("AFG", "PAK", 2), ("PAK", "AFG", 2), ("PAK", "AFG", 4)]
    assert _triples(lead + "Sri Lanka has detained Indian fishermen over the past two years.") == [
        ("AFG", "PAK", 2), ("PAK", "AFG", 2)]


def test_an_earlier_month_is_background_the_same_month_is_news() -> None:
    lead = "BERLIN, Nov 3 (Reuters) - Germany expelled two Russian diplomats on Monday. "
    assert _triples(lead + "In May, German police arrested three Ukrainian men.") == [("DEU", "RUS", 4)]
    assert _triples(lead + "Washington imposed sanctions on Russian oil majors on Oct. 22.") == [
        ("DEU", "RUS", 4)]
    assert _triples(lead + "Poland imposed sanctions on Belarus on Nov. 2.") == [
        ("DEU", "RUS", 4), ("POL", "BLR", 4)]
    # December is last month in a January story; a plan for a later month is no history
    assert _triples("BERLIN, Jan 3 (Reuters) - Germany expelled two Russian diplomats in December.") == []
    assert _triples("BERLIN, Nov 3 (Reuters) - Germany will host Polish leaders in December.") == [
        ("DEU", "POL", 1)]


def test_relative_past_is_background_in_a_dated_article_only() -> None:
    lead = "BERLIN, Nov 3 (Reuters) - Germany expelled two Russian diplomats on Monday. "
    assert _triples(lead + "The Dominican Republic deported 276,000 Haitians last year.") == [
        ("DEU", "RUS", 4)]
    assert _triples(lead + "India criticised Turkey earlier this month.") == [("DEU", "RUS", 4)]
    published = datetime(2025, 11, 3, tzinfo=UTC)
    assert _triples("Britain scrapped a plan to deport migrants to Rwanda last year.", published) == []
    # the date on the verb that governs the noun: "threatened last month to double tariffs on"
    assert _triples("Trump threatened last month to double tariffs on Chinese goods.", published) == []
    assert _triples("Trump threatened on Monday to double tariffs on Chinese goods.", published) == [
        ("USA", "CHN", 3)]
    # undated (a gold-standard sentence), nothing is dated before the article
    assert _triples("The United States continued to send arms to Pakistan last year.") == [
        ("USA", "PAK", 2)]
    assert _triples("In January, Pakistan held official discussions with Russia.") == [
        ("PAK", "RUS", 1), ("RUS", "PAK", 1)]


def test_the_purpose_of_an_act_dates_it() -> None:
    published = datetime(2025, 7, 17, tzinfo=UTC)
    text = "China hosted Pakistan's foreign minister and Japan's foreign minister for talks in May."
    assert _triples(text, published) == []
    assert _triples(text.replace("in May", "on Tuesday"), published) == [
        ("CHN", "JPN", 1), ("CHN", "PAK", 1), ("JPN", "CHN", 1), ("PAK", "CHN", 1)]


def test_a_dateline_after_a_headline_and_a_byline_or_before_an_agency_tag_is_read() -> None:
    from agents.coder.text import sentences

    text = ("Saudi minister in Islamabad\n\nOur Correspondent\n\nISLAMABAD: Saudi Arabia's minister "
            "arrived in Islamabad on Friday.")
    assert _triples(text, datetime(2025, 5, 9, tzinfo=UTC)) == [("PAK", "SAU", 1), ("SAU", "PAK", 1)]
    (first,) = list(sentences("NEW DELHI, May 9 (PTI) Saudi Arabia's minister arrived in India."))
    assert first.after_dateline().text.startswith("Saudi Arabia's minister")
    (plain,) = list(sentences("Russia (RUS) said on Monday it was ready."))
    assert plain.after_dateline() == plain
