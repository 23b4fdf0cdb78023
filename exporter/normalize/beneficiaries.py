"""The states a contract announcement says its contract is for.

Defence ministries' contract announcements name the contractor and the system first and the
foreign buyers last, in a sentence of their own ("This contract involves Foreign Military
Sales to A, B and C"); those states are the buyers of every event of the paragraph.
"""

from __future__ import annotations

import functools

from exporter.normalize.arguments import coordinated
from exporter.normalize.lexicon import cue_regex, optional_words, roles_lexicon
from exporter.normalize.mentions import Mention, find_mentions
from exporter.normalize.wordscan import RareWords


@functools.cache
def _cue() -> RareWords:  # few paragraphs name the states a contract is for
    roles = roles_lexicon()
    return RareWords(
        cue_regex(
            # "\s*": a state in brackets follows its bracket at once ("Sales (Poland) funds")
            roles.beneficiary_cues,
            after=r"\s*" + optional_words(roles.beneficiary_determiners),
        )
    )


def paragraph_beneficiaries(text: str, start: int, end: int) -> list[Mention]:
    """The states text[start:end] (one paragraph) says its contract is for, in text order;
    [] where it names none."""
    for cue in _cue().finditer(text, start, end):
        states = [m for m in find_mentions(text, cue.end(), end) if m.kind == "country"]
        if states and states[0].start == cue.end():
            return coordinated(states[0], states, text)
    return []
