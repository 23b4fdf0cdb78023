"""The normalizer's general rules, each on a sentence of its own (none from the corpus):
roles from the words around the parties, status from tense, modals and negation, dates
resolved against the publication date, several systems in one sentence, non-events."""

from __future__ import annotations

import pytest

from exporter.articles import Article
from exporter.normalize import normalize

PUBLISHED = "2024-03-15"  # a Friday


def events(text: str) -> list[tuple]:
    records = normalize(Article(text, "case", published=PUBLISHED))
    return [
        (
            r["deal_id"],
            r["event_type"],
            r["status"],
            r["date"] and r["date"]["value"],
            r["quantity"] and r["quantity"]["value"],
            r["value"] and r["value"]["amount"],
        )
        for r in records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X signed with Y for N systems in YEAR"
        (
            "Egypt signed a contract with Russia for 24 Su-35 fighters in 2018.",
            [("EGY-RUS-SU-35", "agreement", "reported", "2018", 24, None)],
        ),
        # the seller as subject of a supplying verb; the date of a later clause is that clause's
        (
            "Russia will supply India with five S-400 regiment sets under a $5.4 billion deal signed "
            "in October 2018.",
            [
                ("IND-RUS-S-400", "delivery", "planned", None, 5, 5400000000),
                ("IND-RUS-S-400", "agreement", "reported", "2018-10", 5, 5400000000),
            ],
        ),
        # "deliveries to X": the buyer; the seller from the system's origin
        (
            "Deliveries of the K9 howitzers to Poland began in December 2022.",
            [("POL-KOR-K9", "delivery", "reported", "2022-12", None, None)],
        ),
        # a weekday counted back from the publication date
        (
            "The Philippines took delivery of its first two FA-50 jets from South Korea on Tuesday.",
            [("PHL-KOR-FA-50", "delivery", "reported", "2024-03-12", 2, None)],
        ),
        # under way when published: dated by the publication day
        (
            "Greece is in talks with France on three more Rafale fighters.",
            [("GRC-FRA-RAFALE", "negotiation", "ongoing", "2024-03-15", 3, None)],
        ),
        (
            "Switzerland cancelled its order for F-35A jets last year.",
            [("CHE-USA-F-35", "cancellation", "reported", "2023", None, None)],
        ),
        # a denial reaches over "reports that"; a denied event has no date
        (
            "Morocco denied reports that it had bought Chinese Wing Loong II drones.",
            [("MAR-CHN-WING-LOONG-II", "agreement", "negated", None, None, None)],
        ),
        (
            "Turkey is not going to buy the Eurofighter Typhoon, the defence minister said on Monday.",
            [("TUR-DEU-EUROFIGHTER-TYPHOON", "agreement", "negated", None, None, None)],
        ),
        # an approved possible sale is a negotiation; "to X" the buyer
        (
            "The State Department approved a possible sale of 12 F-16 Block 70 jets to Bulgaria on "
            "Friday.",
            [("BGR-USA-F-16", "negotiation", "reported", "2024-03-15", 12, None)],
        ),
        (
            "Saudi Arabia ordered Bayraktar Akinci drones from Baykar in July 2023, and the first "
            "units will be delivered in 2025.",
            [
                ("SAU-TUR-BAYRAKTAR-AKINCI", "agreement", "reported", "2023-07", None, None),
                ("SAU-TUR-BAYRAKTAR-AKINCI", "delivery", "planned", "2025", None, None),
            ],
        ),
        # two systems joined by "and": two deals, each with its own quantity
        (
            "Indonesia signed for 42 Rafale jets and two Scorpene submarines from France on Thursday.",
            [
                ("IDN-FRA-RAFALE", "agreement", "reported", "2024-03-14", 42, None),
                ("IDN-FRA-SCORPENE", "agreement", "reported", "2024-03-14", 2, None),
            ],
        ),
        # aid: the recipient is the buyer, the giver the seller
        (
            "The Netherlands handed over 18 PzH 2000 howitzers to Ukraine in 2023.",
            [("UKR-NLD-PZH-2000", "delivery", "reported", "2023", 18, None)],
        ),
        # "frigates built by China" describes the ships: no production event
        (
            "Pakistan's navy commissioned the last of four Type 054A/P frigates built by China in May.",
            [("PAK-CHN-TYPE-054A", "deployment", "reported", "2023-05", 1, None)],
        ),
        (
            "Australia paid an advance of 300 million dollars for the HIMARS launchers in March.",
            [("AUS-USA-HIMARS", "payment", "reported", "2024-03", None, 300000000)],
        ),
        # a state's armed force names the buyer; a future month is the next one
        (
            "The Indian Air Force will induct the first Rafale squadron in September.",
            [("IND-FRA-RAFALE", "deployment", "planned", "2024-09", None, None)],
        ),
        (
            "Russia's Uralvagonzavod is building T-90S tanks for Algeria.",
            [("DZA-RUS-T-90", "production", "ongoing", "2024-03-15", None, None)],
        ),
        # a system named by an alias that holds its weapon noun ("Javelin missiles")
        (
            "WASHINGTON (Reuters) - The U.S. State Department has approved the potential sale of "
            "400 Javelin missiles to Taiwan for an estimated $200 million, the Pentagon said on "
            "Wednesday.",
            [("TWN-USA-JAVELIN", "negotiation", "reported", "2024-03-13", 400, 200000000)],
        ),
        (
            "Vietnam is reportedly close to signing a deal to buy 12 Yak-130 trainers from Russia.",
            [("VNM-RUS-YAK-130", "agreement", "planned", None, 12, None)],
        ),
        # "for Turkish ... drones" names where they come from, not who buys
        (
            "Morocco has placed an order for Turkish Bayraktar TB2 drones, according to local media.",
            [("MAR-TUR-BAYRAKTAR-TB2", "agreement", "reported", PUBLISHED, None, None)],
        ),
        # the 2 of "Leopard 2" counts no tanks
        (
            "Ukraine has received the first batch of Leopard 2 tanks from Germany, Defence Minister "
            "Oleksii Reznikov said.",
            [("UKR-DEU-LEOPARD-2", "delivery", "reported", PUBLISHED, None, None)],
        ),
        (
            "India will buy 26 Rafale Marine jets for its navy from France's Dassault Aviation, "
            "officials said on Friday.",
            [("IND-FRA-RAFALE", "agreement", "planned", None, 26, None)],
        ),
        # "the deal to supply Iran" is what the deal is for: one agreement, no delivery
        (
            "The deal to supply Iran with Su-35 fighters was signed in 2023, Iranian media reported.",
            [("IRN-RUS-SU-35", "agreement", "reported", "2023", None, None)],
        ),
        (
            "Germany's Rheinmetall will build Lynx KF41 infantry fighting vehicles for Hungary.",
            [("HUN-DEU-LYNX-KF41", "production", "planned", None, None, None)],
        ),
        # what a cancellation ends is no event of its own
        (
            "Argentina has abandoned plans to acquire JF-17 jets from Pakistan.",
            [("ARG-PAK-JF-17", "cancellation", "reported", PUBLISHED, None, None)],
        ),
        # a force and its state: the user of the jets is the buyer, not an origin
        (
            "The Iraqi Air Force flies 24 T-50IQ light attack jets bought from Korea Aerospace "
            "Industries under a contract signed on December 12, 2013.",
            [("IRQ-KOR-T-50", "agreement", "reported", "2013-12-12", 24, None)],
        ),
    ],
)
def test_rule(text: str, expected: list[tuple]) -> None:
    assert events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO allies offered Turkey Patriot systems.",  # a bloc is no seller
        "A military parade in Moscow showed S-400 systems and Su-57 fighters.",
        "The S-400 is the most advanced air defence system in service with Russia since 2007.",
        "We are not going to sell S-400s to third countries.",  # no state buys
        "The visit also produced agreements on nuclear energy and infrastructure.",
    ],
)
def test_no_event(text: str) -> None:
    assert events(text) == []


