"""The word lists the normalizer loads: shape, every pattern compiles, a few facts."""

from __future__ import annotations

import dataclasses
import re

import pycountry
import pytest

from exporter.normalize.events import EVENT_TYPES
from exporter.normalize.lexicon import (
    LEXICONS,
    EventsLexicon,
    GenericLexicon,
    ImpliedEvent,
    MoneyLexicon,
    QuantitiesLexicon,
    categories_lexicon,
    events_lexicon,
    from_data,
    roles_lexicon,
)
from exporter.resources import load_data


def test_every_event_type_has_triggers_and_every_pattern_compiles() -> None:
    words = load_data("events.yaml")
    assert set(words["triggers"]) == set(EVENT_TYPES)
    for event_type, by_pos in words["triggers"].items():
        assert set(by_pos) <= {"verb", "noun"}, event_type
        for pattern in by_pos.get("verb", []) + by_pos.get("noun", []):
            re.compile(pattern, re.I)
            # the scan wants a word's end after a trigger: one ending in a space never
            # matches ("sold " matched nothing before a word as long as it was written so)
            assert not re.search(r"(?:\s|\\s)(?:\(\?[!=][^)]*\))*$", pattern), pattern
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
        ("sold", "agreement"),
        ("sells", "agreement"),
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
    # a key no code reads is knowledge that does nothing: every key is a field of the file's
    # typed lexicon (each field read: the test below); categories.yaml is read whole, as the
    # nouns of CategoriesLexicon
    from pathlib import Path

    source = "\n".join(
        p.read_text("utf-8") for p in (Path(__file__).parents[2] / "exporter").rglob("*.py")
    )
    words = load_data(name)
    if name == "categories.yaml":
        assert "categories_lexicon().nouns.items()" in source
        return
    typed = {f.name for f in dataclasses.fields(LEXICONS[name])}
    unread = [key for key in words if key not in typed]
    assert unread == [], f"{name}: keys no typed lexicon names: {unread}"


def test_no_word_list_is_read_by_dict_key_outside_the_lexicon() -> None:
    # the typed lexicon is the one way in: only lexicon.py (and the gazetteer, for countries,
    # systems and companies) loads a data file
    from pathlib import Path

    folder = Path(__file__).parents[2] / "exporter"
    for path in folder.rglob("*.py"):
        if path.name in {"lexicon.py", "gazetteer.py", "resources.py"}:
            continue
        assert "load_data(" not in path.read_text("utf-8"), path


def test_every_kind_acronym_is_a_weapon_noun() -> None:
    from exporter.normalize.mentions import weapon_kinds

    for acronym in load_data("generic.yaml")["acronyms"]:
        assert weapon_kinds(f"two {acronym}s", 0, len(acronym) + 5), acronym


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_every_field_of_a_typed_lexicon_is_read_and_loads(name: str) -> None:
    from pathlib import Path

    folder = Path(__file__).parents[2] / "exporter"
    source = "\n".join(p.read_text("utf-8") for p in folder.rglob("*.py") if p.name != "lexicon.py")
    lexicon = from_data(LEXICONS[name], load_data(name), name)
    for field in dataclasses.fields(lexicon):
        assert f".{field.name}" in source, f"{name}: {field.name} is never read"
        value = getattr(lexicon, field.name)
        if dataclasses.is_dataclass(value):  # windows: every one a count, every one read
            for window in dataclasses.fields(value):
                assert isinstance(getattr(value, window.name), int), window.name
                assert f".{window.name}" in source, f"{name}: {window.name} is never read"


def test_a_word_list_is_a_list_or_space_separated_words() -> None:
    # YAML reads a bare "on" in a list as a boolean: words written space-separated stay words
    assert "on" in events_lexicon().place_or_means
    assert roles_lexicon().listing_words == ("including", "among them", "such as")
    assert roles_lexicon().buyer_prepositions == ("to", "for", "into", "towards")


def test_a_data_value_of_the_wrong_shape_names_its_file_and_key() -> None:
    data = dict(load_data("money.yaml"), min_plain_amount="a thousand")
    with pytest.raises(
        ValueError, match=r"^money.yaml min_plain_amount: expected int, got 'a thousand'$"
    ):
        from_data(MoneyLexicon, data, "money.yaml")
    data = dict(load_data("money.yaml"), codes=["USD", True])
    with pytest.raises(ValueError, match=r"^money.yaml codes: expected words"):
        from_data(MoneyLexicon, data, "money.yaml")
    data = {k: v for k, v in load_data("money.yaml").items() if k != "symbols"}
    with pytest.raises(ValueError, match=r"^money.yaml: missing key 'symbols'$"):
        from_data(MoneyLexicon, data, "money.yaml")
    data = dict(load_data("money.yaml"), min_amount=1000)
    with pytest.raises(ValueError, match=r"^money.yaml: unknown key 'min_amount'$"):
        from_data(MoneyLexicon, data, "money.yaml")


