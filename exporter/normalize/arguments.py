"""Roles of an event's parties: who buys and who sells, decided in small steps from the words
around each party, never by position alone."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from exporter.normalize.clause import Clause
from exporter.normalize.events import Trigger
from exporter.normalize.gazetteer import System, alternation
from exporter.normalize.lexicon import (
    RoleWindows,
    alternatives,
    cue_regex,
    events_lexicon,
    grammar_lexicon,
    optional_words,
    roles_lexicon,
)
from exporter.normalize.mentions import Mention, origin_word_before, weapon_kinds

_NEXT_WORDS = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?")  # the word or two after a force


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
    """The words that tell a party's role, from events.yaml and roles.yaml, compiled."""

    seller_verbs: re.Pattern[str]  # a trigger whose subject sells ("supplied", "exported")
    supplier_by: re.Pattern[str]  # "made by X": X sells
    buying_by: re.Pattern[str]  # "ordered by X": X buys
    forces: re.Pattern[str]  # "X Air Force" after a state: the state uses it
    buyer_before: re.Pattern[str]  # "to X" names a buyer; "prior to X", "due to X" do not
    including_before: re.Pattern[str]  # "including X": X is one of those the clause counts
    to_countries: re.Pattern[str]  # "to six countries": the buyers counted
    from_countries: re.Pattern[str]  # "from a number of allies": the sellers counted
    passive_before: re.Pattern[str]  # "were procured"
    place_before: re.Pattern[str]  # "deployed in X"
    seller_before: re.Pattern[str]  # "from X"
    requested_from: re.Pattern[str]  # "a request from X": X asks for it
    winner: re.Pattern[str]  # "a tender awarded to X": X won it, and sells
    by_before: re.Pattern[str]  # "ordered by X", "made by X", with the word before "by"
    with_before: re.Pattern[str]  # "signed with X", "X and Y"
    buying_noun_after: re.Pattern[str]  # "X's purchase"
    firm_after: re.Pattern[str]  # "South Korean shipbuilder": the state's firm sells
    list_gap: re.Pattern[str]  # what joins a list of parties: ", ", " and "
    counted_parties: re.Pattern[str]  # "to more than 30 countries": no buyer named
    attributive_gap: re.Pattern[str]  # the words between an origin word and its system
    sold_with: str  # "a deal with X" in a passive clause: X sold
    place_events: frozenset[str]  # where a deal's place names its buyer
    partner_events: frozenset[str]  # where "with X" is a partner, not the other side
    windows: RoleWindows


@functools.cache
def _role_words() -> RoleWords:
    events, roles = events_lexicon(), roles_lexicon()
    not_buyer = "".join(f"(?<!{word} )" for word in roles.not_buyer_before)
    return RoleWords(
        seller_verbs=cue_regex(events.seller_verbs, "^", "$"),
        supplier_by=cue_regex(events.supplier_by, "^", "$"),
        buying_by=cue_regex(events.buyer_by, "^", "$"),
        forces=re.compile(
            rf"^\s+(?:{alternation(list(events.forces))})\b"
            rf"(?!\s+{alternatives(events.force_titles)}\b)"  # a person's title
        ),
        # the word start tested before the words that may not stand before it: at every
        # other character of the window the search then stops at once
        buyer_before=re.compile(
            rf"\b{not_buyer}{alternatives(roles.buyer_prepositions)}\s+"
            rf"{optional_words(roles.buyer_determiners)}(?:{roles.formal_state_name})?$",
            re.I,
        ),
        including_before=cue_regex(roles.listing_words, r"\b", r"\s+$"),
        to_countries=cue_regex([roles.counted_buyers]),
        from_countries=cue_regex([roles.counted_sellers]),
        passive_before=cue_regex([roles.passive_before], r"\b", "$"),
        place_before=cue_regex([roles.place_before], r"\b", "$"),
        seller_before=cue_regex([roles.seller_before], r"\b", "$"),
        requested_from=cue_regex(
            roles.request_nouns,
            r"\b",
            rf"(?:\s+{roles.request_value}(?:\s+\S+){{1,{roles.role_windows.request_value_words}}}?)?"
            rf"\s+{roles.seller_before}$",
        ),
        winner=cue_regex([roles.winner_before], r"\b", "$"),
        by_before=cue_regex([roles.agent_before], r"\b(?P<word>\w+)\s+", "$"),
        with_before=cue_regex([roles.counterpart_before], r"\b", "$"),
        buying_noun_after=cue_regex(
            roles.buying_nouns,
            rf"^['’]s\s+(?:\w+\s+){{0,{roles.role_windows.possessive_words}}}",
            "",
        ),
        firm_after=cue_regex(roles.firm_nouns, r"\s+(?:[\w-]+\s+)?"),
        list_gap=re.compile(roles.party_list_gap),
        counted_parties=cue_regex(
            events.counted_parties, rf"\b{alternatives(roles.counted_parties_before)}\s+"
        ),
        attributive_gap=re.compile(
            rf"\s*(?:[\w-]+\s+){{0,{roles.role_windows.attributive_words}}}"
        ),
        sold_with=roles.sold_with,
        place_events=frozenset(roles.place_events),
        partner_events=frozenset(roles.partner_events),
        windows=roles.role_windows,
    )


