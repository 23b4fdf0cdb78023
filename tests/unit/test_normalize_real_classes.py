"""Rules for classes of text that real news shows and the written corpus did not: systems
named without a designation, buyers listed together, reports whose verb is followed by the
event in its own words. Every sentence is written here for the test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.articles import Article
from exporter.normalize import normalize
from exporter.normalize.mentions import (
    _MODIFIER,
    find_mentions,
    generic_systems,
    modifier_before,
    weapon_kinds,
)

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


def _same_word_before(text: str, start: int, begin: int) -> None:
    """The word before `begin` found from two spaces back is the one found from `start`."""
    found, whole = modifier_before(text, start, begin), _MODIFIER.search(text, start, begin)
    assert (found and (found.span(), found[1])) == (whole and (whole.span(), whole[1]))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They bought 155 mm guns", "155 mm"),
        ("They bought 2 155 mm guns", "155 mm"),
        ("They bought 1234567 mm guns", "1234567 mm"),
        ("They bought 155mm  \n guns", "155mm"),
        ("They bought the anti-ship guns", "anti-ship"),
        ("They bought Rafale's guns", None),
        ("guns", None),
    ],
)
def test_the_word_before_a_weapon_noun_is_found_from_two_spaces_back(text, word) -> None:
    begin = text.rindex("guns")
    found = modifier_before(text, 0, begin)
    assert (found[1] if found else None) == word
    for start in range(begin + 1):
        _same_word_before(text, start, begin)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "Z", "ab", "x-y", "mm", "9", "12", "_", " ", "  ", "\n", "\t", "\xa0"]
        )
        | st.sampled_from(["'", "’", ".", "-", ",", "é", "155 mm", "7mm"]),
        max_size=14,
    ),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_the_word_before_is_the_one_a_search_from_the_start_finds(
    parts: list[str], start: int, begin: int
) -> None:
    text = "".join(parts)
    start, begin = min(start, begin, len(text)), min(max(start, begin), len(text))
    _same_word_before(text, start, begin)


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


def test_a_contract_announcement_is_for_the_states_its_paragraph_names_last() -> None:
    text = (
        "Raytheon Co., Tucson, Arizona, has been awarded $120,000,000 for AIM-120 missile "
        "production. Work will be performed in Tucson. This contract involves Foreign Military "
        "Sales to Norway, Poland and Japan."
    )
    assert [(d[0], d[1]) for d in deals(text)] == [
        ("NOR-USA-AMRAAM", "agreement"),
        ("POL-USA-AMRAAM", "agreement"),
        ("JPN-USA-AMRAAM", "agreement"),
        ("NOR-USA-AMRAAM", "production"),
        ("POL-USA-AMRAAM", "production"),
        ("JPN-USA-AMRAAM", "production"),
    ]


def test_foreign_buyers_named_in_another_paragraph_are_not_this_contracts() -> None:
    text = (
        "This contract involves Foreign Military Sales to Norway.\n\n"
        "Raytheon has been awarded $120,000,000 for AIM-120 missiles for Japan."
    )
    assert [d[0] for d in deals(text)] == ["JPN-USA-AMRAAM"]


def test_a_kind_of_weapon_with_a_new_buyer_is_the_one_system_the_article_is_about() -> None:
    text = (
        "Egypt ordered 24 Rafale fighters from France in 2015.\n\n"
        "Two years later, Greece ordered 18 aircraft."
    )
    assert [d[0] for d in deals(text)] == ["EGY-FRA-RAFALE", "GRC-FRA-RAFALE"]


def test_a_kind_of_weapon_is_no_system_where_the_article_names_several_of_its_kind() -> None:
    text = (
        "Egypt ordered 24 Rafale fighters and 30 MiG-29 fighters.\n\n"
        "The first were delivered in 2019.\n\n"
        "Two years later, Greece ordered 18 aircraft."
    )
    assert list(dict.fromkeys(d[0] for d in deals(text))) == ["EGY-FRA-RAFALE", "EGY-RUS-MIG-29"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey and Indonesia signed a contract for 48 KAAN fighters.", "IDN-TUR-KAAN"),
        (
            "Navantia was contracted by Saudi Arabia to build five Avante 2200 corvettes.",
            "SAU-ESP-AVANTE-2200",
        ),
    ],
)
def test_a_state_does_not_buy_its_own_design_from_a_state_that_does_not_make_it(
    text: str, expected: str
) -> None:
    assert deals(text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway has donated 20 M109 howitzers to Ukraine.", ("UKR-NOR-M109", "delivery")),
        ("Canada pledged eight Leopard 2 tanks to Ukraine.", ("UKR-CAN-LEOPARD-2", "agreement")),
        (
            "The Chilean navy was equipped with two Type 23 frigates from Britain.",
            ("CHL-GBR-TYPE-23", "delivery"),
        ),
        (
            "Oman confirmed the purchase in 2012 of 12 Eurofighter Typhoon jets.",
            ("OMN-DEU-EUROFIGHTER-TYPHOON", "agreement"),
        ),
    ],
)
def test_gifts_pledges_and_dated_purchases_are_events(text: str, expected: tuple) -> None:
    assert deals(text)[0][:2] == expected


def test_a_pledge_of_support_is_no_event() -> None:
    assert deals("Canada remains committed to supporting Ukraine with F-16 training.") == []


def test_an_acronym_written_as_a_word_is_the_system() -> None:
    text = "Estonia ordered six Himars launchers."
    assert deals(text)[0][0] == "EST-USA-HIMARS"


def test_the_army_of_an_article_without_events_yet_is_the_state_it_names_most() -> None:
    text = (
        "The Romanian Army is the basis of the country's defence.\n\n"
        "Romanian industry will take part in its renewal.\n\n"
        "The army was equipped with Patriot systems."
    )
    assert deals(text) == [("ROU-USA-PATRIOT", "delivery", "reported", "air-defence")]


def test_the_army_is_no_state_where_the_article_names_two_states_as_often() -> None:
    text = (
        "Romanian and Polish officers met.\n\n"
        "Romania and Poland train together.\n\n"
        "The army was equipped with Patriot systems."
    )
    assert deals(text) == []


def test_a_list_after_an_acquisitions_noun_is_one_deal_each() -> None:
    text = (
        "Among Algeria's recent acquisitions are T-90 tanks, Su-30 fighters and Mi-28 helicopters."
    )
    assert [d[0] for d in deals(text)] == ["DZA-RUS-T-90", "DZA-RUS-SU-30", "DZA-RUS-MI-28"]


def test_a_lease_of_weapons_is_an_agreement() -> None:
    text = "Russia is leasing India two Akula-class submarines."
    assert deals(text) == [("IND-RUS-AKULA-CLASS", "agreement", "ongoing", "submarine")]


def test_sellers_listed_after_a_counted_noun_are_one_deal_each() -> None:
    text = (
        "Chile has discussed buying used Leopard 2 tanks from several allies, including "
        "Spain, The Netherlands and Austria."
    )
    assert [d[:2] for d in deals(text)] == [
        ("CHL-ESP-LEOPARD-2", "negotiation"),
        ("CHL-NLD-LEOPARD-2", "negotiation"),
        ("CHL-AUT-LEOPARD-2", "negotiation"),
    ]


def test_the_items_a_package_is_said_to_include_are_one_deal_each() -> None:
    text = (
        "Germany announced a new military aid package for Moldova.\n"
        "The talks took two days.\n"
        "The package includes:\n"
        "- 120 mm mortars\n"
        "- Anti-tank missiles (MILAN)\n"
        "- Dingo 2 armoured vehicles\n"
        "Officials gave no value.\n"
        "- 20 Leopard 1 tanks"
    )
    # an aid package is agreed now and delivered later: each item, both events
    assert [d[:3] for d in deals(text)] == [
        ("MDA-DEU-120-MM-MORTAR", "agreement", "reported"),
        ("MDA-DEU-120-MM-MORTAR", "delivery", "planned"),
        ("MDA-DEU-MILAN", "agreement", "reported"),
        ("MDA-DEU-MILAN", "delivery", "planned"),
        ("MDA-DEU-DINGO", "agreement", "reported"),
        ("MDA-DEU-DINGO", "delivery", "planned"),
    ]


def test_a_contract_whose_contents_follow_implies_no_further_event() -> None:
    text = (
        "Germany signed a contract with Moldova's ministry.\n"
        "The contract includes 12 Dingo 2 armoured vehicles."
    )
    assert [d[1] for d in deals(text)] == ["agreement"]


def test_a_contents_sentence_long_after_the_event_is_no_part_of_it() -> None:
    text = (
        "Germany announced a new military aid package for Moldova.\n"
        "It was the fifth.\n"
        "The weather was cold.\n"
        "The press waited.\n"
        "Ministers met.\n"
        "Nothing was said.\n"
        "Reporters left.\n"
        "Later, the contract covers 20 Dingo 2 vehicles."
    )
    assert deals(text) == []


def test_a_name_that_is_also_a_word_counts_when_listed_with_a_weapon() -> None:
    mentions = find_mentions("Javelin and AT-4 anti-tank systems", 0, 34)
    assert [m.system.designation for m in mentions if m.system] == ["Javelin", "AT4"]
    assert find_mentions("Javelin and Smith arrived", 0, 25) == []


def test_the_country_a_speaker_speaks_for_is_the_buyer_before_an_earlier_deal() -> None:
    text = (
        "Libya received Bayraktar TB2 drones in 2020.\n\n"
        "Kenya's defence chief said that the country had purchased Bayraktar TB2 drones."
    )
    assert [d[0] for d in deals(text)][-1] == "KEN-TUR-BAYRAKTAR-TB2"


@pytest.mark.parametrize(
    "text",
    [
        "Peru is the third country to buy the K9 howitzer, after Egypt and Australia.",
        "Peru becomes the 10th nation to operate the K9 howitzer, joining Egypt and Australia.",
    ],
)
def test_earlier_customers_a_sentence_counts_its_buyer_among_have_bought(text: str) -> None:
    ids = [d[0] for d in deals(text)]
    assert "EGY-KOR-K9" in ids and "AUS-KOR-K9" in ids


def test_customers_named_without_counting_the_buyer_among_them_are_not_listed() -> None:
    text = "Peru bought the K9 howitzer after Egypt and Australia had rejected it."
    assert [d[0] for d in deals(text)] == ["PER-KOR-K9"]


def test_what_talks_are_about_is_no_event_of_its_own() -> None:
    text = "Chile discussed the purchase of used Leopard 2 tanks from Spain."
    assert deals(text) == [("CHL-ESP-LEOPARD-2", "negotiation", "reported", "armoured-vehicle")]


def test_the_seller_an_article_names_for_a_deal_holds_for_its_earlier_events() -> None:
    text = (
        "Six Black Hawk helicopters arrived in Chile on Monday.\n\n"
        "The helicopters were procured through a government deal with Poland."
    )
    assert [d[0] for d in deals(text)] == ["CHL-POL-UH-60", "CHL-POL-UH-60"]


def test_a_seller_guessed_from_origin_stays_where_the_article_names_two_sellers() -> None:
    text = (
        "Chile received six Black Hawk helicopters on Monday.\n\n"
        "Chile bought Black Hawk helicopters from Poland in 2019.\n\n"
        "In 2021, Chile bought Black Hawk helicopters from Turkey."
    )
    assert deals(text)[0][0] == "CHL-USA-UH-60"


def test_a_maker_that_says_it_won_a_contract_is_the_seller_not_the_designs_origin() -> None:
    text = "Fincantieri announced in June that it had won a Greek contract for four FREMM frigates."
    assert deals(text)[0][0] == "GRC-ITA-FREMM"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The first four Rafale jets landed in Greece on Monday.",
            [("GRC-FRA-RAFALE", "delivery")],
        ),
        (
            "The touch down of Rafale jets in Croatia was celebrated.",
            [("HRV-FRA-RAFALE", "delivery")],
        ),
        ("An Indian Su-30 fighter touches down on a motorway during a drill.", []),
    ],
)
def test_aircraft_landing_in_a_state_are_delivered_to_it(text: str, expected: list) -> None:
    assert [d[:2] for d in deals(text)] == expected


def test_a_ministry_that_announces_its_own_industrys_work_ordered_it() -> None:
    text = "Electric Boat will construct two Virginia-class submarines, the Pentagon said."
    assert deals(text) == [("USA-USA-VIRGINIA-CLASS", "production", "planned", "submarine")]


def test_a_ministry_that_speaks_of_a_foreign_makers_work_is_no_buyer_by_speaking() -> None:
    text = "Electric Boat will construct two Virginia-class submarines, the Kremlin said."
    assert deals(text) == []


def test_a_hard_wrapped_article_reads_as_its_sentences() -> None:
    text = (
        "ANKARA, March 3 (Reuters) - Turkey signed a contract on Monday to buy\n"
        "40 Eurofighter Typhoon jets from Germany, the defence ministry\n"
        "said, in a deal worth 5 billion euros.\n\n"
        "Deliveries will start in 2027.\n"
    )
    assert [d[:2] for d in deals(text)] == [
        ("TUR-DEU-EUROFIGHTER-TYPHOON", "agreement"),
        ("TUR-DEU-EUROFIGHTER-TYPHOON", "delivery"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile signed a contract to buy\n40 jets.", "Chile signed a contract to buy 40 jets."),
        (
            "It ordered tanks, and the ministry\nsaid more would follow.",
            "It ordered tanks, and the ministry said more would follow.",
        ),
        # a heading, a finished sentence, a list item and a capitalised line stay apart
        ("Navy News\nthe fleet grows.", "Navy News\nthe fleet grows."),
        (
            "Chile signed a contract.\nIt covers 40 jets.",
            "Chile signed a contract.\nIt covers 40 jets.",
        ),
        (
            "The package includes these items\n- 40 jets",
            "The package includes these items\n- 40 jets",
        ),
        (
            "The minister spoke to reporters in Santiago\nMore news",
            "The minister spoke to reporters in Santiago\nMore news",
        ),
    ],
)
def test_unwrap_joins_only_lines_that_break_a_sentence(text: str, expected: str) -> None:
    from exporter.normalize.segment import unwrap

    assert unwrap(text) == expected


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
        # "last weekend" is last week's
        (
            "Brazil took delivery of two Gripen fighters last weekend.",
            [("BRA-SWE-GRIPEN", "delivery", "reported", "2024-03")],
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


@pytest.mark.parametrize(
    "text",
    [
        "Among Algeria's recent acquisitions are T-90 tanks.",
        "Peru is the third country to have bought the K9 howitzer.",
    ],
)
def test_a_tally_of_past_purchases_is_not_dated_by_its_report(text: str) -> None:
    assert [d[3] for d in dated(text)] == [None]


def test_an_ordinal_or_a_word_of_praise_is_no_part_of_a_kind_of_weapon() -> None:
    assert [
        g[1] for g in generics("It got the sixth tanker aircraft and a superior submarine.")
    ] == [
        "tanker aircraft",
        "submarine",
    ]


def test_a_contract_sealed_with_its_value_between_is_an_agreement() -> None:
    text = "Peru sealed a $1.1 billion contract for three Type 209 submarines from Germany."
    assert [d[:2] for d in deals(text)] == [("PER-DEU-TYPE-209", "agreement")]


def test_a_force_in_a_persons_title_is_no_buyer() -> None:
    text = (
        "Croatia signed a contract for 12 Rafale jets.\n\n"
        "The contract was signed by French Armed Forces Minister Florence Parly in Zagreb."
    )
    assert [d[0] for d in deals(text)] == ["HRV-FRA-RAFALE"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chile has not yet signed the contract for 12 Rafale jets.", "negated"),
        (
            "Poland's order did not specify the number of K2 tanks Hyundai Rotem will deliver.",
            "planned",
        ),
    ],
)
def test_a_negation_is_the_events_only_when_it_stands_near_it(text: str, status: str) -> None:
    assert [d[2] for d in deals(text)][:1] == [status]


def test_a_kind_of_weapon_is_the_one_system_of_that_kind_the_article_names() -> None:
    # a headline's kind of weapon and the system the body names are one deal
    assert deals(
        "Peru buys Spanish patrol ships\n\n"
        "Peru signed a contract for four Avante 2200 ships with Navantia on Tuesday."
    ) == [("PER-ESP-AVANTE-2200", "agreement", "reported", "ship")]
    # two systems of that kind named: the kind stays a kind
    two_named = "Peru buys Spanish patrol ships\n\nThe Avante 2200 and Meteoro class are Spanish."
    assert [d[0] for d in deals(two_named)] == ["PER-ESP-PATROL-SHIP"]


def test_a_force_before_a_weapon_noun_only_says_whose_the_weapon_was() -> None:
    assert deals(
        "Peru's minister praised ties with Russia after taking delivery of four Russian"
        " military helicopters."
    ) == [("PER-RUS-MILITARY-HELICOPTER", "delivery", "reported", "helicopter")]
    assert deals("The Peruvian Army received four helicopters from Russia.") == [
        ("PER-RUS-HELICOPTER", "delivery", "reported", "helicopter")
    ]


def test_a_title_line_that_ends_in_a_day_dates_the_list_it_heads() -> None:
    # published on the 15th, the list is of the 12th
    records = normalize(
        Article(
            "Contracts awarded by the ministry - March 12, 2024\n\n"
            "Peru signed a contract with Navantia for two offshore patrol vessels.",
            "case",
            published=PUBLISHED,
        )
    )
    assert [(r["deal_id"], r["date"]["value"]) for r in records] == [
        ("PER-ESP-OFFSHORE-PATROL-VESSEL", "2024-03-12")
    ]


def test_when_the_work_will_be_completed_dates_the_production_announced() -> None:
    records = normalize(
        Article(
            "Navantia will build two offshore patrol vessels for Peru. The work is expected"
            " to be completed by Dec. 31, 2027.",
            "case",
            published=PUBLISHED,
        )
    )
    assert [(r["deal_id"], r["event_type"], r["status"], r["date"]["value"]) for r in records] == [
        ("PER-ESP-OFFSHORE-PATROL-VESSEL", "production", "planned", "2027-12-31")
    ]


def test_a_kind_written_as_its_acronym_is_named_in_full() -> None:
    assert generics("The navy ordered six OPVs, two LPDs and 40 MBTs.") == [
        ("OPVs", "offshore patrol vessel", "ship"),
        ("LPDs", "landing platform dock", "ship"),
        ("MBTs", "main battle tank", "armoured-vehicle"),
    ]
    assert deals("Peru orders six OPVs from South Korea") == [
        ("PER-KOR-OFFSHORE-PATROL-VESSEL", "agreement", "reported", "ship")
    ]


def test_a_states_firm_sells_and_the_object_of_the_deals_topic_is_its_system() -> None:
    # the object follows "the acquisition of", the topic of the signing; "brand-new" is no kind
    assert deals(
        "The minister signed a contract with a South Korean shipbuilder for the acquisition"
        " of two brand-new frigates for the Peruvian Navy."
    ) == [("PER-KOR-FRIGATE", "agreement", "reported", "ship")]


def test_a_designation_that_goes_on_as_digits_is_an_amount() -> None:
    assert [m.text for m in find_mentions("P15,744,571,584 pesos", 0, 21)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a production participle joined to a maker, or right before the system, qualifies it
        (
            "Peru bought 12 Ukraine-built BTR-3E1 carriers.",
            [("PER-UKR-BTR-3", "agreement", "reported", "armoured-vehicle")],
        ),
        # "the purchase by X of" is a purchase as "the purchase of" is
        (
            "He spoke of the recent purchase by Peru of eight US manufactured F-16s.",
            [("PER-USA-F-16", "agreement", "reported", "aircraft")],
        ),
    ],
)
def test_where_a_system_was_made_is_no_production(text: str, expected: list) -> None:
    assert deals(text) == expected


def test_a_governments_approval_of_a_purchase_is_a_negotiation() -> None:
    assert deals("On Tuesday Peru's cabinet approved the purchase of 12 more K9 howitzers.") == [
        ("PER-KOR-K9", "negotiation", "reported", "artillery")
    ]
    assert deals(
        "The council granted approval for the procurement of 12 K9 howitzers for Peru."
    ) == [("PER-KOR-K9", "negotiation", "reported", "artillery")]
    # asked to approve it, the purchase itself is what is planned
    assert deals("Peru's ministry asked lawmakers to approve the purchase of 12 K9 howitzers.") == [
        ("PER-KOR-K9", "agreement", "planned", "artillery")
    ]


COMPETITION_LEAD = "Peru will buy 24 fighter jets, the Peruvian defence ministry said on Monday. "


def test_each_contender_a_competition_lists_is_offered_to_the_buyer() -> None:
    records = normalize(
        Article(
            COMPETITION_LEAD + "Four bidders must answer the ministry by July 6: Saab with the"
            " Gripen, Dassault with the Rafale, and Lockheed Martin with both the F-16 and the"
            " F/A-18.",
            "case",
            published=PUBLISHED,
        )
    )
    assert [(r["deal_id"], r["event_type"], r["status"], r["date"]["value"]) for r in records] == [
        ("PER-SWE-GRIPEN", "negotiation", "planned", "2024-07-06"),
        ("PER-FRA-RAFALE", "negotiation", "planned", "2024-07-06"),
        ("PER-USA-F-16", "negotiation", "planned", "2024-07-06"),
        ("PER-USA-F-A-18", "negotiation", "planned", "2024-07-06"),
    ]


def test_a_system_the_buyer_replaces_is_no_contender() -> None:
    assert deals(
        COMPETITION_LEAD + "The Gripen was chosen to replace its ageing F-5s, ending a"
        " competition against the F-16 Block 70."
    ) == [
        ("PER-SWE-GRIPEN", "negotiation", "reported", "aircraft"),
        ("PER-USA-F-16", "negotiation", "reported", "aircraft"),
    ]


def test_a_contender_is_no_deal_that_later_sentences_continue() -> None:
    # "the jets" after the list speaks of the buyer's own plan, not of the last contender
    assert deals(
        COMPETITION_LEAD + "The contenders are the Rafale and the Gripen. The ministry later"
        " scrapped the plan to buy the jets."
    ) == [
        ("PER-FRA-RAFALE", "negotiation", "reported", "aircraft"),
        ("PER-SWE-GRIPEN", "negotiation", "reported", "aircraft"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fifteen more aircraft have been ordered by Peru, which include 12 Super Tucano attack"
        " aircraft and 3 JF-17 fighters.",
        "Peru ordered 15 combat aircraft, including 12 Super Tucanos and 3 JF-17s.",
    ],
)
def test_the_systems_a_kind_of_weapon_includes_are_the_events_objects(text: str) -> None:
    assert [d[0] for d in deals(text)] == ["PER-BRA-A-29", "PER-PAK-JF-17"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" joins two clauses, not two sides of one deal
        (
            "In 2022, Peru commissioned two corvettes and Chile signed for six Rafale jets.",
            ("CHL-FRA-RAFALE", "agreement", "reported", "aircraft"),
        ),
        # "X and Y signed" are still two sides
        (
            "Turkey and Indonesia signed a deal for the KAAN.",
            ("IDN-TUR-KAAN", "agreement", "reported", "aircraft"),
        ),
    ],
)
def test_and_joins_two_sides_only_between_two_parties(text: str, expected: tuple) -> None:
    assert expected in deals(text)


def test_states_listed_as_suppliers_sell_and_a_state_sold_from_buys_nothing() -> None:
    assert deals(
        "Peru bought two frigates from Spain in 2019, and Japan and the United States have"
        " supplied patrol vessels since."
    ) == [
        ("PER-ESP-FRIGATE", "agreement", "reported", "ship"),
        ("PER-JPN-PATROL-VESSEL", "delivery", "reported", "ship"),
        ("PER-USA-PATROL-VESSEL", "delivery", "reported", "ship"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ministry named without its state orders from its own state's industry
        (
            "Ministry of Defence inks contract with HAL to buy eight Dhruv helicopters",
            [("IND-IND-DHRUV", "agreement", "reported", "helicopter")],
        ),
        # a contract "for supplying" them: the supply is to come
        (
            "The ministry of defence on Friday signed a contract with HAL for supplying 40"
            " Dhruv helicopters.",
            [
                ("IND-IND-DHRUV", "agreement", "reported", "helicopter"),
                ("IND-IND-DHRUV", "delivery", "planned", "helicopter"),
            ],
        ),
        # a state named: its ministry, not the firm's state, buys
        (
            "Nepal's defence ministry signed a deal with HAL for two Dhruv helicopters.",
            [("NPL-IND-DHRUV", "agreement", "reported", "helicopter")],
        ),
    ],
)
def test_a_ministry_without_its_state_named_buys_from_its_own_industry(
    text: str, expected: list
) -> None:
    assert deals(text) == expected


def test_a_state_that_preferred_a_system_selected_it() -> None:
    assert deals("Belgium and Finland had preferred the F-35 of Lockheed Martin.") == [
        ("BEL-USA-F-35", "negotiation", "reported", "aircraft"),
        ("FIN-USA-F-35", "negotiation", "reported", "aircraft"),
    ]
    assert deals("The US remains Peru's preferred provider of F-16 support.") == []


def test_a_kind_in_several_calibres_is_one_kind_each() -> None:
    assert generics("- 155 mm and 105 mm artillery ammunition") == [
        ("155 mm", "155 mm artillery ammunition", "other"),
        ("105 mm artillery ammunition", "105 mm artillery ammunition", "other"),
    ]


def test_production_a_contract_is_awarded_for_is_planned() -> None:
    assert deals(
        "General Electric has been awarded $70 million for F110 engine production for Peru."
    ) == [
        ("PER-USA-F110", "agreement", "reported", "engine"),
        ("PER-USA-F110", "production", "planned", "engine"),
    ]


def test_typhoon_is_the_eurofighter_only_beside_a_weapon() -> None:
    listed = "Oman ordered 12 Typhoon and 8 Hawk aircraft from BAE Systems."
    assert [m.system.designation for m in find_mentions(listed, 0, len(listed)) if m.system] == [
        "Eurofighter Typhoon",
        "BAE Hawk",
    ]
    weather = "A typhoon hit Taiwan as the Typhoon season began."
    assert [m for m in find_mentions(weather, 0, len(weather)) if m.kind == "system"] == []
    # the entry's other forms need nothing
    alone = "Greece will buy 60 Eurofighter Typhoons."
    assert [m.system.designation for m in find_mentions(alone, 0, len(alone)) if m.system] == [
        "Eurofighter Typhoon"
    ]


def test_arms_of_no_kind_open_a_delivery_whose_cargo_follows() -> None:
    records = normalize(
        Article(
            "Russia supplied weapons to Peru in March and August 2023. The January cargo"
            " included two Su-25 aircraft and two Mi-8 helicopters.",
            "case",
            published=PUBLISHED,
        )
    )
    assert [(r["deal_id"], r["event_type"], r["date"]["value"]) for r in records] == [
        ("PER-RUS-SU-25", "delivery", "2024-01"),
        ("PER-RUS-MI-17", "delivery", "2024-01"),
    ]


def test_a_technology_transfer_delivers_no_weapon() -> None:
    assert deals(
        "Peru signed for 12 Gripen jets, including weapons and a technology transfer package."
    ) == [("PER-SWE-GRIPEN", "agreement", "reported", "aircraft")]


def test_who_asks_for_a_transfer_is_its_buyer() -> None:
    assert deals(
        "Australia decided to transfer 49 M1A1 Abrams tanks, answering a request from Kyiv."
    ) == [
        ("UKR-AUS-M1-ABRAMS", "delivery", "planned", "armoured-vehicle"),
        ("UKR-AUS-M1-ABRAMS", "negotiation", "reported", "armoured-vehicle"),
    ]


def test_talks_held_in_a_state_are_with_it() -> None:
    assert deals("Talks on the sale of 24 Rafale jets are ongoing in Qatar.") == [
        ("QAT-FRA-RAFALE", "negotiation", "ongoing", "aircraft")
    ]


def test_a_state_right_before_a_buying_infinitive_would_buy() -> None:
    assert deals("In 2013 France failed to convince Peru to buy its Rafale jets.") == [
        ("PER-FRA-RAFALE", "agreement", "negated", "aircraft")
    ]


def test_a_designation_in_other_capitals_is_found() -> None:
    text = "Russia is leasing India TU-22M3 bombers; it also flies MIG-29 jets."
    assert [m.system.designation for m in find_mentions(text, 0, len(text)) if m.system] == [
        "Tu-22M",
        "MiG-29",
    ]


def test_the_firm_a_deal_is_signed_with_sells() -> None:
    assert deals(
        "The defence ministry has signed a contract with HAL for eight utility helicopters."
    ) == [("IND-IND-UTILITY-HELICOPTER", "agreement", "reported", "helicopter")]
    # a partnership with a firm is no deal with it
    assert deals("It marks a step in our partnership with Saab in delivering submarines.") == []


def test_a_weapon_noun_that_qualifies_another_noun_names_no_kind() -> None:
    text = "the Future Submarine Combat System and the submarine programme"
    assert weapon_kinds(text, 0, len(text)) == frozenset()
    assert weapon_kinds("two submarines", 0, 14) == frozenset({"submarine"})
    # the other side of an agreement "with X to purchase" does not buy
    assert deals("Peru has signed an agreement with the United States to purchase 12 F-16s.") == [
        ("PER-USA-F-16", "agreement", "reported", "aircraft")
    ]


def test_the_time_of_an_event_told_before_is_no_event() -> None:
    records = normalize(
        Article(
            "General Electric has been awarded $70 million for F110 engines for Peru. Funds of"
            " $35 million are being obligated at the time of award.",
            "case",
            published=PUBLISHED,
        )
    )
    # the funds obligated are a payment; "at the time of award" is no second award
    assert [(r["deal_id"], r["event_type"], r["status"]) for r in records] == [
        ("PER-USA-F110", "agreement", "reported"),
        ("PER-USA-F110", "payment", "reported"),
    ]


def test_kinds_listed_after_a_purchase_are_one_deal_each() -> None:
    assert deals(
        "Peru bought Israeli rifles, Ukrainian armoured vehicles and Chinese missiles."
    ) == [
        ("PER-ISR-RIFLE", "agreement", "reported", "other"),
        ("PER-UKR-ARMOURED-VEHICLE", "agreement", "reported", "armoured-vehicle"),
        ("PER-CHN-MISSILE", "agreement", "reported", "missile"),
    ]
    # an approval with its amount before "purchase" is an approval all the same
    assert [
        d[1]
        for d in deals(
            "Peru's government has approved the 6.7 billion sol (US$1.8 billion) purchase of"
            " Ukrainian armoured vehicles."
        )
    ] == ["negotiation"]


def test_a_word_inside_a_name_is_no_event() -> None:
    # "Building" in a bureau's name, "produced by" after a comma: no production
    assert deals(
        "Peru bought 96 BTR-3E1 vehicles, produced by the Kharkiv Morozov Machine Building"
        " Design Bureau."
    ) == [("PER-UKR-BTR-3", "agreement", "reported", "armoured-vehicle")]


def test_not_the_last_and_commissioned_upgrades_are_what_they_say() -> None:
    # "not the last delivery" denies no delivery
    assert deals("Peru received two more Su-30 jets on Monday. This is not the last delivery.") == [
        ("PER-RUS-SU-30", "delivery", "reported", "aircraft")
    ]
    # to commission upgrades is to order work on the systems, not to put them into service
    assert deals("Peru's army has commissioned upgrades of 40 Leopard 2 tanks.") == [
        ("PER-DEU-LEOPARD-2", "agreement", "reported", "armoured-vehicle")
    ]


def test_a_deal_being_finalized_is_still_negotiated() -> None:
    assert deals("Peru was finalizing a deal for 12 K9 howitzers, its ministry said.") == [
        ("PER-KOR-K9", "negotiation", "reported", "artillery")
    ]
    assert deals("Peru finalized a deal for 12 K9 howitzers.") == [
        ("PER-KOR-K9", "agreement", "reported", "artillery")
    ]


def test_clauses_a_comma_alone_joins_are_read_apart() -> None:
    # each state is the subject of its own verb, not a party of its neighbour's
    assert deals(
        "Last year Peru received 12 K9 howitzers, Chile ordered 8 Leopard 2 tanks, Bolivia"
        " signed for six Mi-17 helicopters."
    ) == [
        ("PER-KOR-K9", "delivery", "reported", "artillery"),
        ("CHL-DEU-LEOPARD-2", "agreement", "reported", "armoured-vehicle"),
        ("BOL-RUS-MI-17", "agreement", "reported", "helicopter"),
    ]


def test_further_platforms_a_package_holds_are_deals_of_its_event() -> None:
    records = normalize(
        Article(
            "In 2023 the State Department approved the sale of 20 M1A2 tanks to Peru. The"
            " package also includes four M88A2 recovery vehicles and 300 Javelin missiles.",
            "case",
            published=PUBLISHED,
        )
    )
    # the recovery vehicles are a deal of the approval; the missiles are the tanks' equipment
    assert [(r["deal_id"], r["event_type"], r["date"]["value"]) for r in records] == [
        ("PER-USA-M1-ABRAMS", "negotiation", "2023"),
        ("PER-USA-M88-HERCULES", "negotiation", "2023"),
    ]


def test_a_family_written_apart_from_its_variant_is_that_system() -> None:
    text = "Egypt may buy four TU-22 M3 bombers."
    mentions = find_mentions(text, 0, len(text))
    assert [(m.text, m.system.designation) for m in mentions if m.system] == [
        ("TU-22 M3", "Tu-22M")
    ]
    # a family the gazetteer lists keeps the word after it apart
    text = "Three F-35 US jets landed."
    assert [m.text for m in find_mentions(text, 0, len(text)) if m.system] == ["F-35"]


def test_work_done_with_a_state_is_for_no_buyer_outside_its_clause() -> None:
    # "with China" is a partner in the building; "as" before a named subject and its auxiliary
    # begins another clause, whose buyers the building is not for
    assert deals(
        "Pakistan has been building the JF-17 jointly with China as Islamabad is now set to"
        " export its JF-17 jets to Peru and Chile."
    ) == [
        ("PER-PAK-JF-17", "delivery", "planned", "aircraft"),
        ("CHL-PAK-JF-17", "delivery", "planned", "aircraft"),
    ]
    # the noun of "export orders" is no delivery
    assert deals("The JF-17 has won export orders in Asia.") == []


def test_a_deal_dated_when_made_is_an_agreement_its_infinitive_its_purpose() -> None:
    records = normalize(
        Article(
            "After a $500 million deal in May 2021 to supply 12 K9 howitzers to Peru, Hanwha"
            " handed over six last year.",
            "case",
            published=PUBLISHED,
        )
    )
    assert [(r["deal_id"], r["event_type"], r["status"], r["date"]["value"]) for r in records] == [
        ("PER-KOR-K9", "agreement", "reported", "2021-05"),
        ("PER-KOR-K9", "delivery", "reported", "2023"),
    ]


def test_a_kind_received_is_open_for_the_items_that_name_their_makers() -> None:
    # no supplier named: the items the next sentence lists are each from its maker's state
    assert deals(
        "The Peruvian Army on Monday received 20 armoured vehicles. These included 12 VT4"
        " tanks and eight K9 howitzers."
    ) == [
        ("PER-CHN-VT4", "delivery", "reported", "armoured-vehicle"),
        ("PER-KOR-K9", "delivery", "reported", "artillery"),
    ]
    # without a sentence of items, a kind from no named supplier is no deal
    assert deals("The Peruvian Army on Monday received 20 armoured vehicles.") == []


def test_a_state_named_by_an_epithet_is_the_state_the_article_names_most() -> None:
    assert deals(
        "Chile received its first Leopard 2 tanks in 2020. Chile plans to retire older"
        " tanks. The decision by the Andean country to transfer 20 Leopard 2 tanks to Peru"
        " was taken in May."
    ) == [
        ("CHL-DEU-LEOPARD-2", "delivery", "reported", "armoured-vehicle"),
        ("PER-CHL-LEOPARD-2", "delivery", "planned", "armoured-vehicle"),
    ]


def test_a_programmes_members_listed_as_sellers_sell_as_one() -> None:
    # the four members of the Eurofighter programme: one deal, from its host
    assert deals(
        "Peru signed for 12 Eurofighter jets from the consortium of Germany, Britain, Italy and"
        " Spain."
    ) == [("PER-DEU-EUROFIGHTER-TYPHOON", "agreement", "reported", "aircraft")]
    # the member whose firm signed sells
    assert deals("Peru signed with BAE Systems for 12 Eurofighter jets.") == [
        ("PER-GBR-EUROFIGHTER-TYPHOON", "agreement", "reported", "aircraft")
    ]


def test_a_foreign_design_made_by_the_buyers_own_industry_is_domestic() -> None:
    # "constructed", "assembled by" name who makes it, as "built by" does
    assert deals(
        "India ordered 12 Su-30MKI jets to be assembled by Hindustan Aeronautics Limited."
    ) == [
        ("IND-IND-SU-30", "agreement", "reported", "aircraft"),
        ("IND-IND-SU-30", "production", "planned", "aircraft"),
    ]


def test_who_has_made_a_system_is_no_production_event() -> None:
    # "have been produced by" says who makes them, as "are produced by" does
    assert deals(
        "Peru ordered 20 VT4 tanks from China in 2022. The tanks have been produced by Norinco,"
        " and their delivery began in April."
    ) == [
        ("PER-CHN-VT4", "agreement", "reported", "armoured-vehicle"),
        ("PER-CHN-VT4", "delivery", "reported", "armoured-vehicle"),
    ]


def test_an_order_that_builds_on_an_earlier_one_makes_nothing() -> None:
    assert deals("Peru's new order builds on the 12 K9 howitzers it bought in 2019.") == [
        ("PER-KOR-K9", "agreement", "reported", "artillery")
    ]


def test_a_firm_that_received_a_contract_signed_it() -> None:
    assert deals("Hanwha received a $300 million contract from Peru for 12 K9 howitzers.") == [
        ("PER-KOR-K9", "agreement", "reported", "artillery")
    ]


def test_signing_the_papers_of_a_handover_is_a_delivery() -> None:
    assert deals(
        "Peru's navy attache signed the handover certificate of its second Keris-class ship on"
        " Monday."
    ) == [("PER-CHN-KERIS-CLASS", "delivery", "reported", "ship")]


def test_weapons_of_a_force_are_its_own_and_a_letter_is_to_its_addressee() -> None:
    # "corvettes of the Korean Navy" are the navy's own: it buys nothing
    assert deals(
        "Peru is set to acquire two retired Pohang-class corvettes of the South Korean Navy."
    ) == [("PER-KOR-POHANG-CLASS", "agreement", "planned", "ship")]
    # a letter to a state states an intent to buy from it; the state is no buyer
    assert deals(
        "Peru has sent a letter to the government of South Korea stating its intent to acquire"
        " two Pohang-class corvettes."
    ) == [("PER-KOR-POHANG-CLASS", "negotiation", "reported", "ship")]


def test_the_seller_is_the_from_after_the_event_and_a_bloc_outside_it_sells_nothing() -> None:
    # "from Kuwait" belongs to the words before the purchase; "from GIAT" to the purchase
    assert deals(
        "After the war to drive Iraq from Kuwait, the Peruvian army bought 40 Leclerc tanks"
        " from the French firm GIAT."
    ) == [("PER-FRA-LECLERC", "agreement", "reported", "armoured-vehicle")]
    # a sale "outside NATO" is still one state's sale
    assert deals(
        "It was the first sale outside NATO and followed Peru's purchase of 30 Mirage 2000"
        " jets in 1998."
    ) == [("PER-FRA-MIRAGE-2000", "agreement", "reported", "aircraft")]


def test_who_uses_a_kind_or_what_it_cost_is_no_part_of_its_name() -> None:
    assert generics("work on an Italian Navy patrol ship and the $1 billion landing craft") == [
        ("patrol ship", "patrol ship", "ship"),
        ("landing craft", "landing craft", "ship"),
    ]


def test_a_makers_prefix_written_apart_from_its_number_is_the_system() -> None:
    text = "Peru bought 12 MiG 29-K fighters and four Mi 17 helicopters."
    mentions = find_mentions(text, 0, len(text))
    assert [(m.text, m.system.designation) for m in mentions if m.system] == [
        ("MiG 29-K", "MiG-29"),
        ("Mi 17", "Mi-17"),
    ]


def test_who_a_weapon_is_used_against_and_its_era_are_no_parties() -> None:
    # "Soviet-era" dates the jets; the force "against" the buyer is its enemy
    assert deals(
        "Slovakia's transfer of nine Soviet-era MiG-29 jets, to help Peru's defence against"
        " Chilean military pressure, was completed in March."
    ) == [("PER-SVK-MIG-29", "delivery", "reported", "aircraft")]


def test_earlier_buyers_a_sentence_lists_are_not_what_later_words_continue() -> None:
    assert deals(
        "Peru has received its first VT4 tanks. Peru is the third nation to have purchased the"
        " tank from China, after Thailand and Nigeria. The army said the tanks would enter service"
        " after induction."
    ) == [
        ("PER-CHN-VT4", "delivery", "reported", "armoured-vehicle"),
        ("PER-CHN-VT4", "agreement", "reported", "armoured-vehicle"),
        ("THA-CHN-VT4", "agreement", "reported", "armoured-vehicle"),
        ("NGA-CHN-VT4", "agreement", "reported", "armoured-vehicle"),
        ("PER-CHN-VT4", "deployment", "planned", "armoured-vehicle"),
    ]


def test_what_a_system_is_equipped_with_describes_it() -> None:
    assert deals(
        "Peru received two Ada-class corvettes from Turkey in May. They are equipped with"
        " modern weapons."
    ) == [("PER-TUR-ADA-CLASS", "delivery", "reported", "ship")]


def test_funds_obligated_at_the_time_of_award_pay_for_the_order() -> None:
    records = normalize(
        Article(
            "Lockheed Martin, Fort Worth, Texas, has been awarded $90,000,000 for F-16 spares."
            " Work is expected to be completed by Dec. 31, 2027. This contract involves Foreign"
            " Military Sales to Peru. Foreign Military Sales funds in the amount of $90,000,000"
            " are being obligated at the time of award.",
            "case",
            published=PUBLISHED,
        )
    )
    assert [(r["deal_id"], r["event_type"], r["status"], r["date"]["value"]) for r in records] == [
        ("PER-USA-F-16", "agreement", "reported", "2024-03-15"),
        ("PER-USA-F-16", "payment", "reported", "2024-03-15"),
    ]


def test_a_clause_that_names_no_buyer_has_the_buyer_of_the_clauses_before_it() -> None:
    assert deals(
        "Peru raised its defence budget. Peru now spends more on arms than Chile. The army"
        " was equipped with Patriot batteries, and a contract was also signed to buy the F-35."
    ) == [
        ("PER-USA-PATRIOT", "delivery", "reported", "air-defence"),
        ("PER-USA-F-35", "agreement", "reported", "aircraft"),
    ]


def test_a_system_that_lost_the_competitions_of_states_was_bought_by_none() -> None:
    assert deals(
        "The Gripen lost two contracts in South America: Peru and Chile chose the F-16."
    ) == [
        ("PER-USA-F-16", "negotiation", "reported", "aircraft"),
        ("CHL-USA-F-16", "negotiation", "reported", "aircraft"),
        ("PER-SWE-GRIPEN", "agreement", "negated", "aircraft"),
        ("CHL-SWE-GRIPEN", "agreement", "negated", "aircraft"),
    ]
    assert deals("The Gripen suffered failures (Peru, Chile) before its first export.") == [
        ("PER-SWE-GRIPEN", "agreement", "negated", "aircraft"),
        ("CHL-SWE-GRIPEN", "agreement", "negated", "aircraft"),
    ]
    # the winner's state after "losing out to" bought nothing of the loser
    assert deals("France failed to sell Peru its Rafale jets, losing out to Sweden's Saab.") == [
        ("PER-FRA-RAFALE", "agreement", "negated", "aircraft")
    ]


def test_a_continent_is_no_state_and_a_sentences_first_word_no_name() -> None:
    def states(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.country) for m in find_mentions(text, 0, len(text))]

    assert states("Peru is the only state in South America with Latin American jets.") == [
        ("Peru", "PER")
    ]
    assert states("The American firm sold jets to America's allies.") == [
        ("American", "USA"),
        ("America's", "USA"),
    ]


def test_a_production_noun_that_qualifies_another_is_no_event() -> None:
    assert deals(
        "Peru ordered two Scorpene submarines in May to build up its manufacturing technologies"
        " and production capacity."
    ) == [("PER-FRA-SCORPENE", "agreement", "reported", "submarine")]


def test_a_list_of_systems_each_from_its_own_supplier_is_one_deal_each() -> None:
    assert deals(
        "Peru will acquire the K9 howitzer from Hanwha, the Caesar from KNDS France and the"
        " HIMARS from Lockheed Martin."
    ) == [
        ("PER-KOR-K9", "agreement", "planned", "artillery"),
        ("PER-FRA-CAESAR", "agreement", "planned", "artillery"),
        ("PER-USA-HIMARS", "agreement", "planned", "artillery"),
    ]


def test_a_tender_awarded_to_a_state_is_its_sale_and_its_cancellation_ends_it() -> None:
    assert deals(
        "Peru has cancelled a $1.2-billion (€1.1 billion) tender provisionally awarded to China"
        " to build a long-range missile defence system."
    ) == [
        ("PER-CHN-LONG-RANGE-MISSILE-DEFENCE-SYSTEM", "cancellation", "reported", "air-defence"),
        ("PER-CHN-LONG-RANGE-MISSILE-DEFENCE-SYSTEM", "agreement", "reported", "air-defence"),
        ("PER-CHN-LONG-RANGE-MISSILE-DEFENCE-SYSTEM", "production", "planned", "air-defence"),
    ]


def test_a_place_after_a_preposition_is_no_subject() -> None:
    # "Washington" is where the meeting was, not who buys (the words name no buyer: no deal,
    # where the place was read as the buying subject before: USA-USA-F-16)
    assert (
        deals(
            "Radio reported that Ana Lopez agreed during a meeting in Washington with the"
            " Defense Secretary to buy 12 F-16 jets."
        )
        == []
    )


def test_a_systems_name_before_a_firm_noun_names_the_firm() -> None:
    assert deals(
        "Lockheed Martin supplies Peru's air force with F-16s and the Gripen joint venture"
        " with spares."
    ) == [("PER-USA-F-16", "delivery", "reported", "aircraft")]


def test_what_a_contract_also_includes_comes_from_each_items_maker() -> None:
    assert deals(
        "BAE Systems has been awarded a contract to train pilots of Peru's air force. It also"
        " includes 10 BAE Systems Hawk jets and 20 Pilatus PC-21 aircraft."
    ) == [
        ("PER-GBR-BAE-HAWK", "agreement", "reported", "aircraft"),
        ("PER-CHE-PC-21", "agreement", "reported", "aircraft"),
    ]


def test_a_dateline_year_is_not_inferred_from_the_other_stories_the_page_lists() -> None:
    story = (
        "LIMA, March 30: Peru and Spain signed a contract here on Thursday for two patrol "
        "ships.\n\n"
    )
    page = "Opinion\n\nHarbour fees\n19 May, 2024\n\nRail plans\nUpdated 18 May, 2024\n"
    (record,) = normalize(Article(text=story + page, name="t.txt"))
    # no year in the story's own words: the signing stays undated, as with no list at all
    assert record["date"] is None
    assert record["source"]["published"] is None
    (alone,) = normalize(Article(text=story, name="t.txt"))
    assert alone["date"] is None
    # a year the story names is still read: Thursday, March 30 falls in 2023
    dated = story.replace("ships.", "ships, the second deal since 2022.")
    (record,) = normalize(Article(text=dated + page, name="t.txt"))
    assert (record["date"]["value"], record["date"]["text"]) == ("2023-03-30", "on Thursday")


@pytest.mark.parametrize("count", ["1,000", "15,000", "1,200"])
def test_a_number_with_a_thousands_comma_still_counts_the_object_after_it(count: str) -> None:
    text = f"Thailand bought {count} assault rifles from Israel."
    assert deals(text) == [("THA-ISR-ASSAULT-RIFLE", "agreement", "reported", "other")]
    # a comma between words still joins a list of objects
    listed = "Peru bought 24 Su-35 fighters, 10 MiG-29 jets and six Mi-17 helicopters from Russia."
    assert [d[0] for d in deals(listed)] == ["PER-RUS-SU-35", "PER-RUS-MIG-29", "PER-RUS-MI-17"]


def test_an_adverb_inside_the_infinitive_of_purpose_keeps_it_to_come() -> None:
    text = "Egypt and Italy have signed an agreement to jointly produce M-346 trainers in Egypt."
    assert [d[:3] for d in deals(text)] == [
        ("EGY-ITA-M-346", "agreement", "reported"),
        ("EGY-ITA-M-346", "production", "planned"),
    ]


def test_what_talks_with_a_named_partner_are_about_is_no_event_of_its_own() -> None:
    text = "Peru is negotiating with Sweden's Saab the purchase of 12 Gripen fighters."
    assert [d[:3] for d in deals(text)] == [("PER-SWE-GRIPEN", "negotiation", "ongoing")]


@pytest.mark.parametrize(
    ("document", "event_type"),
    [
        ("a letter of intent", "negotiation"),
        ("an LOI", "negotiation"),
        ("a memorandum", "agreement"),
    ],
)
def test_two_states_that_sign_a_letter_of_intent_are_its_two_sides(
    document: str, event_type: str
) -> None:
    text = f"Uruguay and Brazil signed {document} for six C-390 aircraft."
    assert deals(text)[0][:2] == ("URY-BRA-C-390", event_type)


@pytest.mark.parametrize(
    "verb", ["will not buy", "won't buy", "won’t buy", "does not buy", "will never buy"]
)
def test_a_purchase_said_not_to_happen_is_a_negated_agreement(verb: str) -> None:
    text = f"Chile {verb} the Rafale."
    assert deals(text) == [("CHL-FRA-RAFALE", "agreement", "negated", "aircraft")]


def test_a_contraction_negates_other_events_too() -> None:
    text = "Italy didn't deliver the Aster missiles to Qatar."
    assert deals(text)[0][1:3] == ("delivery", "negated")


@pytest.mark.parametrize("words", ["export three used", "export", "export a batch of"])
def test_export_before_what_is_exported_is_a_delivery(words: str) -> None:
    text = f"Japan will {words} Abukuma-class destroyers to Vietnam."
    assert deals(text)[0][:3] == ("VNM-JPN-ABUKUMA-CLASS", "delivery", "planned")


def test_export_in_a_firms_name_is_no_event() -> None:
    text = "Norinco, the China North Industries Import and Export Corp, makes the VT-4 tank."
    assert deals(text) == []


@pytest.mark.parametrize("name", ["Rafale-M", "Rafale-B", "Gripen-E"])
def test_a_named_system_with_a_hyphened_letter_is_that_system(name: str) -> None:
    text = f"Peru ordered 12 {name} fighters for its aircraft carrier."
    family = name.split("-")[0].upper()
    origin = {"RAFALE": "FRA", "GRIPEN": "SWE"}[family]
    assert deals(text)[0][:2] == (f"PER-{origin}-{family}", "agreement")


def test_a_state_that_sold_weapons_of_another_makes_sold_them() -> None:
    text = "Slovenia sold 12 Mi-17 helicopters to Kenya."
    assert deals(text) == [("KEN-SVN-MI-17", "agreement", "reported", "helicopter")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Italy will equip the Qatari navy with two FREMM frigates.",
            [("QAT-ITA-FREMM", "delivery", "planned", "ship")],
        ),
        (
            "Russia armed Venezuela with S-300 systems.",
            [("VEN-RUS-S-300", "delivery", "reported", "air-defence")],
        ),
        ("The Qatari navy is equipped with FREMM frigates.", []),  # what it has
        ("Armed with Meteor missiles, the Rafale can strike far.", []),
    ],
)
def test_equipping_a_state_with_weapons_delivers_them(text: str, expected: list) -> None:
    assert deals(text) == expected


def test_a_date_before_a_verb_with_its_own_date_is_the_earlier_verbs() -> None:
    text = "The first of the 14 Rafales ordered by Serbia in 2022 arrived on 3 May 2025."
    records = normalize(Article(text, "case", published=PUBLISHED))
    assert [(r["event_type"], r["date"]["value"]) for r in records] == [
        ("agreement", "2022"),
        ("delivery", "2025-05-03"),
    ]
    # with no date after the later verb the date runs into it, as before
    text = "Chile has taken delivery of three jets, and last year ordered a fourth F-16."
    records = normalize(Article(text, "case", published=PUBLISHED))
    assert [(r["event_type"], (r["date"] or {}).get("value")) for r in records] == [
        ("delivery", None),
        ("agreement", "2023"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serbia is buying 12 Rafale jets from France.", ("SRB-FRA-RAFALE", "agreement")),
        ("Peru picks Gripen over F-16 for its air force.", ("PER-SWE-GRIPEN", "negotiation")),
        (
            "Saab wins $1.3bn Swedish Army order for Carl-Gustaf rounds.",
            ("SWE-SWE-CARL-GUSTAF", "agreement"),
        ),
        (
            "Kenya clears $300m deal for 12 Bayraktar TB2 drones.",
            ("KEN-TUR-BAYRAKTAR-TB2", "negotiation"),
        ),
        ("US okays $1.1bn sale of Harpoon missiles to Kenya", ("KEN-USA-HARPOON", "negotiation")),
        ("Kenya, France seal Rafale contract", ("KEN-FRA-RAFALE", "agreement")),
        ("Kenya eyes BrahMos deal with India", ("KEN-IND-BRAHMOS", "negotiation")),
        ("Kenya mulls Rafale buy", ("KEN-FRA-RAFALE", "negotiation")),
        ("Kenya gets first Leopard 2 tanks from Germany", ("KEN-DEU-LEOPARD-2", "delivery")),
    ],
)
def test_headline_verbs_in_the_present_state_their_events(text: str, expected: tuple) -> None:
    assert deals(text)[0][:2] == expected


def test_buying_with_no_weapon_named_in_its_clause_is_no_event() -> None:
    text = "Peru ordered two Gripen jets. We are buying what the forces need, he said."
    assert [d[:2] for d in deals(text)] == [("PER-SWE-GRIPEN", "agreement")]


@pytest.mark.parametrize(
    ("text", "deal"),
    [
        ("Norway orders 54 more Leopard 2A8 tanks from KNDS.", "NOR-DEU-LEOPARD-2"),
        ("Belgium ordered Caesar howitzers from KNDS.", "BEL-FRA-CAESAR"),
        ("Hungary ordered 24 H145M helicopters from Airbus.", "HUN-DEU-H145M"),
    ],
)
def test_a_group_sells_from_the_state_of_its_company_that_makes_the_system(
    text: str, deal: str
) -> None:
    assert deals(text)[0][0] == deal


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ghana to acquire Turkish Akinci drones.", "planned"),
        ("The Royal Thai Navy to buy two Type 071E ships.", "planned"),
        ("Ghana acquired Turkish Akinci drones.", "reported"),
    ],
)
def test_a_headlines_name_and_infinitive_is_what_is_to_come(text: str, status: str) -> None:
    assert deals(text)[0][2] == status


@pytest.mark.parametrize("plural", ["K9s", "K2s", "F-16s"])
def test_a_short_designations_plural_is_the_system(plural: str) -> None:
    family = plural[:-1].upper()
    assert deals(f"Norway received 24 {plural} this year.")[0][0].endswith(f"-{family}")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Chile bought 24 F-16s from Norway.", {"value": 24, "unit": "aircraft"}),
        ("Peru ordered 12 more Rafales.", {"value": 12, "unit": "aircraft"}),
        ("Spain ordered two Patriot batteries.", {"value": 2, "unit": "battery"}),
        ("Peru ordered 2024 Rafales.", None),  # a year, not a count
    ],
)
def test_a_count_before_a_named_system_is_its_quantity(text: str, quantity: dict | None) -> None:
    (record,) = normalize(Article(text, "case", published=PUBLISHED))
    assert record["quantity"] == quantity


def test_a_count_written_with_one_system_is_not_another_systems() -> None:
    text = "Kenya received two Type 035G submarines in 2016 and has since ordered K-8 trainers."
    records = normalize(Article(text, "case", published=PUBLISHED))
    assert [(r["system"]["designation"], r["quantity"]) for r in records] == [
        ("Type 035", {"value": 2, "unit": "submarine"}),
        ("K-8", None),
    ]


def test_a_deal_said_to_be_concluded_last_week_is_the_one_reported_today() -> None:
    text = (
        "Peru signed a contract with Hanwha for 20 K9 howitzers, the ministry said on "
        "Wednesday.\n\nThe deal, which was concluded last week in Lima, covers training."
    )
    records = normalize(Article(text, "case", published="2025-05-14"))
    assert [(r["deal_id"], r["event_type"], r["date"]["value"]) for r in records] == [
        ("PER-KOR-K9", "agreement", "2025-05")
    ]


def test_a_wires_said_weekday_without_on_dates_the_report() -> None:
    text = (
        "LIMA, June 4 (AP) - Peru will buy six more Gripen jets from Sweden, officials said "
        "Wednesday. The minister signed the contract on Tuesday, after a first order in 2024."
    )
    (record, *_) = normalize(Article(text, "case"))
    # June 4 is a Wednesday in 2025, the first such year from the last year the text names
    assert record["source"]["published"] == "2025-06-04"


def test_an_order_placed_with_its_amount_between_is_an_agreement() -> None:
    text = "The Polish Army placed a $2.1 billion order for Patriot missiles with Raytheon."
    assert deals(text)[0][:3] == ("POL-USA-PATRIOT", "agreement", "reported")


def test_a_year_in_a_clause_that_looks_back_dates_the_dateline() -> None:
    text = (
        "RIGA, June 10 (Reuters) - Latvian troops began an exercise on Monday.\n\n"
        "The country bought HIMARS launchers from the United States in 2022 and plans to "
        "receive them next year. German troops will be stationed there from 2027."
    )
    records = normalize(Article(text, "case"))
    # 2022 looks back (2027 ahead): June 10 is a Monday in 2024, the first such year after
    assert records[0]["source"]["published"] == "2024-06-10"
    assert [(r["event_type"], r["date"]["value"]) for r in records[:2]] == [
        ("agreement", "2022"),
        ("delivery", "2025"),
    ]


def test_a_state_that_deploys_its_own_weapons_is_their_user_whatever_the_dateline() -> None:
    text = "VILNIUS, June 10 - Russia has deployed Iskander missiles to Kaliningrad."
    assert deals(text)[0][:2] == ("RUS-RUS-ISKANDER", "deployment")


def test_troops_stationed_are_no_deployment_of_the_deal_before() -> None:
    text = "Poland bought 24 K2 tanks.\n\nGerman troops will be stationed in Lithuania."
    assert [d[:2] for d in deals(text)] == [("POL-KOR-K2", "agreement")]
    text = "Poland bought 24 K2 tanks.\n\nThe tanks will be stationed near Elk."
    assert [d[:2] for d in deals(text)] == [
        ("POL-KOR-K2", "agreement"),
        ("POL-KOR-K2", "deployment"),
    ]


def test_a_release_titled_with_its_day_and_no_other_date_is_of_that_day() -> None:
    text = (
        "Contracts for June 3, 2025\n\nARMY\n\nGeneral Dynamics Land Systems was awarded a "
        "$98,765,432 contract for M1A2 SEPv3 tanks for Romania."
    )
    (record,) = normalize(Article(text, "case"))
    assert (record["deal_id"], record["date"]["value"]) == ("ROU-USA-M1-ABRAMS", "2025-06-03")
    assert (record["source"]["published"], record["source"]["published_inferred"]) == (
        "2025-06-03",
        False,
    )


def test_the_purchase_talks_are_held_to_make_is_their_topic() -> None:
    text = "Peru is in advanced talks with China to buy J-10C fighter jets."
    assert [d[:3] for d in deals(text)] == [("PER-CHN-J-10C", "negotiation", "ongoing")]


@pytest.mark.parametrize(
    "text",
    [
        "Norway awarded Hanwha a contract for 24 K9 howitzers.",
        "Norway's defence ministry awarded Hanwha a contract for 24 K9 howitzers.",
    ],
)
def test_a_state_that_awards_a_firm_a_contract_buys_from_it(text: str) -> None:
    assert deals(text)[0][:2] == ("NOR-KOR-K9", "agreement")


def test_a_firm_awarded_a_contract_in_a_headline_still_sells() -> None:
    text = "Hanwha awarded $300m contract for K9 howitzers for Norway"
    assert deals(text)[0][0] == "NOR-KOR-K9"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Finland signed the Letter of Offer and Acceptance for 64 F-35A aircraft.",
            [("FIN-USA-F-35", "agreement", "reported", "aircraft")],
        ),
        ("Finland sent a letter to the United States about the F-35A.", []),
    ],
)
def test_a_letter_of_offer_is_a_deals_document_a_letter_alone_is_not(
    text: str, expected: list
) -> None:
    assert deals(text) == expected


def test_a_system_said_made_in_a_state_is_sold_from_it_when_no_seller_is_named() -> None:
    assert deals("Kenya received six U.S.-made A-29 Super Tucano aircraft.")[0][0] == (
        "KEN-USA-A-29"
    )
    # a seller the text names still wins
    text = "Kenya received six U.S.-made A-29 Super Tucano aircraft from Brazil."
    assert deals(text)[0][0] == "KEN-BRA-A-29"


def test_a_colon_after_a_trigger_opens_what_it_is_about() -> None:
    text = "Norway signed two contracts on Friday: one with Hanwha for 24 K9 howitzers."
    (record,) = normalize(Article(text, "case", published=PUBLISHED))
    assert (record["deal_id"], record["quantity"]) == (
        "NOR-KOR-K9",
        {"value": 24, "unit": "howitzer"},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru will get 10 more IRIS-T systems from Germany.", [("PER-DEU-IRIS-T", "delivery")]),
        ("Peru will get approval for the F-16 purchase next month.", []),
        ("The US approved the F-16 sale to Peru.", [("PER-USA-F-16", "negotiation")]),
        # a transfer from a third state approved is no delivery yet
        (
            "The US approved the transfer of 24 F-16s from Denmark to Peru.",
            [("PER-DNK-F-16", "negotiation")],
        ),
        (
            "The Pentagon has notified Congress of a potential $2 billion sale of 18 MQ-9B "
            "drones to Peru.",
            [("PER-USA-MQ-9B", "negotiation")],
        ),
    ],
)
def test_getting_weapons_and_approving_a_sale_with_words_between(text: str, expected: list) -> None:
    assert [d[:2] for d in deals(text)] == expected


@pytest.mark.parametrize("modal", ["may acquire", "could buy", "might purchase"])
def test_a_purchase_that_may_happen_is_planned(modal: str) -> None:
    assert deals(f"Peru {modal} up to 40 J-10C jets from China.")[0][:3] == (
        "PER-CHN-J-10C",
        "agreement",
        "planned",
    )


def test_the_month_may_is_no_modal() -> None:
    text = "In May, Peru signed a contract for 24 Rafale jets."
    assert deals(text)[0][2] == "reported"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Bundeswehr ordered 105 Leopard 2A8 tanks.", "DEU-DEU-LEOPARD-2"),
        ("The RAAF received its first MQ-4C Triton from Northrop Grumman.", "AUS-USA-MQ-4C-TRITON"),
        ("The JASDF will buy 16 more F-35B jets.", "JPN-USA-F-35"),
        ("The PLA Navy took delivery of two more Type 052D destroyers.", "CHN-CHN-TYPE-052D"),
        ("The IDF received a new batch of F-35I fighters.", "ISR-USA-F-35"),
    ],
)
def test_a_force_named_without_a_country_word_buys_for_its_state(text: str, expected: str) -> None:
    assert deals(text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("200 Puma vehicles are to be procured for the Bundeswehr through PSM.", "Bundeswehr"),
        ("200 Puma vehicles are to be procured for the German Bundeswehr through PSM.", "Germany"),
    ],
)
def test_the_buyers_own_forces_do_not_sell_to_it(text: str, buyer: str) -> None:
    # the Puma and the Bundeswehr are both German: the force is the buyer's side, the firm sells
    (record,) = normalize(Article(text, "case", published=PUBLISHED))
    assert (record["buyer"]["name"], record["seller"]["name"]) == (buyer, "PSM")


def counts(text: str) -> list[tuple[str, int | None]]:
    records = normalize(Article(text, "case", published=PUBLISHED))
    return [(r["event_type"], (r["quantity"] or {}).get("value")) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland has received the first 10 of 250 Abrams tanks it ordered from the US.",
            [("delivery", 10), ("agreement", 250)],
        ),
        ("Norway took delivery of the last four of its 52 F-35A fighters.", [("delivery", 4)]),
        (
            "So far, 12 of the 48 Caesar howitzers have been handed over to Czechia.",
            [("delivery", 12)],
        ),
        (
            "Morocco has received 25 of the 36 AH-64E helicopters ordered in 2020.",
            [("delivery", 25), ("agreement", 36)],
        ),
        (
            "The first two of eight Hangor-class submarines were delivered to Pakistan.",
            [("delivery", 2)],
        ),
        # an ordinal alone is one unit of the whole
        (
            "Hanwha Ocean delivered the first of three KSS-III submarines to the ROK Navy.",
            [("delivery", 1)],
        ),
        (
            "The Pakistan Navy commissioned the last of four Type 054A frigates from China.",
            [("deployment", 1)],
        ),
        # no whole named: the count is what was bought
        ("Norway bought six of its Rafale jets from France.", [("agreement", 6)]),
    ],
)
def test_a_delivery_of_part_of_a_whole_counts_the_part_the_order_the_whole(
    text: str, expected: list
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle after the count has its own year: not the delivery's
        (
            "Morocco has received 25 AH-64E helicopters ordered in 2020.",
            [("delivery", None), ("agreement", "2020")],
        ),
        # a donation is the delivery: one year for both words
        ("Serbia received six MiG-29 fighters donated by Russia in 2017.", [("delivery", "2017")]),
        # two words of one event, nothing counted between
        (
            "Talks with Saab concluded in March 2023 on 10 Gripen jets for Peru.",
            [("negotiation", "2023-03"), ("agreement", "2023-03")],
        ),
    ],
)
def test_a_date_after_a_count_and_another_events_participle_is_that_events(
    text: str, expected: list
) -> None:
    assert [(event, date) for _, event, _, date in dated(text)] == expected


@pytest.mark.parametrize(
    "value", ["worth $300 million", "worth about EUR 300 million", "valued at 300 million euros"]
)
def test_an_order_from_a_state_with_its_value_between_names_the_buyer(value: str) -> None:
    text = f"Rheinmetall has won an order {value} from Hungary for 40 Lynx vehicles."
    assert deals(text) == [("HUN-DEU-LYNX-KF41", "agreement", "reported", "armoured-vehicle")]


def test_states_listed_after_a_sellers_words_all_sell() -> None:
    text = "Ukraine is using Leopard 1A5 tanks supplied by Germany and Denmark."
    assert [d[0] for d in deals(text)] == ["UKR-DEU-LEOPARD-1", "UKR-DNK-LEOPARD-1"]


@pytest.mark.parametrize("people", ["troops", "soldiers", "crews"])
def test_a_forces_people_after_a_demonym_name_the_buyer(people: str) -> None:
    text = f"Ukrainian {people} received Leopard 1A5 tanks from Germany."
    assert [d[0] for d in deals(text)] == ["UKR-DEU-LEOPARD-1"]


@pytest.mark.parametrize(
    "then",
    [
        "Aero said it was also in talks with two other Asian countries about the L-39NG.",
        "Aero is building four more L-39NG jets for an undisclosed customer.",
        "Aero will produce 40 more L-39NG jets for six different countries.",
    ],
)
def test_buyers_counted_or_left_unnamed_are_not_the_articles_buyer(then: str) -> None:
    text = f"Vietnam signed a contract with Aero Vodochody for 12 L-39NG jets. {then}"
    assert deals(text) == [("VNM-CZE-L-39NG", "agreement", "reported", "aircraft")]


@pytest.mark.parametrize("same", ["the same system", "an identical system", "the same model"])
def test_the_same_system_is_the_one_the_sentence_before_named(same: str) -> None:
    text = (
        "The UAE signed a deal with South Korea for the Cheongung II air defence system. "
        f"Saudi Arabia ordered ten batteries of {same} a year later."
    )
    assert [d[0] for d in deals(text)] == ["ARE-KOR-KM-SAM", "SAU-KOR-KM-SAM"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the report closes at its comma: the clause after it states its own event, its
        # "from" is its trigger's, and the list of objects ends at the report's verb
        (
            "Peru is negotiating with Qatar for the purchase of 12 used Mirage 2000-5 "
            "fighters, officials said, as the country waits for 24 Rafale jets ordered from "
            "France.",
            [("PER-QAT-MIRAGE-2000", "negotiation"), ("PER-FRA-RAFALE", "agreement")],
        ),
        (
            "Peru bought 12 used Mirage 2000-5 fighters from Qatar, officials said, as the "
            "country waits for 24 Rafale jets ordered from France.",
            [("PER-QAT-MIRAGE-2000", "agreement"), ("PER-FRA-RAFALE", "agreement")],
        ),
        # a verb whose object is a clause states a thought, no deal
        (
            "Peru dropped the JF-17 last year after concluding that the fighter would strain "
            "ties with Washington.",
            [],
        ),
    ],
)
def test_a_report_between_two_clauses_and_a_verb_with_a_clause_object(
    text: str, expected: list
) -> None:
    assert [d[:2] for d in deals(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egypt bought Su-35 jets from Russia. The cancellation of the deal is a blow for "
            "Russian arms exports.",
            ["EGY-RUS-SU-35", "EGY-RUS-SU-35"],
        ),
        (
            "India signed a contract for 26 Rafale jets, a boost for the French defence industry.",
            ["IND-FRA-RAFALE"],
        ),
    ],
)
def test_a_states_industry_or_exports_sell_even_after_for(text: str, expected: list) -> None:
    assert [d[0] for d in deals(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Serbia displayed the FK-3 air defence system it received from China.",
        "Serbia displayed the FK-3 systems which it has received from China.",
        "The Malaysian air force displayed the 18 FA-50 jets it ordered from KAI.",
    ],
)
def test_an_event_that_only_says_which_weapon_is_meant_is_not_dated_by_the_report(
    text: str,
) -> None:
    records = normalize(Article(text, "case", published=PUBLISHED))
    assert [r["date"] for r in records] == [None]


def test_a_weapon_that_weighs_is_no_purchase_weighed() -> None:
    assert deals("The VT-5 weighs about 33 tonnes and carries a 105 mm gun.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Greece is nearing a deal for 20 F-35 jets with the United States.",
            [("GRC-USA-F-35", "agreement", "planned", "aircraft")],
        ),
        (
            "Brazil has yet to sign a contract for the Gripen E.",
            [("BRA-SWE-GRIPEN", "agreement", "negated", "aircraft")],
        ),
        # "yet to" denies its own verb only
        (
            "Hanwha will build 36 K9 guns for Romania at a site it has yet to choose, with "
            "deliveries running until 2029.",
            [
                ("ROU-KOR-K9", "production", "planned", "artillery"),
                ("ROU-KOR-K9", "delivery", "planned", "artillery"),
            ],
        ),
        (
            "Turkey's purchase of 40 F-16s was approved by the US Congress.",
            [("TUR-USA-F-16", "negotiation", "reported", "aircraft")],
        ),
    ],
)
def test_deals_near_not_yet_done_or_approved_in_the_passive(text: str, expected: list) -> None:
    assert deals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two states as the subject of a verb of both sides: buyer and seller
        ("India and France are close to finalising the Rafale Marine deal.", "IND-FRA-RAFALE"),
        # a clause with no party for its subject: the speaking state buys
        (
            "A contract for 12 Caesar howitzers could be signed next month, Belgian officials "
            "said.",
            "BEL-FRA-CAESAR",
        ),
    ],
)
def test_a_buyer_from_the_subjects_list_or_from_who_speaks(text: str, expected: str) -> None:
    assert [d[0] for d in deals(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco ordered 24 Apaches.", ["MAR-USA-AH-64"]),
        ("Morocco ordered 10 Black Hawks and four Chinooks.", ["MAR-USA-UH-60", "MAR-USA-CH-47"]),
        ("Morocco ordered 10 more Typhoons.", ["MAR-DEU-EUROFIGHTER-TYPHOON"]),
    ],
)
def test_a_name_that_is_also_a_word_counted_in_the_plural_is_a_weapon(
    text: str, expected: list
) -> None:
    assert [d[0] for d in deals(text)] == expected


def test_a_name_that_is_also_a_word_without_a_count_is_not() -> None:
    text = "The Apaches of Arizona signed a deal with Texas."
    assert [m.text for m in find_mentions(text, 0, len(text)) if m.kind == "system"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt is not buying Su-35 jets from Russia.", ("EGY-RUS-SU-35", "negated")),
        ("Poland will no longer buy K2 tanks from South Korea.", ("POL-KOR-K2", "negated")),
        ("India has postponed the purchase of 114 Rafale jets.", ("IND-FRA-RAFALE", "planned")),
        (
            "Thailand delayed the purchase of two Yuan-class submarines.",
            ("THA-CHN-TYPE-039A", "planned"),
        ),
        # a weapon said to be late is no delay of the event
        ("The delayed Rafale jets were delivered to Greece.", ("GRC-FRA-RAFALE", "reported")),
    ],
)
def test_purchases_denied_given_up_or_put_off(text: str, expected: tuple) -> None:
    (found,) = deals(text)
    assert (found[0], found[2]) == expected


def test_a_force_things_come_from_is_the_seller_not_the_user() -> None:
    assert [d[0] for d in deals("Brazil will lease two C-130 aircraft from the US Air Force.")] == [
        "BRA-USA-C-130"
    ]


def test_a_count_of_second_hand_systems_named_by_their_former_owner() -> None:
    (record,) = normalize(
        Article(
            "The Netherlands donated 18 ex-Dutch F-16s to Ukraine.", "case", published=PUBLISHED
        )
    )
    assert (record["deal_id"], record["quantity"]) == (
        "UKR-NLD-F-16",
        {"value": 18, "unit": "aircraft"},
    )


@pytest.mark.parametrize(
    "then",
    [
        "The first battery arrived in April 2023.",
        "The first batch arrived in April 2023.",
        "The first of them arrived in April 2023.",
    ],
)
def test_a_part_of_a_deal_told_of_before_arriving_is_its_delivery(then: str) -> None:
    text = f"The Philippines bought BrahMos missiles from India in 2022. {then}"
    assert [d[:2] for d in deals(text)] == [
        ("PHL-IND-BRAHMOS", "agreement"),
        ("PHL-IND-BRAHMOS", "delivery"),
    ]


def test_a_batch_of_anything_with_no_deal_before_is_no_delivery() -> None:
    assert deals("The first batch of students arrived in April 2023.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Naval Group launched the first of three Scorpene submarines for Indonesia.",
            ("IDN-FRA-SCORPENE", 1),
        ),
        (
            "The keel of the second FDI frigate for Greece was laid in Lorient.",
            ("GRC-FRA-FDI", None),
        ),
        (
            "The third Hangor-class submarine for Pakistan began sea trials.",
            ("PAK-CHN-TYPE-039A", None),
        ),
        (
            "Hanwha Ocean cut the first steel for Poland's KSS-III submarine.",
            ("POL-KOR-KSS-III", None),
        ),
    ],
)
def test_a_warships_milestones_at_its_yard_are_its_production(text: str, expected: tuple) -> None:
    (record,) = normalize(Article(text, "case", published=PUBLISHED))
    count = (record["quantity"] or {}).get("value")
    assert (record["deal_id"], record["event_type"], count) == (
        expected[0],
        "production",
        expected[1],
    )


def test_launching_a_tender_is_no_ships_launch() -> None:
    assert deals("Turkey launched the first phase of a tender for 12 helicopters.") == []


def test_a_kind_written_out_before_its_name_in_brackets_is_that_system() -> None:
    text = (
        "The Indian Navy signed a contract with Bharat Dynamics for Medium Range Surface to "
        "Air Missiles (MRSAM)."
    )
    assert [d[0] for d in deals(text)] == ["IND-IND-BARAK-8"]
    assert [g[1] for g in generics(text)] == []


def test_incorporated_into_a_force_is_put_into_service_a_firm_incorporated_is_not() -> None:
    text = "The Peruvian Air Force has incorporated two C-27J Spartan aircraft from Italy."
    assert deals(text) == [("PER-ITA-C-27J", "deployment", "reported", "aircraft")]
    assert deals("Leonardo, incorporated in Italy, sold C-27J aircraft worldwide.") == []


def test_a_headlines_present_yields_to_the_tense_its_body_tells() -> None:
    text = (
        "Peru receives J-35 stealth fighters from China\n\n"
        "Peru's air force will receive 40 Chinese-made J-35 stealth fighter jets, officials said."
    )
    assert [d[:3] for d in deals(text)] == [("PER-CHN-J-35", "delivery", "planned")]


def test_a_headline_the_body_does_not_restate_stays() -> None:
    text = "Peru receives J-35 stealth fighters from China\n\nThe jets will fly from Lima."
    assert [d[:3] for d in deals(text)] == [("PER-CHN-J-35", "delivery", "reported")]


def test_a_party_described_as_a_blocs_member_is_no_bloc_supplier_nor_dated_by_it() -> None:
    text = "Romania, a NATO member since 2004, signed a deal for 54 Abrams tanks."
    assert dated(text) == [("ROU-USA-M1-ABRAMS", "agreement", "reported", PUBLISHED)]
    # a bloc that supplies names no one state: no deal
    assert deals("NATO allies have supplied Leopard tanks to Ukraine.") == []


def test_a_state_in_brackets_after_foreign_military_sales_is_the_paragraphs_buyer() -> None:
    text = (
        "General Dynamics Land Systems was awarded a $96,000,000 contract for Abrams tank "
        "upgrades. Fiscal 2025 Foreign Military Sales (Poland) funds were obligated at the "
        "time of the award."
    )
    assert {d[0] for d in deals(text)} == {"POL-USA-M1-ABRAMS"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil exercised an option for four more Gripen E fighters.", ["BRA-SWE-GRIPEN"]),
        (
            "The Army exercised the first contract option for 20 JLTVs for Slovenia.",
            ["SVN-USA-JLTV"],
        ),
        ("The troops exercised with HIMARS launchers in Estonia.", []),
    ],
)
def test_an_option_exercised_is_an_order(text: str, expected: list) -> None:
    assert [d[0] for d in deals(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt snapped up 30 more Rafale jets.", [("EGY-FRA-RAFALE", "agreement")]),
        (
            "Qatar splashed out $6 billion on 24 Eurofighter Typhoons.",
            [("QAT-DEU-EUROFIGHTER-TYPHOON", "agreement")],
        ),
        (
            "Rheinmetall booked an order from Hungary for Lynx vehicles.",
            [("HUN-DEU-LYNX-KF41", "agreement")],
        ),
        (
            "India penned a deal for 26 Rafale Marine jets with France.",
            [("IND-FRA-RAFALE", "agreement")],
        ),
        ("Greece settled on the FDI frigate from Naval Group.", [("GRC-FRA-FDI", "negotiation")]),
        ("In the end Bogota went with Saab's Gripen.", [("COL-SWE-GRIPEN", "negotiation")]),
        # going with people is no choice of weapon
        ("The minister went with the delegation to Paris to see the Rafale.", []),
    ],
)
def test_the_press_words_for_buying_and_choosing(text: str, expected: list) -> None:
    assert [d[:2] for d in deals(text)] == expected


def test_a_ship_named_after_its_noun_is_one_of_its_own_not_one_told_of_before() -> None:
    text = "The Greek Navy took delivery of the frigate Kimon from Naval Group."
    assert deals(text) == [("GRC-FRA-FRIGATE", "delivery", "reported", "ship")]
    # without a name, "the frigates" continue the frigates told of before
    text = "Greece bought FDI frigates from France. The frigates arrived in Salamis."
    assert [d[:2] for d in deals(text)] == [
        ("GRC-FRA-FDI", "agreement"),
        ("GRC-FRA-FDI", "delivery"),
    ]


def test_a_ship_under_construction_is_production_under_way() -> None:
    text = "The third FDI frigate for Greece is under construction in Lorient."
    assert deals(text) == [("GRC-FRA-FDI", "production", "ongoing", "ship")]
    # "under" a deal is no construction, nor anything under way
    text = "Greece bought the Rafale jets under a deal signed in 2020."
    assert deals(text) == [("GRC-FRA-RAFALE", "agreement", "reported", "aircraft")]
