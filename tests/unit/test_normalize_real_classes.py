"""Rules for classes of text that real news shows and the written corpus did not: systems
named without a designation, buyers listed together, reports whose verb is followed by the
event in its own words. Every sentence is written here for the test."""

from __future__ import annotations

import pytest

from exporter.articles import Article
from exporter.normalize import normalize
from exporter.normalize.mentions import find_mentions, generic_systems

PUBLISHED = "2024-03-15"  # a Friday


def deals(text: str) -> list[tuple]:
    records = normalize(Article(text, "case", published=PUBLISHED))
    return [(r["deal_id"], r["event_type"], r["status"], r["system"]["category"]) for r in records]


def generics(text: str) -> list[tuple[str, str, str]]:
    mentions = find_mentions(text, 0, len(text))
    return [
        (m.text, m.system.designation, m.system.category)
        for m in generic_systems(text, 0, len(text), mentions)
        if m.system
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile bought four offshore patrol vessels and 155mm self-propelled howitzers.",
            [
                ("offshore patrol vessels", "offshore patrol vessel", "ship"),
                ("155mm self-propelled howitzers", "155mm self-propelled howitzer", "artillery"),
            ],
        ),
        # a name in capitals keeps them
        (
            "The navy received its second Coastal Response Ship.",
            [
                ("Coastal Response Ship", "Coastal Response Ship", "ship"),
            ],
        ),
        # a designation-shaped word before the noun is the designation
        (
            "It ordered 20 KX7 recovery vehicles.",
            [
                ("KX7 recovery vehicles", "KX7", "armoured-vehicle"),
            ],
        ),
        # participles and adverbs that do not say what kind of weapon it is end the name
        (
            "a locally assembled jet and two decommissioned corvettes",
            [
                ("corvettes", "corvette", "ship"),
            ],
        ),
        # a weapon noun that qualifies another noun, or is part of a hyphenated word
        (
            "The state aircraft maker builds anti-ship missiles.",
            [
                ("anti-ship missiles", "anti-ship missile", "missile"),
            ],
        ),
        # "the helicopters" speaks of helicopters named before; "jets" alone names no kind
        ("The helicopters and jets arrived.", []),
    ],
)
def test_generic_systems_are_the_weapon_noun_and_its_qualifiers(text, expected) -> None:
    assert generics(text) == expected


def test_an_event_about_a_generic_system_is_a_deal_of_that_kind() -> None:
    assert deals(
        "Peru signed a contract with Spain's Navantia for two offshore patrol vessels."
    ) == [("PER-ESP-OFFSHORE-PATROL-VESSEL", "agreement", "reported", "ship")]


def test_buyers_listed_together_are_one_deal_each() -> None:
    assert deals("South Korea has exported the K9 howitzer to Norway, Finland and Estonia.") == [
        ("NOR-KOR-K9", "delivery", "reported", "artillery"),
        ("FIN-KOR-K9", "delivery", "reported", "artillery"),
        ("EST-KOR-K9", "delivery", "reported", "artillery"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the reporting verb is followed by the event in its own words, with "and that" later
        "A ministry statement on Monday said 12 Rafale jets were delivered to Greece and that "
        "more would follow.",
        # ", X said" followed by its own event clause
        "Last month, the ministry said 12 Rafale jets were delivered to Greece.",
    ],
)
def test_a_report_does_not_swallow_the_event_it_reports(text: str) -> None:
    assert ("GRC-FRA-RAFALE", "delivery", "reported", "aircraft") in deals(text)


def test_a_closing_attribution_is_still_no_event() -> None:
    # the words after "said" only say when: the event is the one before the comma
    assert deals("Greece received 12 Rafale jets, the ministry said on Monday after talks.") == [
        ("GRC-FRA-RAFALE", "delivery", "reported", "aircraft")
    ]


def test_what_a_system_is_built_as_is_no_event() -> None:
    assert deals("The KF-21 is being built as a twin-engine multirole fighter.") == []


def test_a_generic_system_comes_from_the_state_its_demonym_names() -> None:
    assert deals("Mali took delivery of four Russian transport helicopters.") == [
        ("MLI-RUS-TRANSPORT-HELICOPTER", "delivery", "reported", "helicopter")
    ]


def test_a_procurement_agency_that_contracts_its_own_industry_is_a_domestic_order() -> None:
    # DGA is a French government agency, Nexter a French company
    assert deals(
        "The French procurement agency DGA contracted Nexter for 12 Caesar howitzers."
    ) == [("FRA-FRA-CAESAR", "agreement", "reported", "artillery")]


