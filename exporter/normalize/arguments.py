"""Arguments of an event: who buys, who sells, which system, how many, for how much."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from exporter.normalize.clause import Clause
from exporter.normalize.events import Trigger
from exporter.normalize.gazetteer import alternation
from exporter.normalize.mentions import Mention
from exporter.resources import load_data

# "to X" names a buyer; "prior to X", "due to X", "according to X" do not
_BUYER_BEFORE = re.compile(
    r"(?<!prior )(?<!due )(?<!according )(?<!next )(?<!close )(?<!compared )(?<!thanks )"
    r"\b(?:to|for|into|towards)\s+(?:the\s+|its\s+)?"
    r"(?:(?:Government|Kingdom|Republic|State|Sultanate|Emirate)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among them|such as)\s+$", re.I)
_TO_COUNTRIES = re.compile(
    r"\bto\s+(?:\w+\s+){0,3}(?:countries|nations|customers|buyers|operators|states)\b", re.I
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|across)\s+(?:the\s+)?$", re.I)
_SELLER_BEFORE = re.compile(r"\b(?:from)\s+(?:the\s+)?$", re.I)
_BY_BEFORE = re.compile(r"\b(?P<word>\w+)\s+by\s+(?:the\s+)?$", re.I)
_WITH_BEFORE = re.compile(r"\b(?:with|and)\s+(?:the\s+)?$", re.I)
_BUYING_NOUN_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+){0,2}(?:purchase|acquisition|order|procurement|request|bid|buy)", re.I
)
# where a deal's place names its buyer: systems arrive, are deployed, are made in the buyer
_PLACE_EVENTS = frozenset({"delivery", "deployment", "production"})


@dataclass(frozen=True)
class Roles:
    buyer: Mention | None
    seller: Mention | None
    no_buyer: bool = False  # the text names a buyer that is no state ("third countries")
    no_seller: bool = False  # the seller is a bloc ("NATO allies")
    sure_buyer: bool = False  # the words name the buyer (not a place, not a guess)


@functools.cache
def _role_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = load_data("events.yaml")
    seller_verbs = re.compile(rf"^(?:{'|'.join(words['seller_verbs'])})$", re.I)
    supplier_by = re.compile(rf"^(?:{words['supplier_by'][0]})$", re.I)
    buying_by = re.compile(rf"^(?:{words['buyer_by'][0]})$", re.I)
    forces = re.compile(rf"^\s+(?:{alternation(words['forces'])})\b")
    return seller_verbs, supplier_by, buying_by, forces


@functools.cache
def _counted_parties() -> re.Pattern[str]:
    forms = "|".join(load_data("events.yaml")["counted_parties"])
    return re.compile(rf"\bto\s+(?:{forms})\b", re.I)


def nearest(mentions: list[Mention], trigger: Trigger) -> Mention | None:
    if not mentions:
        return None
    middle = (trigger.start + trigger.end) / 2
    return min(mentions, key=lambda m: abs((m.start + m.end) / 2 - middle))


def origin_state(code: str) -> Mention:
    """A state that the text does not name but the system's origin implies."""
    return Mention("country", -1, -1, code, code, "origin")


