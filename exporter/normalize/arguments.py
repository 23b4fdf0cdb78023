"""Roles of an event's parties: who buys and who sells, decided in small steps from the words
around each party, never by position alone."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from exporter.normalize.clause import Clause
from exporter.normalize.events import Trigger
from exporter.normalize.gazetteer import System, alternation
from exporter.normalize.mentions import Mention, weapon_kinds
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
_FROM_COUNTRIES = re.compile(
    r"\bfrom\s+(?:\w+\s+){0,3}(?:countries|nations|allies|partners|suppliers|states)\b", re.I
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|across)\s+(?:the\s+)?$", re.I)
_SELLER_BEFORE = re.compile(r"\b(?:from)\s+(?:the\s+)?$", re.I)
_BY_BEFORE = re.compile(r"\b(?P<word>\w+)\s+by\s+(?:the\s+)?$", re.I)
_NEXT_WORDS = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?")
_WITH_BEFORE = re.compile(r"\b(?P<word>with|and)\s+(?:the\s+)?$", re.I)
_BUYING_NOUN_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+){0,2}(?:purchase|acquisition|order|procurement|request|bid|buy)", re.I
)
# where a deal's place names its buyer: systems arrive, are deployed, are made in the buyer
_PLACE_EVENTS = frozenset({"delivery", "deployment", "production"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Buyer and seller of one event, and what the words say of them."""

    buyer: Mention | None
    seller: Mention | None
    no_buyer: bool = False  # the text names a buyer that is no state ("third countries")
    no_seller: bool = False  # the seller is a bloc ("NATO allies")
    sure_buyer: bool = False  # the words name the buyer (not a place, not a guess)


@dataclass(frozen=True, slots=True)
class RoleWords:
    """The words that tell a party's role, from events.yaml."""

    seller_verbs: re.Pattern[str]  # a trigger whose subject sells ("supplied", "exported")
    supplier_by: re.Pattern[str]  # "made by X": X sells
    buying_by: re.Pattern[str]  # "ordered by X": X buys
    forces: re.Pattern[str]  # "X Air Force" after a state: the state uses it


@functools.cache
def _role_words() -> RoleWords:
    words = load_data("events.yaml")
    return RoleWords(
        seller_verbs=re.compile(rf"^(?:{'|'.join(words['seller_verbs'])})$", re.I),
        supplier_by=re.compile(rf"^(?:{words['supplier_by'][0]})$", re.I),
        buying_by=re.compile(rf"^(?:{words['buyer_by'][0]})$", re.I),
        forces=re.compile(
            rf"^\s+(?:{alternation(words['forces'])})\b"
            rf"(?!\s+(?:{'|'.join(words['force_titles'].split())})\b)"  # a person's title
        ),
    )


def seller_verb(words: str) -> bool:
    """Whether a trigger's words are said of the seller ("supplied", "won")."""
    return bool(_role_words().seller_verbs.match(words))


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


@dataclass(slots=True)
class _RoleDraft:
    """One event's roles while the steps decide them: what the clause offers, and the buyer
    and seller so far, each step filling only what the ones before left open."""

    clause: Clause
    mentions: list[Mention]  # the clause's sentence, with its system's mention
    parties: list[Mention]  # states and companies of the sentence
    near: list[Mention]  # parties in the clause that are no mere origin ("Turkish TB2")
    origin: str | None  # the system's state of origin
    home: str | None  # the state the article speaks for
    buyer: Mention | None = None
    seller: Mention | None = None
    strength: int = 0  # how surely the words name the buyer: a place (1) yields to "for X" (3)
    subject_side: str | None = None  # "buyer" or "seller": the role of the clause's subject