def seller_verb(words: str) -> bool:
    """Whether a trigger's words are said of the seller ("supplied", "won")."""
    return bool(_role_words().seller_verbs.match(words))


def nearest(mentions: list[Mention], trigger: Trigger) -> Mention | None:
    if not mentions:
        return None
    middle = (trigger.start + trigger.end) / 2
    return min(mentions, key=lambda m: abs((m.start + m.end) / 2 - middle))


def origin_state(code: str) -> Mention:
    """A state that the text does not name but the system's origin implies."""
    return Mention("country", -1, -1, code, code, "origin")


def group_seller(seller: Mention, system: System) -> Mention:
    """A group named as the seller of a system one of its national companies makes ("from
    KNDS" for the Leopard 2 of KNDS Deutschland, "from Airbus" for an Airbus Defence and
    Space system) sells from that company's state, the system's origin."""
    maker = system.maker or ""
    if (
        seller.kind == "company"
        and seller.company is not None
        and system.origin
        and maker.startswith(seller.company.name + " ")
        and seller.country != system.origin
    ):
        return dataclasses.replace(seller, country=system.origin)
    return seller


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
    system_at: int | None  # where the event's system is named, if it is
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
    at = system.start if system is not None and system.start >= 0 else None
    draft = _RoleDraft(clause, mentions, parties, near, origin, home, at)
    _roles_from_cues(draft)
    counterparts = _counterparts(draft)
    _roles_from_subject(draft, counterparts)
    _roles_from_counterparts(draft, counterparts)
    _buyer_from_agency(draft)
    _seller_from_origin(draft)
    _buyer_from_other_state(draft)
    # "EU states delivered": a bloc supplies, no one state; not "a sale outside NATO"
    no_seller = any(
        m.kind == "bloc"
        and m.start < clause.trigger.start
        and not _outside_bloc().search(clause.text, max(0, m.start - 12), m.start)
        for m in mentions
    )
    return Roles(draft.buyer, draft.seller, _names_no_buyer(draft), no_seller, draft.strength >= 2)


@functools.cache
def _after_preposition() -> re.Pattern[str]:
    """A party right after a preposition ("a meeting in Washington") is no clause's subject."""
    return cue_regex(roles_lexicon().not_subject_before, after=rf"\s+{_article()}$")


@functools.cache
def _opponent() -> re.Pattern[str]:
    """ "against (the) X": X is who a weapon is used against."""
    return cue_regex(roles_lexicon().opponent_before, after=rf"\s+{_article()}$")


@functools.cache
def _conjunction() -> re.Pattern[str]:
    return cue_regex(roles_lexicon().party_conjunctions)


@functools.cache
def _outside_bloc() -> re.Pattern[str]:
    return cue_regex(roles_lexicon().outside_bloc, after=r"[\s-]+$")