def test_the_weapon_noun_continues_the_system_the_sentence_before_named() -> None:
    text = (
        "The Caesar howitzer is a truck-mounted gun.\n\n"
        "The gun has been ordered by Belgium and Lithuania."
    )
    assert deals(text) == [
        ("BEL-FRA-CAESAR", "agreement", "reported", "artillery"),
        ("LTU-FRA-CAESAR", "agreement", "reported", "artillery"),
    ]


def test_a_designation_written_without_its_space_or_hyphen_is_found() -> None:
    mentions = find_mentions("It flies the F16 and the BayraktarTB2.", 0, 38)
    assert [(m.text, m.system.designation) for m in mentions if m.system] == [
        ("F16", "F-16"),
        ("BayraktarTB2", "Bayraktar TB2"),
    ]


def test_states_listed_as_subject_are_buyers_each_not_buyer_and_seller() -> None:
    assert deals("Qatar, Poland and Kuwait have added Bayraktar TB2 drones to their arsenals.") == [
        ("QAT-TUR-BAYRAKTAR-TB2", "delivery", "reported", "uav"),
        ("POL-TUR-BAYRAKTAR-TB2", "delivery", "reported", "uav"),
        ("KWT-TUR-BAYRAKTAR-TB2", "delivery", "reported", "uav"),
    ]


def test_the_country_a_speaker_speaks_for_is_the_country_of_a_pronoun() -> None:
    text = "Kenya's defence minister stated that the country had purchased Bayraktar TB2 drones."
    assert deals(text) == [("KEN-TUR-BAYRAKTAR-TB2", "agreement", "reported", "uav")]


def test_a_sentence_without_parties_continues_a_domestic_deal() -> None:
    text = (
        "Germany ordered 50 Puma infantry fighting vehicles from Rheinmetall.\n\n"
        "First deliveries are scheduled for 2028."
    )
    assert deals(text) == [
        ("DEU-DEU-PUMA", "agreement", "reported", "armoured-vehicle"),
        ("DEU-DEU-PUMA", "delivery", "planned", "armoured-vehicle"),
    ]


def test_a_leading_date_stamp_is_page_furniture() -> None:
    records = normalize(
        Article(
            "date 2020-01-02 Peru bought two Type 23 frigates on Monday.", "x", published=PUBLISHED
        )
    )
    assert [(r["date"]["value"], r["evidence"]["text"]) for r in records] == [
        ("2024-03-11", "Peru bought two Type 23 frigates on Monday.")
    ]


@pytest.mark.parametrize(
    ("text", "designation"),
    [
        ("Manila will acquire a Zamboanga-class corvette.", "Zamboanga-class"),
        ("Karachi received the first ZELKOVA corvette.", "ZELKOVA"),
    ],
)
def test_a_class_name_or_acronym_before_a_weapon_noun_is_its_designation(text, designation) -> None:
    assert [d for _, d, _ in generics(text)] == [designation]


def test_a_company_that_signs_with_its_own_states_agency_is_a_domestic_order() -> None:
    # DAPA is South Korea's procurement agency; KAI a Korean company
    assert deals("KAI signed a contract with DAPA to produce 20 KF-21 fighters.")[:1] == [
        ("KOR-KOR-KF-21", "agreement", "reported", "aircraft")
    ]


def test_a_designation_the_gazetteer_lacks_is_listed_with_the_systems_beside_it() -> None:
    text = "Peru signed a contract with Hanwha for 20 K9 howitzers and 10 KX7 recovery vehicles."
    assert deals(text) == [
        ("PER-KOR-K9", "agreement", "reported", "artillery"),
        ("PER-KOR-KX7", "agreement", "reported", "armoured-vehicle"),
    ]


def test_a_gazetteer_form_with_class_after_it_is_that_system() -> None:
    mentions = find_mentions("two MILGEM-class corvettes", 0, 26)
    assert [(m.text, m.system.designation) for m in mentions if m.system] == [
        ("MILGEM-class", "Ada-class")
    ]


def test_a_cancelled_ceremony_cancels_no_deal() -> None:
    text = (
        "Although the commissioning ceremony was cancelled, Chile commissioned its Type 23 frigate."
    )
    assert [d[1] for d in deals(text)] == ["deployment"]