def test_same_article_gives_the_same_ids() -> None:
    text = "Egypt signed a contract with Russia for 24 Su-35 fighters in 2018."
    first = normalize(Article(text, "a", published=PUBLISHED))
    assert first == normalize(Article(text, "b", published=PUBLISHED))
    assert first[0]["id"].startswith("pe-")


def test_a_url_with_other_than_ascii_is_percent_encoded() -> None:
    article = Article(
        "Egypt signed a contract with Russia for 24 Su-35 fighters in 2018.",
        "a",
        published=PUBLISHED,
        url="https://example.org/haber/türkiye",
    )
    assert normalize(article)[0]["source"]["url"] == "https://example.org/haber/t%C3%BCrkiye"


def test_a_pronoun_subject_continues_the_state_the_article_speaks_of() -> None:
    text = (
        "Serbia signed a contract for 12 Rafale jets from France on Thursday. "
        "It received six MiG-29 fighters donated by Russia in 2017."
    )
    assert events(text) == [
        ("SRB-FRA-RAFALE", "agreement", "reported", "2024-03-14", 12, None),
        ("SRB-RUS-MIG-29", "delivery", "reported", "2017", 6, None),
    ]


def test_the_modal_of_a_second_verb_is_not_the_first_verbs() -> None:
    text = (
        "Nigeria took delivery of two T129 ATAK helicopters from Turkey on Tuesday. "
        "The helicopters arrived at Kaduna and will be deployed to the north-east."
    )
    assert events(text) == [
        ("NGA-TUR-T129-ATAK", "delivery", "reported", "2024-03-12", 2, None),
        ("NGA-TUR-T129-ATAK", "deployment", "planned", None, None, None),
    ]


def test_no_before_a_trigger_negates_it() -> None:
    text = "Malaysia said there are no negotiations with China on J-10C fighters."
    assert events(text) == [("MYS-CHN-J-10C", "negotiation", "negated", None, None, None)]