def _roles_from_cues(draft: _RoleDraft) -> None:
    """The words around each party of the clause: the surest buyer cue wins, the first
    seller cue."""
    sellers = []
    for party in draft.near:
        cue, sells = _party_cue(draft.clause, party)
        if sells:
            sellers.append(party)
        if cue > draft.strength:
            draft.buyer, draft.strength = party, cue
    # "from Y" after the trigger is its seller ("the purchase of tanks from GIAT"), the one
    # after its system first ("X from A, the Y from B"); one before it may belong to other
    # words ("to drive Iraq from Kuwait, the UAE bought ...")
    trigger = draft.clause.trigger.start
    sellers = [p for p in sellers if not _seller_of_rival(draft.clause, p)]
    after = [p for p in sellers if p.start > trigger]
    own = [p for p in after if draft.system_at is not None and p.start > draft.system_at]
    draft.seller = next(iter(own or after or sellers), None)


def _seller_of_rival(clause: Clause, party: Mention) -> bool:
    """ "In talks with Qatar ..., as it waits for jets ordered from France": a "from X" right
    after a later trigger is that trigger's seller."""
    seller_before, text = _role_words().seller_before, clause.text
    for rival in clause.rivals:
        if clause.trigger.end <= rival.start and rival.end <= party.start:
            cue = seller_before.search(text, rival.end, party.start)
            if cue is not None and not text[rival.end : cue.start()].strip():
                return True
    return False


def _party_cue(clause: Clause, party: Mention) -> tuple[int, bool]:
    """How surely the words around a party name it the buyer (0 to 3), and whether they name
    it the seller ("from X", "supplied by X")."""
    words = _role_words()
    text = clause.text
    before = text[max(clause.sentence.start, party.start - words.windows.cue_before) : party.start]
    after = text[party.end : party.end + words.windows.cue_after]
    sold_from = words.seller_before.search(before) is not None  # "from X", "from the X"
    if _opponent().search(before):
        return 0, False  # "defence against Russian aggression": who it is used against
    if words.winner.search(before):
        return 0, True  # "a tender awarded to China": who won it sells
    if party.how == "demonym" and words.firm_after.match(after):
        # "a South Korean shipbuilder", "a setback for Russian arms exports": the state's
        # firms or trade sell, whatever comes before
        return 0, True
    if (
        # "lease two C-130s from the US Air Force": a force things come from hands them over
        (not sold_from and _uses_as_force(text, party, before, after))
        or (words.buyer_before.search(before) and _state_like(party))
        or _listed_buyer(clause, party, before)
    ):
        return 3, False  # "the Turkish Air Force" uses it; "to/for Ukraine" receives it
    if _subject_of_infinitive(clause, party):
        return 3, False  # "failed to convince Brazil to buy", "paved the way for Peru to buy"
    if words.buying_noun_after.match(after):
        return 2, False  # "Turkey's purchase"
    if (by := words.by_before.search(before)) is not None:
        if words.supplier_by.match(by["word"]):
            return 0, True
        return (2 if words.buying_by.match(by["word"]) else 0), False  # "purchase ... by Serbia"
    if sold_from and words.requested_from.search(  # the request's "from" ends its words too
        text, max(clause.sentence.start, party.start - words.windows.request_before), party.start
    ):
        return 2, False  # "a request from Kyiv", "orders from India": who asks buys
    if sold_from or _listed_seller(clause, party, before):
        return 0, True  # "from X"
    if (
        words.place_before.search(before)
        and clause.trigger.event_type in words.place_events
        and party.kind == "country"
    ):
        return 1, False  # "deployed in Turkey", "built in Romania"
    return 0, False


def _subject_of_infinitive(clause: Clause, party: Mention) -> bool:
    """A party right before a buying infinitive ("convince Brazil to buy") is who would buy;
    not the other side of an agreement "with the United States to purchase" it."""
    trigger, words = clause.trigger, _role_words()
    before = clause.text[max(clause.sentence.start, party.start - 12) : party.start]
    return (
        trigger.text.lower().startswith("to ")
        and not seller_verb(trigger.text[3:])
        and 0 <= trigger.start - party.end <= 1
        and not words.with_before.search(before)
        and not words.seller_before.search(before)
    )


