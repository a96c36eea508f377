"""General linguistic rules of the coder, on sentences of our own (not from the dev set)."""

from __future__ import annotations

import pytest

from agents.coder import default_coder
from agents.coder.lexicon import inflect, load_cameo
from agents.coder.text import sentences
from agents.coder.vocab import load_vocabulary
from schemas.models import Article


def code(text: str) -> list[tuple[str, str, int]]:
    events = default_coder().extract(Article(id="t", text=text))
    return [(e.source, e.target, e.quad_class) for e in events]


def actors(text: str) -> list[tuple[str, str, str]]:
    events = default_coder().extract(Article(id="t", text=text))
    return [(e.source_actor, e.target_actor, e.cameo_code) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice, subject -> object
        ("China accused Japan of violating its airspace.", [("CHN", "JPN", 3)]),
        # passive voice: the by-agent is the source
        ("Turkish soldiers were attacked by Greek forces.", [("GRC", "TUR", 4)]),
        # possessive object
        ("Germany rejected Poland's request for reparations.", [("DEU", "POL", 3)]),
        # "X and Y" gives both directions
        ("Brazil and Argentina signed a trade agreement on Monday.", [("BRA", "ARG", 1), ("ARG", "BRA", 1)]),
        # joint activity "with Y" gives both directions
        ("Japan held talks with South Korea in Tokyo.", [("JPN", "KOR", 1), ("KOR", "JPN", 1)]),
        # from X
        ("Nigeria bought Russian-made helicopters from Turkey.", [("NGA", "TUR", 2)]),
        # to X; intention is coded as intent (03), not as the act
        ("France will send military aid to Ukraine.", [("FRA", "UKR", 1)]),
        # refusal of a cooperative act is a rejection
        ("Canada refused to meet the Chinese delegation.", [("CAN", "CHN", 3)]),
        # an appeal codes the appeal, not the act appealed for
        ("Pakistan urged India to resume talks.", [("PAK", "IND", 1)]),
        # reported speech: the speaker demands of the clause's subject
        ("Russia said that Ukraine must withdraw its troops.", [("RUS", "UKR", 3)]),
        # anonymous sources are not actors; the reported event is coded
        ("Diplomatic sources said that Russia expelled two Estonian diplomats.", [("RUS", "EST", 4)]),
        # dateline is not an actor
        ("Berlin: France criticized Italy over migration.", [("FRA", "ITA", 3)]),
        # a place named after 'in' is not the speaker
        ("Officials in Seoul said North Korea fired missiles at Japan.", [("PRK", "JPN", 4)]),
        # glued image-tag junk
        ("tags, iran, iraqIraq condemned Iran.", [("IRQ", "IRN", 3)]),
        # light coreference across sentences
        (
            "Vietnam has long disputed the islands. The country accused China of aggression.",
            [("VNM", "CHN", 3)],
        ),
        ("Iraq said it would allow Kuwaiti inspectors.", []),
        # the receiver is the target of the giver's act
        ("Ukraine received F-16 jets from Denmark on Monday.", [("DNK", "UKR", 2)]),
        # coordinated passive agents
        ("Russia was condemned by Britain and France.", [("GBR", "RUS", 3), ("FRA", "RUS", 3)]),
        # a relative clause does not lend its actor to the main verb
        (
            "US President Joe Biden, who met Chinese leader Xi Jinping last week, said on Monday "
            "that Russia must end the war.",
            [("USA", "CHN", 1), ("CHN", "USA", 1), ("USA", "RUS", 3)],
        ),
        # a reciprocal verb without an object is active, not an agentless passive
        ("Greece and Turkey met in Athens on Thursday.", [("GRC", "TUR", 1), ("TUR", "GRC", 1)]),
        ("Sudanese and Chadian troops clashed near the border.", [("SDN", "TCD", 4), ("TCD", "SDN", 4)]),
        # ... but a long list acting together is one multilateral event, not 30 bilateral ones
        ("Delegations of Brazil, Chile, Peru, Colombia, Ecuador, Bolivia and Uruguay met in Lima.", []),
        # ... while a transitive one still is: nobody is named as the killer, so the country
        # where foreigners were killed stands for who killed them (as in GDELT), never the victims
        ("Two Malian soldiers killed in Niger were buried on Monday.", [("NER", "MLI", 4)]),
        # '<agent> of <country>' acts like '<country>'s <agent>'
        ("The president of Ghana thanked China for its support.", [("GHA", "CHN", 1)]),
        ("China criticised the foreign ministry of Japan.", [("CHN", "JPN", 3)]),
        # a single aircraft is a state agent when it is acted on
        ("Ukraine shot down a Russian drone over Kharkiv.", [("UKR", "RUS", 4)]),
        # a single state talking with or receiving another (a call received: the two spoke)
        ("Egypt's president received a phone call from the US president.",
         [("USA", "EGY", 1), ("EGY", "USA", 1)]),
        # joint exercises named by their kind
        ("Egypt and Greece held joint naval exercises.", [("EGY", "GRC", 2), ("GRC", "EGY", 2)]),
        ("Chile and Peru did not hold military exercises.", []),
        # talks only named (wanted, stalled, offered) are not talks held
        ("India wants talks with China on the border dispute.", []),
    ],
)
def test_direction_and_voice(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Egypt did not criticize Israel.",  # negation
        "Egypt and Israel do not have any military cooperation.",  # negated state
        "If Iran attacks Iraq, the region will suffer.",  # conditional
        "Israel might attack Iran.",  # hypothetical modal
        "The Pakistani army attacked militants in Pakistan.",  # domestic
        "Indian troops clashed with militants in Kashmir near the Pakistani border.",  # place
        "The army seized Chinese-made rifles and Russian AK-47s.",  # product origins
        "Iran denied that it had attacked Saudi Arabia.",  # denial is not the act
        "Greece demanded that its partners refuse to recognize Macedonia.",  # demanded content
        "Japan accused Russia of attacking Ukraine.",  # the accusation's content
        "Moscow: Indian officials visited Delhi on Friday.",  # dateline, capital as place
        "New Mexico sued Texas over water rights.",  # a name containing a country name
        "China criticized the South China Sea ruling.",  # a sea is not China
        "Two American tourists were killed in a car crash in Mexico.",  # an accident, not force
        "Serb forces killed three ethnic Albanians.",  # an ethnic group is not a state
    ],
)
def test_not_events_between_these_countries(text: str) -> None:
    found = code(text)
    if text.startswith("Japan accused"):
        assert found == [("JPN", "RUS", 3)]
    else:
        assert found == []


