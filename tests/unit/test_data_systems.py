"""The weapon-system and company gazetteers: shape, unique forms, and facts that matter."""

from __future__ import annotations

import pycountry
import pytest

from exporter import registry
from exporter.normalize.gazetteer import gazetteer
from exporter.normalize.mentions import find_mentions
from exporter.resources import load_data

CODES = {c.alpha_3 for c in pycountry.countries}
CATEGORIES = set(
    registry.schema(registry.latest())["properties"]["system"]["properties"]["category"]["enum"]
)


def test_systems_have_their_fields_and_valid_codes() -> None:
    systems = load_data("systems.yaml")
    assert len(systems) >= 300
    for entry in systems:
        assert set(entry) <= {
            "designation",
            "name",
            "aliases",
            "category",
            "origin",
            "maker",
            "needs_context",
        }, entry
        assert entry["category"] in CATEGORIES, entry
        assert entry["origin"] in CODES, entry
        assert entry["designation"] and entry["maker"], entry


def test_no_form_names_two_systems() -> None:
    owner: dict[str, str] = {}
    for entry in load_data("systems.yaml"):
        for form in {entry["designation"], entry["name"], *entry["aliases"]}:
            assert owner.setdefault(form, entry["designation"]) == entry["designation"], form


def test_companies_have_valid_codes_and_unique_forms() -> None:
    companies = load_data("companies.yaml")
    assert len(companies) >= 100
    owner: dict[str, str] = {}
    for entry in companies:
        assert entry["country"] in CODES and entry["kind"] in ("company", "organization"), entry
        for form in [entry["name"], *entry["aliases"]]:
            assert owner.setdefault(form, entry["name"]) == entry["name"], form


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