@functools.cache
def _article() -> str:
    """At most one definite article and its space: "(?:the\\s+)?"."""
    return optional_words(grammar_lexicon().definite_articles[:1])


@functools.cache
def _owned_by() -> re.Pattern[str]:
    """ "corvettes of the Korean Navy": the force after it owns the weapons."""
    return cue_regex(grammar_lexicon().owner_prepositions, after=rf"\s+{_article()}$", flags=0)


def _uses_as_force(text: str, party: Mention, before: str, after: str) -> bool:
    """A state's force after it ("the Turkish Air Force") uses the system, unless a weapon
    noun follows the force: "Russian military helicopters" only says whose they were; nor
    where the weapons are the force's own: "corvettes of the Korean Navy"."""
    force = _role_words().forces.match(after)
    if force is None:
        return False
    owner = _owned_by().search(before)
    if owner and weapon_kinds(text, party.start - len(before), party.start - len(owner.group())):
        return False
    noun = _NEXT_WORDS.match(after, force.end())  # the noun the force may qualify
    return noun is None or not weapon_kinds(text, party.end + noun.start(), party.end + noun.end())


def _listed_buyer(clause: Clause, party: Mention, before: str) -> bool:
    """A party listed among the buyers the clause counts: "exported to six countries,
    including Iraq and Poland"."""
    words = _role_words()
    return bool(
        words.including_before.search(before)
        and words.to_countries.search(clause.text, clause.start, party.start)
    )


def _listed_seller(clause: Clause, party: Mention, before: str) -> bool:
    """A party listed among the sellers the clause counts: "from a number of allies, including
    Belgium and Denmark"."""
    words = _role_words()
    return bool(
        words.including_before.search(before)
        and words.from_countries.search(clause.text, clause.start, party.start)
    )


def _counterparts(draft: _RoleDraft) -> list[Mention]:
    """Parties joined to the subject by "with" or "and" ("X signed with Y", "X and Y are in
    talks"): the other side of the deal; not members of a list of three or more."""
    text, trigger = draft.clause.text, draft.clause.trigger
    sentence_start = draft.clause.sentence.start
    words = _role_words()
    reach = words.windows
    return [
        p
        for p in draft.near
        if (
            joined := words.with_before.search(
                text[max(sentence_start, p.start - reach.joiner_before) : p.start]
            )
        )
        and (
            (joined["word"].lower() == "with" and not _is_partner(draft, p))
            # "X and Y signed" are two sides; "X and Y ordered" both buy
            or (_party_before(draft.parties, p, joined) and _two_sided(trigger.text))
        )
        and p.start > trigger.start - reach.counterpart_reach
        # "A, B and C" lists, not two sides
        and len(coordinated(p, draft.mentions, text)) < reach.list_parties
    ]


@functools.cache
def _two_sided_regex() -> re.Pattern[str]:
    return cue_regex(roles_lexicon().two_sided_verbs, "^", "$")


