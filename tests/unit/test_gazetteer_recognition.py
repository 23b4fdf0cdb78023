"""The gazetteers as the normalizer reads them: systems found in text as their family,
companies with their home state, common-word names only beside a weapon. (The files' shape
and unique forms: test_data_gazetteers.py.)"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.normalize import mentions
from exporter.normalize.gazetteer import gazetteer
from exporter.normalize.mentions import Mention, find_mentions, gazetteer_mentions


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


def _found(text: str) -> list[Mention]:
    return gazetteer_mentions(text, 0, len(text), gazetteer())


def _found_looking_everywhere(text: str, monkeypatch: pytest.MonkeyPatch) -> list[Mention]:
    """What the gazetteer finds when every length up to a first word's reach is looked up,
    not only those its second word allows."""
    with monkeypatch.context() as patch:
        patch.setattr(
            mentions, "_most_tokens", lambda words, i, longest, _: min(longest, len(words) - i)
        )
        return _found(text)


# a form as written in text: as listed, possessive, plural, made by, a class, a variant
ENDINGS = ["", "’s", "s", " s", "es", "-made", "-class", "A1"]


def test_the_second_word_gate_skips_no_form_of_the_gazetteer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gaz = gazetteer()
    for form in [*gaz.companies, *gaz.systems, *gaz.country_forms]:
        for ending in ENDINGS:
            text = f"the {form}{ending} and the army"
            assert _found(text) == _found_looking_everywhere(text, monkeypatch), text


def _first_two_words() -> list[str]:
    gaz = gazetteer()
    words = {"the", "The", "of", "s", "es", "A1", "army", "Air", "Force", "(T)", "-made"}
    for form in sorted([*gaz.companies, *gaz.systems, *gaz.country_forms])[::40]:
        words.update(form.split()[:2])
    return sorted(words)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_first_two_words()), st.sampled_from([" ", ", ", "(", ") ", ""])),
        max_size=8,
    )
)
def test_the_second_word_gate_skips_no_form_in_any_words(words: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in words)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _found(text) == _found_looking_everywhere(text, monkeypatch), text
