"""The normalizer's parts by their own interfaces: amounts as typed values, one Clause per
trigger, roles from a clause, and what the discourse continues. Sentences written here."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.normalize.amounts import Money, Quantity, amount_for, find_money, find_quantities
from exporter.normalize.arguments import _role_words, assign_roles
from exporter.normalize.assemble import Candidate
from exporter.normalize.clause import Clause, read_clause, read_sentence
from exporter.normalize.discourse import (
    Discourse,
    continued_deal,
    remember_sentence,
    sole_buyer,
    subject_before,
)
from exporter.normalize.events import find_triggers
from exporter.normalize.lexicon import alternatives, optional_words, roles_lexicon
from exporter.normalize.mentions import Mention, find_mentions
from exporter.normalize.objects import event_objects

DEAL = "Poland signed a contract worth $2.5 billion with South Korea for 48 FA-50 light jets."


def clauses(text: str) -> list[Clause]:
    mentions = find_mentions(text, 0, len(text))
    triggers = find_triggers(text, 0, len(text))
    facts = read_sentence(text, 0, len(text), mentions, triggers, [])
    return [c for t in triggers if (c := read_clause(facts, t)) is not None]


def mention(text: str, words: str) -> Mention:
    return next(m for m in find_mentions(text, 0, len(text)) if m.text.startswith(words))


def test_amounts_are_typed_values_with_their_span_and_record() -> None:
    quantities = find_quantities(DEAL, 0, len(DEAL))
    money = find_money(DEAL, 0, len(DEAL))
    assert quantities == [Quantity(65, 84, 48, "aircraft")]
    assert money == [Money(31, 43, 2_500_000_000, "USD")]
    assert quantities[0].as_record() == {"value": 48, "unit": "aircraft"}
    assert money[0].as_record() == {"amount": 2_500_000_000, "currency": "USD"}


def test_a_clause_carries_its_window_and_the_sentence_facts() -> None:
    [clause] = clauses(DEAL)
    assert (clause.trigger.text, clause.start, clause.end, clause.stop) == ("signed", 0, 85, None)
    assert [m.text for m in clause.sentence.systems] == ["FA-50"]
    # the count holds the FA-50: that system's, no other's
    assert clause.quantities() == [Quantity(65, 84, 48, "aircraft", named=True)]


def test_roles_and_amounts_of_a_clause() -> None:
    [clause] = clauses(DEAL)
    [system] = event_objects(clause, Discourse(None))
    assert system is not None and system.text == "FA-50"
    roles = assign_roles(clause, system)
    assert roles.buyer is not None and roles.seller is not None
    assert (roles.buyer.text, roles.seller.text, roles.sure_buyer) == (
        "Poland",
        "South Korea",
        True,
    )
    assert amount_for(clause.quantities(), system, clause.trigger, 1) == clause.quantities()[0]
    assert amount_for(clause.sentence.money, system, clause.trigger, 1) == Money(
        31, 43, 2_500_000_000, "USD"
    )


def test_a_seller_named_by_from_and_a_buyer_by_its_forces() -> None:
    text = "The Hellenic Air Force will receive the first Rafale jets from France next year."
    [clause] = clauses(text)
    [system] = event_objects(clause, Discourse(None))
    roles = assign_roles(clause, system)
    assert roles.buyer is not None and roles.seller is not None
    assert (roles.buyer.country, roles.seller.country) == ("GRC", "FRA")


def test_an_uncounted_buyer_names_no_buyer() -> None:
    text = "The howitzer has been exported to more than ten countries."
    [clause] = clauses(text)
    assert assign_roles(clause, None).no_buyer


def test_the_frigate_continues_the_frigate_deal_not_the_later_fighter_deal() -> None:
    text = "Greece ordered FDI frigates from France, then Rafale jets from France."
    greece, france = mention(text, "Greece"), mention(text, "France")
    frigate, fighter = mention(text, "FDI").system, mention(text, "Rafale").system
    assert frigate is not None and fighter is not None
    frigates = Candidate("agreement", greece, france, frigate)
    fighters = Candidate("agreement", greece, france, fighter)
    events = [frigates, fighters]
    assert continued_deal(events, None, None, None, frozenset({"ship"})) is frigates
    assert continued_deal(events, None, None, None) is fighters
    assert continued_deal(events, frigate, None, None) is frigates


def test_it_continues_the_subject_of_the_sentence_before() -> None:
    text = "The Rafale flew over the parade beside the Mirage 2000."
    discourse = Discourse(None)
    remember_sentence(discourse, 0, find_mentions(text, 0, len(text)))
    system = subject_before(discourse)
    assert system is not None and system.designation == "Rafale"


def test_the_sole_buyer_of_an_article_is_never_the_sellers_own_state() -> None:
    text = "India leased submarines from Russia."
    india, russia = mention(text, "India"), mention(text, "Russia")
    system = next(m.system for m in find_mentions(DEAL, 0, len(DEAL)) if m.system)
    discourse = Discourse(None, events=[Candidate("delivery", india, russia, system)])
    assert sole_buyer(discourse, russia) is india
    assert sole_buyer(discourse, india) is None


_BUYER_WORDS = st.sampled_from(
    [
        *["to", "To", "for", "into", "towards", "prior", "due", "according", "the", "its"],
        *["Government", "of", "Kingdom", "out", "note", "letters", " ", "  ", "\n", "-"],
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_BUYER_WORDS, max_size=10).map(" ".join))
def test_the_buyer_cue_finds_what_it_finds_with_the_word_start_tested_last(before: str) -> None:
    """The word start and the words that may not stand before "to X" are all tests of one
    place: tested in either order, the same cue is found."""
    roles = roles_lexicon()
    not_buyer = "".join(f"(?<!{word} )" for word in roles.not_buyer_before)
    cue = re.compile(
        rf"{not_buyer}\b{alternatives(roles.buyer_prepositions)}\s+"
        rf"{optional_words(roles.buyer_determiners)}(?:{roles.formal_state_name})?$",
        re.I,
    )
    found, expected = _role_words().buyer_before.search(before), cue.search(before)
    assert (found and found.span()) == (expected and expected.span())


def test_the_buyer_cue_is_to_x_but_not_prior_to_x() -> None:
    assert _role_words().buyer_before.search("exported to the ") is not None
    assert _role_words().buyer_before.search("prior to the ") is None
