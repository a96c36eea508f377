"""Second mentions by surname (pure text, no parser): a person named in full once, from the
actor lists or after a demonym and an office, is the same actor when named by surname later."""

from __future__ import annotations

from agents.coder import default_coder
from agents.coder.surnames import second_mentions
from schemas.models import Article


def _hits(text: str) -> list[tuple[str, str, str]]:
    matcher = default_coder().matcher
    hits = second_mentions(text, matcher.scan(text, text.lower(), None))
    return [(text[h.start:h.end], h.name.country, h.name.kind) for h in hits if h.name is not None]


def test_a_name_after_a_demonym_and_an_office_is_that_country_s_person_later_too() -> None:
    text = "Cuban Foreign Minister Bruno Rodriguez spoke on Saturday. Later Rodriguez left."
    hits = _hits(text)
    assert ("Bruno Rodriguez", "CUB", "person") in hits and ("Rodriguez", "CUB", "person") in hits
    assert not any(kind == "city" for _, _, kind in hits)  # not the town of Rodriguez


def test_a_surname_two_countries_share_stands_for_neither() -> None:
    text = "Chilean President Ana Lopez met Peruvian Foreign Minister Juan Lopez. Lopez said no."
    assert [h for h in _hits(text) if h[0] == "Lopez"] == []


def test_a_surname_only_sentence_is_coded_with_its_actor() -> None:
    text = ("Colombian President Gustavo Petro imposed tariffs on Ecuador on Saturday. "
            "Petro also asked Ecuador to reopen the border.")
    events = default_coder().extract(Article(id="surnames", title="t", text=text))
    assert [(e.source, e.target, e.evidence.sentence_index) for e in events] == [
        ("COL", "ECU", 0), ("COL", "ECU", 1)]


def test_an_office_opening_a_sentence_of_a_datelined_story_is_the_dateline_s() -> None:
    text = ("LIMA, Nov 3 (Reuters) - Peru broke off relations with Mexico. Foreign Minister Hugo de "
            "Zela accused Mexico of interfering. Mexico's leader met President Ana Torres.")
    hits = _hits(text)
    assert ("Hugo de Zela", "PER", "person") in hits
    assert not any(name == "Ana Torres" for name, _, _ in hits)  # not opening a sentence: anyone's


def test_a_person_found_by_name_and_by_office_is_one_person() -> None:
    text = ("Ecuadorean President Daniel Noboa ordered a tariff on Saturday. "
            "Petro asked Noboa to meet him at the border.")
    assert ("Noboa", "ECU", "person") in _hits(text)


def test_a_surname_with_a_joined_particle_is_found_opening_a_sentence() -> None:
    text = ("Saudi Arabia's Minister of State Adel al-Jubeir arrived on Friday. "
            "Al-Jubeir called on Prime Minister Shehbaz Sharif.")
    assert ("Al-Jubeir", "SAU", "person") in _hits(text)


def test_he_is_a_person_not_a_country_s_strikes() -> None:
    text = ("The prime minister condemned India's aggression, saying Indian missile strikes had "
            "killed civilians. He thanked the Saudi leadership for its support.")
    events = default_coder().extract(Article(id="he", title="t", text=text))
    assert not any((e.source, e.target) == ("IND", "SAU") for e in events)