def test_state_agents_and_metonyms() -> None:
    assert actors("India's foreign ministry summoned the Pakistani ambassador.") == [
        ("INDGOV", "PAKGOV", "114")
    ]
    assert actors("The Kremlin condemned Washington's decision.") == [("RUSGOV", "USAGOV", "111")]
    assert actors("Chinese state media criticized the Philippines.") == [("CHNMED", "PHL", "111")]
    assert actors("The Russian navy seized a Ukrainian ship.") == [("RUSMIL", "UKR", "171")]
    assert actors("The army of Pakistan shelled Indian army posts.")[0][:2] == ("PAKMIL", "INDMIL")
    assert actors("China criticised the government of Japan.") == [("CHN", "JPNGOV", "111")]
    assert actors("Chile filed a lawsuit against Bolivia.") == [("CHL", "BOL", "115")]
    future = "The United States and South Korea will conduct large-scale military exercises."
    assert [code for *_, code in actors(future)] == ["0312", "0312"]  # intent, not the act
    assert actors("Beijing rejected the U.S. proposal.") == [("CHNGOV", "USA", "120")]


def test_intent_and_symmetric_intent() -> None:
    assert actors("Moscow said it would supply arms to Syria.") == [("RUSGOV", "SYR", "0312")]
    assert {a[:2] for a in actors("Kenya and Uganda will cooperate on security.")} == {
        ("KEN", "UGA"),
        ("UGA", "KEN"),
    }


def test_never_same_country_on_both_sides() -> None:
    text = "India and India's army met. Pakistan condemned Pakistani militants."
    assert all(s != t for s, t, _ in code(text))


def test_sentences_carry_exact_offsets() -> None:
    text = "First line.\n\nRussia rejected the demand. Then India agreed.\n"
    for sent in sentences(text):
        assert text[sent.start : sent.end] == sent.text


def test_inflection() -> None:
    assert {"met", "meets", "meeting"} <= set(inflect("meet|met|met"))
    assert "turned down" in inflect("turn down")
    assert "stopped" in inflect("stop")


def test_patterns_use_known_codes() -> None:
    table = load_cameo()
    assert len(table) > 300
    vocab = load_vocabulary()
    patterns = [p for lemma in vocab.lemmas() for p in vocab.patterns_for(lemma)]
    patterns += [p for rows in vocab.nominal.values() for p in rows]
    assert all(p.code in table for p in patterns)
    assert {p.code[:2] for p in patterns} == {f"{n:02d}" for n in range(1, 21)}