def test_it_continues_the_system_the_sentence_before_was_about() -> None:
    text = (
        "The Hürjet, built by TUSAS, is a jet trainer derived from the Hürkuş.\n\n"
        "It has been exported to two countries, including Spain and Egypt."
    )
    assert deals(text) == [
        ("ESP-TUR-HURJET", "delivery", "reported", "aircraft"),
        ("EGY-TUR-HURJET", "delivery", "reported", "aircraft"),
    ]


def test_prior_to_a_deal_names_no_buyer() -> None:
    text = "Prior to the Peru deal, KAI signed a contract to deliver 18 FA-50 jets to Malaysia."
    assert deals(text)[:1] == [("MYS-KOR-FA-50", "agreement", "reported", "aircraft")]


def test_a_notice_of_a_possible_sale_to_a_government_is_a_negotiation() -> None:
    text = (
        "Washington is approving a possible Foreign Military Sale to the Government of Peru, "
        "covering 12 AH-64E Apache helicopters."
    )
    assert deals(text) == [("PER-USA-AH-64", "negotiation", "reported", "helicopter")]


def test_a_name_written_in_capitals_is_found() -> None:
    text = "Peru has requested a possible sale of PATRIOT systems."
    assert deals(text) == [("PER-USA-PATRIOT", "negotiation", "reported", "air-defence")]


def test_a_delivered_certification_delivers_no_weapon() -> None:
    text = (
        "Peru ordered 12 AH-64E Apache helicopters.\n\n"
        "The agency delivered the required certification to Congress."
    )
    assert [d[1] for d in deals(text)] == ["agreement"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # an infinitive of purpose after a selection states what is to come
        ("Peru has picked Navantia to build four Avante 2200 corvettes.", "planned"),
        # what a contract provides for is to come
        ("The contract provides for the delivery of 12 Rafale jets to Greece.", "planned"),
    ],
)
def test_what_a_choice_or_contract_is_for_is_planned(text: str, status: str) -> None:
    assert [d[2] for d in deals(text) if d[1] in ("production", "delivery")] == [status]


def test_rejecting_reports_negates_what_they_say() -> None:
    text = "The minister rejected recent media reports that Peru had signed a deal for J-10C jets."
    assert [d[2] for d in deals(text)] == ["negated"]


@pytest.mark.parametrize(
    "text",
    [
        "Peru ordered 12 Rafale jets.\n\nThe Rafale jets are built by French manufacturer Dassault.",
        "Peru ordered 12 Rafale jets.\n\nThe contract covers the production of spare parts.",
    ],
)
def test_who_makes_a_system_or_what_a_contract_covers_is_no_production(text: str) -> None:
    assert [d[1] for d in deals(text)] == ["agreement"]


def test_a_capital_and_a_colon_is_a_dateline_whose_state_is_the_buyer() -> None:
    text = "New Delhi: The defence ministry has ordered 12 Rafale jets."
    assert deals(text) == [("IND-FRA-RAFALE", "agreement", "reported", "aircraft")]


def test_the_service_speaks_of_the_state_the_article_speaks_of() -> None:
    text = (
        "Nigeria received two T129 ATAK helicopters from Turkey.\n\n"
        "The Service, within the last five years, has taken delivery of 5 Mi-35M helicopters."
    )
    assert deals(text)[-1] == ("NGA-RUS-MI-35", "delivery", "reported", "helicopter")


def test_a_deal_without_a_buyer_in_its_words_is_for_the_one_state_of_the_article() -> None:
    text = (
        "Peru signed a contract with Russia for 24 Su-35 fighters.\n\n"
        "Officials denied that talks covered the lease of two Russian Akula-class submarines."
    )
    assert deals(text)[-1] == ("PER-RUS-AKULA-CLASS", "negotiation", "negated", "submarine")


def test_buyers_counted_not_named_are_no_buyer() -> None:
    text = (
        "Saudi Arabia ordered 20 Bayraktar Akinci drones.\n\n"
        "The smaller Bayraktar TB2 has been exported to more than 30 countries."
    )
    assert [d[0] for d in deals(text)] == ["SAU-TUR-BAYRAKTAR-AKINCI"]


def test_an_agency_and_a_company_that_sign_together_are_buyer_and_seller() -> None:
    text = "The Presidency of Defence Industries and BMC signed the contract for 250 Altay tanks."
    assert deals(text) == [("TUR-TUR-ALTAY", "agreement", "reported", "armoured-vehicle")]


def test_a_shared_name_is_read_by_the_weapon_noun_after_it() -> None:
    text = "Egypt signed a contract to buy two French Mistral warships."
    mentions = find_mentions(text, 0, len(text))
    assert [(m.system.designation, m.system.category) for m in mentions if m.system] == [
        ("Mistral-class", "ship")
    ]