def assign_roles(clause: Clause, system: Mention | None, home: str | None = None) -> Roles:
    """Buyer and seller of one event: from the words around each party ("to X", "from Y",
    "X ordered", "Y will supply"), then from the system's origin, never by position alone."""
    text, trigger = clause.text, clause.trigger
    sentence_start, clause_start, clause_end = clause.sentence.start, clause.start, clause.end
    mentions = clause.sentence.content
    if system is not None and system not in mentions:
        # a generic system is a mention too: "Russian helicopters" says where they come from
        mentions = sorted([*mentions, system], key=lambda m: m.start)
    seller_verbs, supplier_by, buying_by, forces = _role_words()
    parties = [m for m in mentions if m.kind in ("country", "company") and m.country]
    # prepositions speak for the trigger only within its clause ("offered X to Argentina, but
    # ... an embargo over the Falklands" says nothing of who sold)
    near = [
        p
        for p in parties
        if clause_start <= p.start < clause_end and not _is_attributive(text, p, mentions)
    ]  # "for Turkish TB2 drones": an origin
    buyer = seller = None
    subject_side: str | None = None
    strength = 0  # how surely the words name the buyer: a place (1) yields to "for X" (3)
    for party in near:
        before = text[max(sentence_start, party.start - 30) : party.start]
        after = text[party.end : party.end + 40]
        cue = 0
        listed_buyer = _INCLUDING_BEFORE.search(before) and _TO_COUNTRIES.search(
            text, clause_start, party.start
        )  # "exported to six countries, including Iraq and Poland"
        if (
            forces.match(after)
            or (_BUYER_BEFORE.search(before) and _state_like(party))
            or listed_buyer
        ):
            cue = 3  # "the Turkish Air Force" uses it; "to/for Ukraine" receives it
        elif _BUYING_NOUN_AFTER.match(after):
            cue = 2  # "Turkey's purchase"
        elif (by := _BY_BEFORE.search(before)) is not None:
            if supplier_by.match(by["word"]):
                seller = seller or party
            elif buying_by.match(by["word"]):
                cue = 2  # "the first purchase ... by Serbia"
        elif _SELLER_BEFORE.search(before):
            seller = seller or party
        elif (
            _PLACE_BEFORE.search(before)
            and trigger.event_type in _PLACE_EVENTS
            and party.kind == "country"
        ):
            cue = 1  # "deployed in Turkey", "built in Romania"
        if cue > strength:
            buyer, strength = party, cue
    counterparts = [
        p
        for p in near
        if _WITH_BEFORE.search(text[max(sentence_start, p.start - 12) : p.start])
        and p.start > trigger.start - 80
        and len(coordinated(p, mentions, text)) < 3  # "A, B and C" lists, not two sides
    ]
    # the subject: the party nearest before the trigger, in its clause, that no preposition
    # claimed ("Russian defence enterprises had been assigned the task", "Turkey had made")
    subject = next(
        (
            p
            for p in reversed(parties)
            if clause_start <= p.start < trigger.start
            and p is not buyer
            and p is not seller
            and p not in counterparts
            and not _is_attributive(text, p, mentions)
        ),
        None,
    )
    origin = system.system.origin if system and system.system else None
    if subject is not None:
        selling = (
            bool(seller_verbs.match(trigger.text))
            or (subject.kind == "company" and not _is_agency(subject))
            or (
                subject.country == origin
                and buyer is None
                and (any(p.country != origin for p in parties) or home not in (None, origin))
            )
        )
        subject_side = "seller" if selling else "buyer"
        if subject_side == "seller" and seller is None:
            seller = subject
        elif subject_side == "buyer" and buyer is None:
            buyer, strength = subject, 2
    for party in counterparts:  # "X signed with Y", "X and Y are in talks": the other side
        if (
            subject_side == "seller"
            and buyer is None
            and _state_like(party)
            and seller is not None
            and (party.country != seller.country or _is_agency(party))
        ):
            # "KAI signed with DAPA": an agency contracting its own industry is sure
            buyer, strength = party, (2 if _is_agency(party) else strength)
        elif (
            subject_side == "buyer"
            and seller is None
            and buyer is not None
            and party.country != buyer.country
        ):
            seller = party
    if buyer is None:
        # "The procurement agency and BMC signed": a state's agency in the clause buys for it
        supplier = seller.country if seller is not None else origin
        agencies = sorted(
            (p for p in near if _is_agency(p) and p is not seller and p.start < trigger.start),
            key=lambda p: p.country == supplier,  # the other state's agency first
        )
        agency = agencies[0] if agencies else None
        if agency is not None:
            buyer, strength = agency, 2
    if seller is None and origin:
        seller = next(
            (p for p in parties if p.country == origin and p is not buyer), None
        ) or origin_state(origin)
    if buyer is None and seller is not None:
        # the seller known, the other state in the sentence buys; with neither known,
        # position alone decides nothing and the deal the sentence continues is asked
        others = [
            p
            for p in parties
            if p.kind == "country"
            and p.country != seller.country
            and not _is_attributive(text, p, mentions)
        ]
        buyer = nearest(others, trigger)
    # "exported to more than 30 countries" names no buyer, unless it lists them ("..., including
    # Iraq")
    no_buyer = strength < 3 and (
        any(
            m.kind == "nonparty"
            and _BUYER_BEFORE.search(text[max(sentence_start, m.start - 12) : m.start])
            for m in mentions
        )
        or bool(_counted_parties().search(text, trigger.end, clause_end))
    )
    no_seller = any(m.kind == "bloc" and m.start < trigger.start for m in mentions)
    return Roles(buyer, seller, no_buyer, no_seller, strength >= 2)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+)(?:the\s+)?")