def _two_sided(words: str) -> bool:
    """Whether a trigger's words are of an event both sides do ("signed", "held talks")."""
    return bool(_two_sided_regex().match(words))


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
            and not _after_preposition().search(clause.text, max(0, p.start - 12), p.start)
        ),
        None,
    )
    if subject is None:
        return
    given = _given_to(draft)
    if given is not None:
        # "the ministry awarded Hanwha a contract": the subject buys from the party it names
        draft.subject_side = "buyer"
        draft.seller = draft.seller or given
        if draft.buyer is None:
            draft.buyer, draft.strength = subject, 2
        return
    origin = draft.origin
    selling = (
        bool(_role_words().seller_verbs.match(clause.trigger.text))
        or (subject.kind == "company" and not is_agency(subject))
        or (
            # "Russia signed a deal for S-400s" in a story from Ankara: the maker's state
            # sells; but a state that deploys its own weapons is their user
            subject.country == origin
            and draft.buyer is None
            and clause.trigger.event_type != "deployment"
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


@functools.cache
def _giving_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{roles_lexicon().giving_verbs})$", re.I)


def _given_to(draft: _RoleDraft) -> Mention | None:
    """The party a giving verb names right after it ("awarded Hanwha a contract")."""
    trigger = draft.clause.trigger
    if not _giving_regex().match(trigger.text):
        return None
    return next(
        (p for p in draft.parties if 0 <= p.start - trigger.end <= 1 and p.kind != "system"),
        None,
    )


def _roles_from_counterparts(draft: _RoleDraft, counterparts: list[Mention]) -> None:
    """The other side of "X signed with Y": the buyer of a selling subject, the seller of a
    buying one."""
    text, start = draft.clause.text, draft.clause.sentence.start
    for party in counterparts:
        joined = _role_words().with_before.search(
            text[max(start, party.start - _role_words().windows.joiner_before) : party.start]
        )
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
            (
                draft.subject_side == "buyer"
                and draft.seller is None
                and draft.buyer is not None
                and party.country != draft.buyer.country
            )
            or _sold_with(draft, party)
            or _firm_signed_with(draft, party, joined)
        ):
            draft.seller = party


def _firm_signed_with(draft: _RoleDraft, party: Mention, joined: re.Match[str] | None) -> bool:
    """ "The ministry signed a deal with HAL": with no party as its subject, the firm the
    deal is made with sells."""
    return bool(
        draft.subject_side is None
        and draft.seller is None
        and joined
        and joined["word"].lower() == "with"
        and party.kind == "company"
        and not is_agency(party)
        and _two_sided(draft.clause.trigger.text)  # not "a partnership with X in delivering"
    )