def assign_roles(clause: Clause, system: Mention | None, home: str | None = None) -> Roles:
    """Buyer and seller of one event: from the words around each party ("to X", "from Y",
    "X ordered", "Y will supply"), then from the system's origin, never by position alone."""
    mentions = clause.sentence.content
    if system is not None and system not in mentions:
        # a generic system is a mention too: "Russian helicopters" says where they come from
        mentions = sorted([*mentions, system], key=lambda m: m.start)
    parties = [m for m in mentions if m.kind in ("country", "company") and m.country]
    # prepositions speak for the trigger only within its clause ("offered X to Argentina, but
    # ... an embargo over the Falklands" says nothing of who sold)
    near = [
        p
        for p in parties
        if clause.start <= p.start < clause.end and not _is_attributive(clause.text, p, mentions)
    ]
    origin = system.system.origin if system and system.system else None
    draft = _RoleDraft(clause, mentions, parties, near, origin, home)
    _roles_from_cues(draft)
    counterparts = _counterparts(draft)
    _roles_from_subject(draft, counterparts)
    _roles_from_counterparts(draft, counterparts)
    _buyer_from_agency(draft)
    _seller_from_origin(draft)
    _buyer_from_other_state(draft)
    no_seller = any(m.kind == "bloc" and m.start < clause.trigger.start for m in mentions)
    return Roles(draft.buyer, draft.seller, _names_no_buyer(draft), no_seller, draft.strength >= 2)


def _roles_from_cues(draft: _RoleDraft) -> None:
    """The words around each party of the clause: the surest buyer cue wins, the first
    seller cue."""
    for party in draft.near:
        cue, sells = _party_cue(draft.clause, party)
        if sells:
            draft.seller = draft.seller or party
        if cue > draft.strength:
            draft.buyer, draft.strength = party, cue


def _party_cue(clause: Clause, party: Mention) -> tuple[int, bool]:
    """How surely the words around a party name it the buyer (0 to 3), and whether they name
    it the seller ("from X", "supplied by X")."""
    words = _role_words()
    text = clause.text
    before = text[max(clause.sentence.start, party.start - 30) : party.start]
    after = text[party.end : party.end + 40]
    if (
        _uses_as_force(text, party, after)
        or (_BUYER_BEFORE.search(before) and _state_like(party))
        or _listed_buyer(clause, party, before)
    ):
        return 3, False  # "the Turkish Air Force" uses it; "to/for Ukraine" receives it
    if _BUYING_NOUN_AFTER.match(after):
        return 2, False  # "Turkey's purchase"
    if (by := _BY_BEFORE.search(before)) is not None:
        if words.supplier_by.match(by["word"]):
            return 0, True
        return (2 if words.buying_by.match(by["word"]) else 0), False  # "purchase ... by Serbia"
    if (
        _SELLER_BEFORE.search(before)
        or _listed_seller(clause, party, before)
        or (party.how == "demonym" and _firm_after().match(after))
    ):
        return 0, True  # "from X"; "a South Korean shipbuilder" is a firm of the selling state
    if (
        _PLACE_BEFORE.search(before)
        and clause.trigger.event_type in _PLACE_EVENTS
        and party.kind == "country"
    ):
        return 1, False  # "deployed in Turkey", "built in Romania"
    return 0, False


def _uses_as_force(text: str, party: Mention, after: str) -> bool:
    """A state's force after it ("the Turkish Air Force") uses the system, unless a weapon
    noun follows the force: "Russian military helicopters" only says whose they were."""
    force = _role_words().forces.match(after)
    if force is None:
        return False
    noun = _NEXT_WORDS.match(after, force.end())  # the noun the force may qualify
    return noun is None or not weapon_kinds(text, party.end + noun.start(), party.end + noun.end())


@functools.cache
def _firm_after() -> re.Pattern[str]:
    nouns = load_data("roles.yaml")["firm_nouns"]
    return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{'|'.join(nouns)})\b", re.I)


def _listed_buyer(clause: Clause, party: Mention, before: str) -> bool:
    """A party listed among the buyers the clause counts: "exported to six countries,
    including Iraq and Poland"."""
    return bool(
        _INCLUDING_BEFORE.search(before)
        and _TO_COUNTRIES.search(clause.text, clause.start, party.start)
    )


