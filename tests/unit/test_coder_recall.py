"""Recall rules of the coder (gerunds of means, counterparts, sanctions on nationals, leaders,
protests, phone calls, prisoner swaps) and the negatives they must not fire on. Our own sentences."""

from __future__ import annotations

import pytest

from tests.unit.factories import coded_triples as coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India responded by expelling a Canadian diplomat.", [("IND", "CAN", "161")]),
        ("Russia retaliated by expelling two British diplomats.", [("RUS", "GBR", "161")]),
        ("Brazil answered by imposing sanctions on Venezuela.", [("BRA", "VEN", "163")]),
        # a host and a visitor: 043 one way, 042 the other
        ("Egypt's president hosted his Sudanese counterpart in Cairo.",
         [("EGY", "SDN", "043"), ("SDN", "EGY", "042")]),
        ("Kenya's foreign minister met his Ethiopian counterpart on Monday.",
         [("KEN", "ETH", "040"), ("ETH", "KEN", "040")]),
        ("Britain imposed sanctions on 20 Russian individuals and companies.", [("GBR", "RUS", "163")]),
        ("Canada imposed new sanctions on Iranian banks.", [("CAN", "IRN", "163")]),
        ("The Philippines protested to China over the incident.", [("PHL", "CHN", "114")]),
        # a call is CAMEO 041 (discuss by telephone)
        ("Starmer spoke with Trump by phone.", [("GBR", "USA", "041"), ("USA", "GBR", "041")]),
        (
            "Ukraine and Russia exchanged prisoners on Friday.",
            [("UKR", "RUS", "0841"), ("RUS", "UKR", "0841")],
        ),
        ("North Korea fired ballistic missiles toward Japan.", [("PRK", "JPN", "190")]),
        ("Pezeshkian criticised Merz.", [("IRN", "DEU", "111")]),
        ("Sheinbaum rejected Rubio's demands.", [("MEX", "USA", "120")]),
        ("Albanese met Takaichi in Tokyo.", [("AUS", "JPN", "040"), ("JPN", "AUS", "040")]),
        # "<compass> of <place>" locates a strike
        ("Turkey bombed Kurdish positions north of Iraq.", [("TUR", "IRQ", "195")]),
        # a demonym on the receiving end of a sanction or tariff is its country
        ("Canada imposed tariffs on Chinese electric vehicles.", [("CAN", "CHN", "163")]),
        # a capital after "with" is its government
        ("Manila lodged a diplomatic protest with Beijing.", [("PHL", "CHN", "114")]),
        ("Macron phoned Zelensky on Sunday.", [("FRA", "UKR", "041"), ("UKR", "FRA", "041")]),
        ("Modi held a phone call with Trump.", [("IND", "USA", "041"), ("USA", "IND", "041")]),
        # a title between coordinated leaders
        ("Xi and President Putin signed a treaty.", [("CHN", "RUS", "057"), ("RUS", "CHN", "057")]),
        # 'he and X': 'he' is the official named before, not the country visited
        (
            "Japan's prime minister visited South Korea, where he and President Lee Jae-myung "
            "pledged to deepen security cooperation.",
            [("JPN", "KOR", "042"), ("JPN", "KOR", "031"), ("KOR", "JPN", "031")],
        ),
    ],
)
def test_recall(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "India beat Pakistan by five wickets.",
        "Japanese cars are popular in the United States.",
        "India bought Russian tanks.",
        "China could invade Taiwan by 2027.",
        "If Russia attacks Poland, NATO will respond.",
        "Turkey denied reports that it had sent troops to Libya.",
        "Russia denied attacking Ukrainian civilians.",
        "China avoided criticising Russia.",
        "Chinese tourists flocked to Thailand.",
        "Germany's economy grew faster than France's.",
        "American tourists visited Japan in record numbers.",
        "Analysts said China might sanction Japanese firms.",
        "Japan's exports to the United States rose 5 percent.",
        "The United States did not impose sanctions on India.",
        "Chinese investors bought stakes in German companies.",
        "North Korea fired missiles into the sea.",
        "Brazil beat Argentina 2-1 in the World Cup qualifier.",
        "The Indian minister spoke about Pakistan on the phone.",
        "Erdogan spoke to reporters by phone about Syria.",
        "Spain defeated England in the final.",
        "Japan relies on Chinese rare earths.",
        "The Japanese team drew with Brazil in Tokyo.",
        "The east of Ukraine welcomed German investment.",
    ],
)
def test_no_event(text: str) -> None:
    assert coded(text) == []
