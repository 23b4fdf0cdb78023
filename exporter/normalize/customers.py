"""Earlier buyers a sentence lists beside its own: "Pakistan is the third country to buy
the VT-4, after Thailand and Nigeria"; "Romania becomes the tenth nation to operate the K9,
joining Turkey, Poland and Norway". Each of them has bought the system."""

from __future__ import annotations

import functools
import re

from exporter.normalize.arguments import coordinated, origin_state
from exporter.normalize.assemble import Candidate
from exporter.normalize.lexicon import cue_regex, roles_lexicon
from exporter.normalize.mentions import Mention
from exporter.normalize.wordscan import RareWords


@functools.cache
def _cues() -> tuple[RareWords, re.Pattern[str]]:
    roles = roles_lexicon()
    ordinal = RareWords(cue_regex([roles.ordinal_customer]))  # few sentences count buyers
    words = roles.role_windows.earlier_customer_words
    earlier = cue_regex(roles.earlier_customer_cues, after=rf"\s+(?:[\w-]+\s+){{0,{words}}}?$")
    return ordinal, earlier


def earlier_customers(text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """The states text[start:end] names as a system's earlier buyers, in text order; [] where
    the sentence does not count its buyer among the system's customers."""
    ordinal, earlier = _cues()
    reach = roles_lexicon().role_windows.earlier_customer_before
    counted = ordinal.search(text, start, end)
    if counted is None:
        return []
    states = [m for m in mentions if m.kind == "country" and m.start > counted.end()]
    for state in states:
        if earlier.search(text[max(counted.end(), state.start - reach) : state.start]):
            return coordinated(state, states, text)
    return []


def earlier_purchases(
    text: str, evidence: tuple[int, int, str], mentions: list[Mention], found: list[Candidate]
) -> list[Candidate]:
    """A purchase of the sentence's system (named, or its events') by each earlier customer
    it lists ("the third country to buy the tanks, after Thailand and Nigeria"), undated."""
    start, end, _ = evidence
    systems = [m.system for m in mentions if m.kind == "system" and m.system]
    systems = systems or [c.system for c in found]
    customers = earlier_customers(text, start, end, mentions) if systems else []
    system = systems[0] if systems else None
    return [
        Candidate("agreement", customer, origin_state(system.origin), system, evidence=evidence)
        for customer in customers
        if system is not None and system.origin and system.origin != customer.country
    ]