def _listed_seller(clause: Clause, party: Mention, before: str) -> bool:
    """A party listed among the sellers the clause counts: "from a number of allies, including
    Belgium and Denmark"."""
    return bool(
        _INCLUDING_BEFORE.search(before)
        and _FROM_COUNTRIES.search(clause.text, clause.start, party.start)
    )


def _counterparts(draft: _RoleDraft) -> list[Mention]:
    """Parties joined to the subject by "with" or "and" ("X signed with Y", "X and Y are in
    talks"): the other side of the deal; not members of a list of three or more."""
    text, trigger = draft.clause.text, draft.clause.trigger
    sentence_start = draft.clause.sentence.start
    return [
        p
        for p in draft.near
        if (joined := _WITH_BEFORE.search(text[max(sentence_start, p.start - 12) : p.start]))
        and (joined["word"].lower() == "with" or _party_before(draft.parties, p, joined))
        and p.start > trigger.start - 80
        and len(coordinated(p, draft.mentions, text)) < 3  # "A, B and C" lists, not two sides
    ]


def _party_before(parties: list[Mention], party: Mention, joined: re.Match[str]) -> bool:
    """ "X and Y signed": "and" joins two parties, not two clauses ("Greece commissioned six
    more jets and Indonesia signed")."""
    at = party.start - (len(joined.string) - joined.start())  # where "and" begins
    return any(0 <= at - other.end <= 2 for other in parties if other is not party)


def _roles_from_subject(draft: _RoleDraft, counterparts: list[Mention]) -> None:
    """The subject: the party nearest before the trigger, in its clause, that no preposition
    claimed ("Russian defence enterprises had been assigned the task", "Turkey had made"); it
    sells when the verb says so, when it is a firm, or when it is the system's own state and
    another state is in play; else it buys."""
    clause = draft.clause
    subject = next(
        (
            p
            for p in reversed(draft.parties)
            if clause.start <= p.start < clause.trigger.start
            and p is not draft.buyer
            and p is not draft.seller
            and p not in counterparts
            and not _is_attributive(clause.text, p, draft.mentions)
        ),
        None,
    )
    if subject is None:
        return
    origin = draft.origin
    selling = (
        bool(_role_words().seller_verbs.match(clause.trigger.text))
        or (subject.kind == "company" and not is_agency(subject))
        or (
            subject.country == origin
            and draft.buyer is None
            and (
                any(p.country != origin for p in draft.parties) or draft.home not in (None, origin)
            )
        )
    )
    draft.subject_side = "seller" if selling else "buyer"
    if selling and draft.seller is None:
        draft.seller = subject
    elif not selling and draft.buyer is None:
        draft.buyer, draft.strength = subject, 2


def _roles_from_counterparts(draft: _RoleDraft, counterparts: list[Mention]) -> None:
    """The other side of "X signed with Y": the buyer of a selling subject, the seller of a
    buying one."""
    text, start = draft.clause.text, draft.clause.sentence.start
    for party in counterparts:
        joined = _WITH_BEFORE.search(text[max(start, party.start - 12) : party.start])
        if joined and joined["word"].lower() == "and" and seller_verb(draft.clause.trigger.text):
            continue  # "Japan and the US have supplied": both sell, neither buys
        if (
            draft.subject_side == "seller"
            and draft.buyer is None
            and _state_like(party)
            and draft.seller is not None
            and (party.country != draft.seller.country or is_agency(party))
        ):
            # "KAI signed with DAPA": an agency contracting its own industry is sure
            draft.buyer = party
            draft.strength = 2 if is_agency(party) else draft.strength
        elif (
            draft.subject_side == "buyer"
            and draft.seller is None
            and draft.buyer is not None
            and party.country != draft.buyer.country
        ) or _sold_with(draft, party):
            draft.seller = party


