"""The gazetteers as the normalizer reads them: systems found in text as their family,
companies with their home state, common-word names only beside a weapon. (The files' shape
and unique forms: test_data_gazetteers.py.)"""

from __future__ import annotations

import pytest

from exporter.normalize.gazetteer import gazetteer
from exporter.normalize.mentions import find_mentions


@pytest.mark.parametrize(
    ("text", "designation", "category", "origin"),
    [
        ("S-400", "S-400", "air-defence", "RUS"),
        ("SA-21 Growler", "S-400", "air-defence", "RUS"),
        ("F-16V", "F-16", "aircraft", "USA"),
        ("F-35A", "F-35", "aircraft", "USA"),
        ("Su-35S", "Su-35", "aircraft", "RUS"),
        ("K9", "K9", "artillery", "KOR"),
        ("Bayraktar TB2", "Bayraktar TB2", "uav", "TUR"),
        ("HIMARS", "HIMARS", "artillery", "USA"),
        ("Rafale", "Rafale", "aircraft", "FRA"),
        ("Leopard 2A7", "Leopard 2", "armoured-vehicle", "DEU"),
        ("BrahMos", "BrahMos", "missile", "IND"),
        ("Scorpene", "Scorpene", "submarine", "FRA"),
    ],
)
def test_systems_are_recognised_in_text_as_their_family(
    text: str, designation: str, category: str, origin: str
) -> None:
    sentence = f"The ministry ordered {text} systems."
    found = [m.system for m in find_mentions(sentence, 0, len(sentence)) if m.kind == "system"]
    assert [(s.designation, s.category, s.origin) for s in found] == [
        (designation, category, origin)
    ]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Rosoboronexport", "RUS"),
        ("Lockheed Martin", "USA"),
        ("Hanwha Aerospace", "KOR"),
        ("Baykar", "TUR"),
        ("Dassault Aviation", "FRA"),
        ("Rheinmetall", "DEU"),
    ],
)
def test_companies_have_their_home_state(name: str, country: str) -> None:
    assert gazetteer().companies[name].country == country


def test_a_common_word_system_needs_a_weapon_beside_it() -> None:
    plain = "He is a patriot who loves his country."
    assert [m for m in find_mentions(plain, 0, len(plain)) if m.kind == "system"] == []
    armed = "Poland bought Patriot air defence systems."
    assert [
        m.system.designation for m in find_mentions(armed, 0, len(armed)) if m.kind == "system"
    ] == ["Patriot"]