def _sold_with(draft: _RoleDraft, party: Mention) -> bool:
    """ "Were procured through a deal with Poland": in a passive clause with no subject, the
    state the systems were bought with sold them (the buyer is who got them)."""
    text, clause = draft.clause.text, draft.clause
    words = _role_words()
    reach = words.windows
    return bool(
        draft.subject_side is None
        and draft.seller is None
        and _state_like(party)
        and text[max(0, party.start - reach.joiner_before) : party.start]
        .rstrip()
        .endswith(words.sold_with)
        and words.passive_before.search(
            text,
            max(clause.start, clause.trigger.start - reach.passive_reach),
            clause.trigger.start,
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
        buyer = draft.buyer
        draft.seller = next(
            (
                p
                for p in draft.parties
                if p.country == draft.origin
                and p is not buyer
                # the buyer's own forces or agency buy with it: "for the Bundeswehr through PSM"
                and not (buyer is not None and is_agency(p) and p.country == buyer.country)
            ),
            None,
        ) or origin_state(draft.origin)


def _buyer_from_other_state(draft: _RoleDraft) -> None:
    """The seller known, the other state in the sentence buys; with neither known, position
    alone decides nothing and the deal the sentence continues is asked."""
    if draft.buyer is not None or draft.seller is None:
        return
    seller = draft.seller
    # "Japan and the United States have supplied", "supplied by Germany and Denmark": a state
    # listed with the seller, the subject of a selling verb or named so by its words, sells
    # too; "India and France are close to finalising the deal" are its two sides
    trigger = draft.clause.trigger
    co_sellers = coordinated(seller, draft.mentions, draft.clause.text)
    subject = 0 <= seller.start < trigger.start and seller_verb(trigger.text)
    if len(co_sellers) > 1 and not (subject or _party_cue(draft.clause, seller)[1]):
        co_sellers = []
    # who work is done for is named in its own clause
    work = draft.clause.trigger.event_type in _role_words().partner_events
    others = [
        p
        for p in (draft.near if work else draft.parties)
        if p.kind == "country"
        and p.country != seller.country
        and p not in co_sellers
        and not _party_cue(draft.clause, p)[1]  # "bought frigates from Spain": Spain sold
        and not _is_attributive(draft.clause.text, p, draft.mentions)
        and not _is_partner(draft, p)
    ]
    draft.buyer = nearest(others, draft.clause.trigger)


def _is_partner(draft: _RoleDraft, party: Mention) -> bool:
    """ "Built the jets jointly with China": for a work event, the state it is done with is a
    partner, neither side of a deal."""
    clause = draft.clause
    words = _role_words()
    if clause.trigger.event_type not in words.partner_events:
        return False
    before = clause.text[
        max(clause.sentence.start, party.start - words.windows.joiner_before) : party.start
    ]
    joined = words.with_before.search(before)
    return joined is not None and joined["word"].lower() == "with"


def _names_no_buyer(draft: _RoleDraft) -> bool:
    """ "Exported to more than 30 countries" names no buyer, unless a surer cue names one (it
    lists them: "..., including Iraq")."""
    if draft.strength >= 3:
        return False
    clause, text = draft.clause, draft.clause.text
    words = _role_words()
    reach = words.windows.joiner_before
    return any(
        m.kind == "nonparty"
        and words.buyer_before.search(text[max(clause.sentence.start, m.start - reach) : m.start])
        for m in draft.mentions
    ) or bool(words.counted_parties.search(text, clause.trigger.end, clause.end))


@functools.cache
def _unnamed_body() -> re.Pattern[str]:
    return cue_regex(roles_lexicon().unnamed_state_bodies)


def by_unnamed_state(clause: Clause) -> bool:
    """Whether the clause's event is done by a state body the sentence names without its state
    ("The defence ministry signed with HAL"): no state named before the trigger."""
    start, trigger = clause.sentence.start, clause.trigger
    return bool(_unnamed_body().search(clause.text, start, trigger.start)) and not any(
        m.kind == "country" and m.start < trigger.start for m in clause.sentence.mentions
    )


def swapped(buyer: Mention, seller: Mention, system: System) -> tuple[Mention, Mention]:
    """Buyer and seller, swapped where the buyer is the state that designs the system and the
    seller a state that does not make it: a state does not buy its own design from a state
    that does not make it ("Turkey and Indonesia signed" for a Turkish jet, "was contracted
    by Saudi Arabia")."""
    if buyer.country == system.origin != seller.country and seller.kind == "country":
        return seller, buyer
    return buyer, seller


def coordinated(party: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """The parties listed with `party`, in text order ("to Turkey, Poland, India and
    Norway"): mentions of its kind joined to it by commas, "and" or "or" alone."""
    same = sorted(
        (m for m in mentions if m.kind == party.kind and m.start >= 0), key=lambda m: m.start
    )
    if party not in same:
        return [party]
    gap = _role_words().list_gap
    first = last = same.index(party)
    while first > 0 and gap.fullmatch(text[same[first - 1].end : same[first].start]):
        first -= 1
    while last + 1 < len(same) and gap.fullmatch(text[same[last].end : same[last + 1].start]):
        last += 1
    listed = same[first : last + 1]
    # two parties and a comma alone end one clause and begin the next ("to drive Iraq from
    # Kuwait, the UAE bought"); a list of two is joined by "and"
    if (
        len(listed) == 2
        and "," in text[listed[0].end : listed[1].start]
        and not _conjunction().search(text, listed[0].end, listed[1].start)
    ):
        return [party]
    return list({m.country: m for m in listed}.values())


def made_in(clause: Clause, system: Mention | None) -> Mention | None:
    """The state a system is said to be made in right before its name ("six U.S.-made A-29
    aircraft"): where it is sold from when the text names no seller."""
    if system is None:
        return None
    return origin_word_before(clause.sentence.mentions, system.start, hows=("made",))


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
    words = _role_words()
    return not words.forces.match(text[party.end : party.end + words.windows.cue_after]) and any(
        m.kind == "system"
        and 0 <= m.start - party.end <= words.windows.attributive_gap
        and words.attributive_gap.fullmatch(text[party.end : m.start])
        for m in mentions
    )  # "the Iraqi Air Force flies 24 T-50IQ jets": the force is a party, not an origin