def _sold_with(draft: _RoleDraft, party: Mention) -> bool:
    """ "Were procured through a deal with Poland": in a passive clause with no subject, the
    state the systems were bought with sold them (the buyer is who got them)."""
    text, clause = draft.clause.text, draft.clause
    return bool(
        draft.subject_side is None
        and draft.seller is None
        and _state_like(party)
        and text[max(0, party.start - 12) : party.start].rstrip().endswith("with")
        and _PASSIVE_BEFORE.search(
            text, max(clause.start, clause.trigger.start - 30), clause.trigger.start
        )
    )


def _buyer_from_agency(draft: _RoleDraft) -> None:
    """ "The procurement agency and BMC signed": a state's agency in the clause buys for it,
    the other state's agency before the supplier's own."""
    if draft.buyer is not None:
        return
    supplier = draft.seller.country if draft.seller is not None else draft.origin
    agencies = sorted(
        (
            p
            for p in draft.near
            if is_agency(p) and p is not draft.seller and p.start < draft.clause.trigger.start
        ),
        key=lambda p: p.country == supplier,
    )
    if agencies:
        draft.buyer, draft.strength = agencies[0], 2


def _seller_from_origin(draft: _RoleDraft) -> None:
    """No seller in the words: the system's state of origin, as the sentence names it."""
    if draft.seller is None and draft.origin:
        draft.seller = next(
            (p for p in draft.parties if p.country == draft.origin and p is not draft.buyer),
            None,
        ) or origin_state(draft.origin)


def _buyer_from_other_state(draft: _RoleDraft) -> None:
    """The seller known, the other state in the sentence buys; with neither known, position
    alone decides nothing and the deal the sentence continues is asked."""
    if draft.buyer is not None or draft.seller is None:
        return
    seller = draft.seller
    # "Japan and the United States have supplied": a state listed with the seller sells too
    subject = 0 <= seller.start < draft.clause.trigger.start
    co_sellers = coordinated(seller, draft.mentions, draft.clause.text) if subject else []
    others = [
        p
        for p in draft.parties
        if p.kind == "country"
        and p.country != seller.country
        and p not in co_sellers
        and not _party_cue(draft.clause, p)[1]  # "bought frigates from Spain": Spain sold
        and not _is_attributive(draft.clause.text, p, draft.mentions)
    ]
    draft.buyer = nearest(others, draft.clause.trigger)


def _names_no_buyer(draft: _RoleDraft) -> bool:
    """ "Exported to more than 30 countries" names no buyer, unless a surer cue names one (it
    lists them: "..., including Iraq")."""
    if draft.strength >= 3:
        return False
    clause, text = draft.clause, draft.clause.text
    return any(
        m.kind == "nonparty"
        and _BUYER_BEFORE.search(text[max(clause.sentence.start, m.start - 12) : m.start])
        for m in draft.mentions
    ) or bool(_counted_parties().search(text, clause.trigger.end, clause.end))


def swapped(buyer: Mention, seller: Mention, system: System) -> tuple[Mention, Mention]:
    """Buyer and seller, swapped where the buyer is the state that designs the system and the
    seller a state that does not make it: a state does not buy its own design from a state
    that does not make it ("Turkey and Indonesia signed" for a Turkish jet, "was contracted
    by Saudi Arabia")."""
    if buyer.country == system.origin != seller.country and seller.kind == "country":
        return seller, buyer
    return buyer, seller


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+)(?:[Tt]he\s+)?")


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
    return party.kind == "country" or is_agency(party)


def is_agency(party: Mention) -> bool:
    """A government body (a procurement agency, a ministry): it buys for its state."""
    return party.company is not None and party.company.kind == "organization"


def _is_attributive(text: str, party: Mention, mentions: list[Mention]) -> bool:
    """A country word that only says where a system comes from ("Chinese FK-3", "Russian
    advanced S-400", "Chinese-made"): not a party of its own."""
    if party.how == "made":
        return True
    if party.how != "demonym":
        return False
    return not _role_words().forces.match(text[party.end : party.end + 40]) and any(
        m.kind == "system"
        and 0 <= m.start - party.end <= 25
        and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", text[party.end : m.start])
        for m in mentions
    )  # "the Iraqi Air Force flies 24 T-50IQ jets": the force is a party, not an origin
