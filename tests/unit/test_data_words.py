"""The word lists the normalizer loads: shape, every pattern compiles, a few facts."""

from __future__ import annotations

import re

import pycountry
import pytest

from exporter.normalize.events import EVENT_TYPES
from exporter.resources import load_data


def test_every_event_type_has_triggers_and_every_pattern_compiles() -> None:
    words = load_data("events.yaml")
    assert set(words["triggers"]) == set(EVENT_TYPES)
    for event_type, by_pos in words["triggers"].items():
        assert set(by_pos) <= {"verb", "noun"}, event_type
        for pattern in by_pos.get("verb", []) + by_pos.get("noun", []):
            re.compile(pattern, re.I)
    assert set(words["status"]) == {"negated", "planned", "ongoing"}
    for patterns in words["status"].values():
        for pattern in patterns:
            re.compile(pattern, re.I)


@pytest.mark.parametrize(
    ("word", "event_type"),
    [
        ("signed", "agreement"),
        ("talks", "negotiation"),
        ("delivered", "delivery"),
        ("deploying", "deployment"),
        ("advance payment", "payment"),
        ("production", "production"),
        ("cancelled", "cancellation"),
        ("handed over", "delivery"),
        ("entered service", "deployment"),
    ],
)
def test_trigger_words_name_their_event_type(word: str, event_type: str) -> None:
    from exporter.normalize.events import find_triggers

    found = find_triggers(f"x {word} y", 0, len(word) + 4)
    assert [t.event_type for t in found] == [event_type]


def test_money_currencies_are_iso_4217() -> None:
    money = load_data("money.yaml")
    codes = {c.alpha_3 for c in pycountry.currencies}
    aliases = money.get("code_aliases", {})
    for value in list(money["symbols"].values()) + list(money["words"].values()):
        assert value in codes, value
    for code in money["codes"]:
        assert aliases.get(code, code) in codes, code


def test_quantity_units_and_numbers() -> None:
    words = load_data("quantities.yaml")
    assert words["number_words"]["four"] == 4 and words["number_words"]["a dozen"] == 12
    assert "battery" in words["units"]["battery"]


def test_month_names_are_twelve() -> None:
    assert len(load_data("dates.yaml")["months"]) == 12


def test_category_nouns_are_strings_for_every_schema_category() -> None:
    from exporter import registry

    nouns = load_data("categories.yaml")
    schema = registry.schema(registry.latest())
    categories = schema["properties"]["system"]["properties"]["category"]["enum"]
    assert set(nouns) <= set(categories)
    for patterns in nouns.values():
        for pattern in patterns:
            assert isinstance(pattern, str), pattern
            re.compile(pattern)


WORD_LISTS = [
    "categories.yaml",
    "dates.yaml",
    "events.yaml",
    "generic.yaml",
    "layout.yaml",
    "money.yaml",
    "quantities.yaml",
    "roles.yaml",
]


@pytest.mark.parametrize("name", WORD_LISTS)
def test_every_key_of_a_word_list_is_read_by_the_code(name: str) -> None:
    # a key no code reads is knowledge that does nothing; categories.yaml is read whole
    from pathlib import Path

    source = "\n".join(
        p.read_text("utf-8") for p in (Path(__file__).parents[2] / "exporter").rglob("*.py")
    )
    words = load_data(name)
    if name == "categories.yaml":
        assert 'load_data("categories.yaml").items()' in source
        return
    unread = [key for key in words if f'"{key}"' not in source and f"'{key}'" not in source]
    assert unread == [], f"{name}: keys no code reads: {unread}"


def test_every_kind_acronym_is_a_weapon_noun() -> None:
    from exporter.normalize.mentions import weapon_kinds

    for acronym in load_data("generic.yaml")["acronyms"]:
        assert weapon_kinds(f"two {acronym}s", 0, len(acronym) + 5), acronym