def test_a_mapping_is_checked_key_by_key() -> None:
    # a mapping's values are checked too, the key that holds a wrong one named
    numbers = dict(load_data("quantities.yaml")["number_words"], four="4")
    data = dict(load_data("quantities.yaml"), number_words=numbers)
    with pytest.raises(
        ValueError, match=r"^quantities.yaml number_words four: expected int, got '4'$"
    ):
        from_data(QuantitiesLexicon, data, "quantities.yaml")
    data = dict(load_data("generic.yaml"), acronyms={"OPV": ["offshore patrol vessel"]})
    with pytest.raises(ValueError, match=r"^generic.yaml acronyms OPV: expected str, got \["):
        from_data(GenericLexicon, data, "generic.yaml")


def test_categories_are_read_whole_as_word_lists() -> None:
    nouns = categories_lexicon().nouns
    assert list(nouns) == list(load_data("categories.yaml"))
    assert all(isinstance(patterns, tuple) for patterns in nouns.values())


def test_a_list_of_records_loads_each_record_typed() -> None:
    # events.yaml implied_events: each rule a record of its own, its "then" a pair of words
    assert events_lexicon().implied_events[0] == ImpliedEvent(
        "(?:military |security |defen[cs]e |weapons )?(?:aid|assistance) package",
        ("delivery", "planned"),
    )
    data = dict(load_data("events.yaml"), implied_events=[{"trigger": "aid", "then": 3}])
    with pytest.raises(ValueError, match=r"^events.yaml implied_events \[0\] then: expected words"):
        from_data(EventsLexicon, data, "events.yaml")
    data = dict(load_data("events.yaml"), implied_events={"trigger": "aid"})
    with pytest.raises(ValueError, match=r"^events.yaml implied_events: expected a list, got"):
        from_data(EventsLexicon, data, "events.yaml")


@pytest.mark.parametrize(
    ("text", "first", "count"),
    [
        ("Poland ordered six more K2 tanks", 6, 1),
        ("a 300 km range radar", None, 0),  # a length between number and unit
        ("the 2024 aircraft order", None, 0),  # a year
        ("a regiment set", 1, 1),  # "a" counts a regiment set
        ("a new system", None, 0),  # not any other unit
    ],
)
def test_quantity_words_from_data(text: str, first: int | None, count: int) -> None:
    from exporter.normalize.amounts import find_quantities

    found = find_quantities(text, 0, len(text))
    assert len(found) == count
    assert (found[0].value if found else None) == first


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("a $5m contract", [(5000000, "USD")]),
        ("a 5 m long hull worth 300 million dollars", [(300000000, "USD")]),
        ("5 dollars", []),
        ("2,500 euros", [(2500, "EUR")]),
        # India's budgets and the UAE press
        ("a Rs 1.2 lakh crore budget", [(1200000000000, "INR")]),
        ("worth Rs 63,000 crore", [(630000000000, "INR")]),
        ("worth Dh2.5 billion", [(2500000000, "AED")]),
        ("the Dhruv helicopter", []),
    ],
)
def test_money_words_from_data(text: str, amounts: list[tuple[int, str]]) -> None:
    from exporter.normalize.amounts import find_money

    assert [(m.amount, m.currency) for m in find_money(text, 0, len(text))] == amounts


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Ukraine ordered 1,000 interceptor drones", [(1000, "drone", "1,000 interceptor drones")]),
        (
            "two missile boats and 4 tanks",
            [(2, "ship", "two missile boats"), (4, "tank", "4 tanks")],
        ),
        ("six transport aircraft", [(6, "aircraft", "six transport aircraft")]),
        ("two Gun Boats", []),  # a unit's name in capitals, by its head as by its first word
    ],
)
def test_the_last_unit_word_of_a_phrase_is_what_is_counted(text: str, counted: list) -> None:
    from exporter.normalize.amounts import find_quantities

    found = find_quantities(text, 0, len(text))
    assert [(q.value, q.unit, text[q.start : q.end]) for q in found] == counted