def dated(text: str) -> list[tuple]:
    records = normalize(Article(text, "case", published=PUBLISHED))
    return [
        (r["deal_id"], r["event_type"], r["status"], r["date"] and r["date"]["value"])
        for r in records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a completed event the article reports without a date: the day of the report
        (
            "Brazil has taken delivery of four Gripen fighters from Sweden.",
            [("BRA-SWE-GRIPEN", "delivery", "reported", PUBLISHED)],
        ),
        # ... but not background: "also", "already", "to date", or a tally of buyers
        (
            "Brazil has also ordered Gripen fighters from Sweden.",
            [("BRA-SWE-GRIPEN", "agreement", "reported", None)],
        ),
        (
            "Sweden has exported Gripen fighters to Brazil, Hungary and Thailand.",
            [
                ("BRA-SWE-GRIPEN", "delivery", "reported", None),
                ("HUN-SWE-GRIPEN", "delivery", "reported", None),
                ("THA-SWE-GRIPEN", "delivery", "reported", None),
            ],
        ),
        # a time the text gives that names no date is still the event's
        (
            "Israel received its first F-16 fighters from the United States in the early 1980s.",
            [("ISR-USA-F-16", "delivery", "reported", None)],
        ),
        # a "since" clause with its own subject sets the scene; the report's day dates the event
        (
            "Japan's Kawasaki has signed a contract with Vietnam to supply six patrol boats, the "
            "first export of its kind since Tokyo relaxed its rules in 2016, the ministry said "
            "Tuesday.",
            [
                ("VNM-JPN-PATROL-BOAT", "agreement", "reported", "2024-03-12"),
                ("VNM-JPN-PATROL-BOAT", "delivery", "planned", None),
            ],
        ),
        # the date after the supplying verb is the delivery's, not the signing's
        (
            "Saab has signed a contract with Colombia to supply 17 Gripen fighters by 2032.",
            [
                ("COL-SWE-GRIPEN", "agreement", "reported", None),
                ("COL-SWE-GRIPEN", "delivery", "planned", "2032"),
            ],
        ),
        # a date that opens the sentence before its attribution is the day of the statement
        (
            "In May, the ministry said that Greece would supply BMP-1 vehicles to Ukraine.",
            [("UKR-GRC-BMP-1", "delivery", "planned", None)],
        ),
        # a headline dated only by the report and the lead's weekday are one delivery
        (
            "Morocco takes delivery of first AH-64E helicopters\n\nMorocco took delivery of its "
            "first six AH-64E helicopters from the United States on Monday.",
            [("MAR-USA-AH-64", "delivery", "reported", "2024-03-11")],
        ),
        # a date that runs straight into a later trigger is that trigger's
        (
            "Britain has already taken delivery of three F-35 jets from the United States, and "
            "last year ordered a fourth.",
            [
                ("GBR-USA-F-35", "delivery", "reported", None),
                ("GBR-USA-F-35", "agreement", "reported", "2023"),
            ],
        ),
        # the day a statement names wins over the day of publication
        (
            "Egypt receives third batch of Rafale jets from France\n\nEgypt received three more "
            "Rafale jets from France, the ministry said on Wednesday.",
            [("EGY-FRA-RAFALE", "delivery", "reported", "2024-03-13")],
        ),
        (
            "Poland took delivery of 24 K2 tanks from South Korea a fortnight ago.",
            [("POL-KOR-K2", "delivery", "reported", "2024-03")],
        ),
        (
            "The K9 howitzers will be delivered to Egypt in 2027-28.",
            [("EGY-KOR-K9", "delivery", "planned", "2027")],
        ),
        (
            "The K9 howitzers will be delivered to Egypt within 18 months.",
            [("EGY-KOR-K9", "delivery", "planned", "2025-09")],
        ),
        (
            "The K9 howitzers will be delivered to Egypt before the end of the year.",
            [("EGY-KOR-K9", "delivery", "planned", "2024")],
        ),
        (
            "Pakistan and China signed a contract for four frigates in last April.",
            [("PAK-CHN-FRIGATE", "agreement", "reported", "2023-04")],
        ),
        (
            "During the Dubai Airshow 2023, the UAE signed a contract for 12 Rafale jets from "
            "France.",
            [("ARE-FRA-RAFALE", "agreement", "reported", "2023")],
        ),
    ],
)
def test_dates_of_real_news_classes(text: str, expected: list[tuple]) -> None:
    assert dated(text) == expected