def coordinated(party: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """The parties listed with `party`, in text order ("to Turkey, Poland, India and
    Norway"): mentions of its kind joined to it by commas, "and" or "or" alone."""
    same = sorted(
        (m for m in mentions if m.kind == party.kind and m.start >= 0), key=lambda m: m.start
    )
    if party not in same:
        return [party]
    index = same.index(party)
    first = last = index
    while first > 0 and _LIST_GAP.fullmatch(text[same[first - 1].end : same[first].start]):
        first -= 1
    while last + 1 < len(same) and _LIST_GAP.fullmatch(text[same[last].end : same[last + 1].start]):
        last += 1
    listed = same[first : last + 1]
    return list({m.country: m for m in listed}.values())


def _state_like(party: Mention) -> bool:
    """A party that buys for a state: the state, or one of its agencies."""
    return party.kind == "country" or _is_agency(party)


def _is_agency(party: Mention) -> bool:
    """A government body (a procurement agency, a ministry): it buys for its state."""
    return party.company is not None and party.company.kind == "organization"


def _is_attributive(text: str, party: Mention, mentions: list[Mention]) -> bool:
    """A country word that only says where a system comes from ("Chinese FK-3", "Russian
    advanced S-400", "Chinese-made"): not a party of its own."""
    if party.how == "made":
        return True
    if party.how != "demonym":
        return False
    forces = _role_words()[3]
    return not forces.match(text[party.end : party.end + 40]) and any(
        m.kind == "system"
        and 0 <= m.start - party.end <= 25
        and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", text[party.end : m.start])
        for m in mentions
    )  # "the Iraqi Air Force flies 24 T-50IQ jets": the force is a party, not an origin


def event_systems(clause: Clause) -> list[Mention]:
    """The systems an event is about: its object, named soon after the trigger in its clause
    with those joined to it by "and" or commas ("three FDI frigates and six Rafale
    aircraft"); else its subject, named before it ("The Gripen ... entered service,
    replacing the Mirage 2000"); else the nearest one."""
    text, trigger, systems = clause.text, clause.trigger, clause.sentence.systems
    left, right = clause.start, clause.end
    before = [m for m in systems if left <= m.end <= trigger.start]
    after = [
        m
        for m in systems
        if trigger.end <= m.start < right and _is_object(text[trigger.end : m.start])
    ]
    if not after and not before:
        after = [m for m in systems if trigger.end <= m.start < right]
    if after:
        chosen = [after[0]]
        for mention in after[1:]:
            gap = text[chosen[-1].end : mention.start]
            if (
                re.search(r"(?:,|\band\b|\bas well as\b|\bplus\b)", gap)
                and not re.search(r"[;:]|\b(?:from|with|by|which|that|to)\b", gap)
                and len(gap) < 60
            ):
                chosen.append(mention)
            else:
                break
        return chosen
    if before:
        return [before[-1]]
    found = nearest(systems, trigger)
    return [found] if found else []


_NOT_OBJECT = re.compile(
    r"[,;:(]|\b(?:replac\w*|instead|than|unlike|after|before|alongside|"
    r"besides|including|such as|which|that|to replace)\b",
    re.I,
)


def _is_object(gap: str) -> bool:
    """Whether a system this far after a trigger is what the trigger acts on: close by, with
    no comma or replacing-word between ("signed for 12 Rafale jets", not "entered service
    ..., replacing the Mirage 2000")."""
    return len(gap.split()) <= 10 and not _NOT_OBJECT.search(gap)
