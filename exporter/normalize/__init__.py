"""The normalizer: an Article in, one procurement-event record per event it states.

segment -> mentions -> events -> clause (one per trigger: its window, attribution, dates,
systems, amounts) -> objects, arguments (roles), amounts, discourse (what "the contract" or
"it" continues), beneficiaries (the states a paragraph's contract is for), contents (the
items an open deal holds), customers (earlier buyers a sentence lists), competition (the
contenders a sentence lists for an order, each an offer), dates -> assemble
(one seller per deal, restatements merged); each stage a module of plain functions over
plain data.
`normalize` is pure: the same article gives the same records, so it runs the same on one
core, many processes or a cluster.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from exporter.articles import Article
from exporter.normalize import dates as dates_
from exporter.normalize.amounts import amount_for, count_for
from exporter.normalize.arguments import (
    assign_roles,
    by_unnamed_state,
    coordinated,
    group_seller,
    made_in,
    origin_state,
    swapped,
)
from exporter.normalize.assemble import (
    Candidate,
    body_over_headline,
    content_id,
    merge,
    named_for_generic,
    one_seller_per_deal,
    to_record,
)
from exporter.normalize.beneficiaries import paragraph_beneficiaries
from exporter.normalize.clause import Clause, read_clause, read_sentence, status_and_date
from exporter.normalize.competition import contenders, lost_competitions
from exporter.normalize.contents import (
    OpenDeal,
    after_sentence,
    contents_candidates,
    holds_items,
    is_list_item,
    items_of_event,
    names_contents,
)
from exporter.normalize.customers import earlier_purchases
from exporter.normalize.discourse import (
    Discourse,
    agency_buyer,
    article_system,
    beneficiary_buyer,
    buyer_spoken_of,
    continued_deal,
    country_of,
    epithet_states,
    has_pronoun_subject,
    hear_speakers,
    home_buyer,
    note_states,
    recent_system,
    remember_sentence,
    same_system,
    sole_buyer,
    speaker_buyer,
    speaking_seller,
    subject_before,
)
from exporter.normalize.events import find_triggers, inside, is_definitional, word_places
from exporter.normalize.gazetteer import System
from exporter.normalize.lexicon import cue_regex, dates_lexicon, roles_lexicon
from exporter.normalize.mentions import Mention, actors, find_mentions, weapon_kinds
from exporter.normalize.objects import event_objects
from exporter.normalize.segment import Sentence, headline_sentence, segment, unwrap
from exporter.normalize.source import (
    Reference,
    ascii_uri,
    home_state,
    reference_date,
    title_date,
)
from exporter.normalize.timing import last_date

__all__ = ["ascii_uri", "normalize", "reference_date"]


@dataclass
class ArticleState:
    """What the reading of one article has gathered so far."""

    reference: Reference
    discourse: Discourse
    people: dict[str, Mention] = field(default_factory=dict)
    previous_date: dates_.ResolvedDate | None = None
    named_systems: dict[str, System] = field(default_factory=dict)  # by designation, in order
    paragraph_start: int = 0  # where the paragraph being read begins


def normalize(article: Article, *, published: str | None = None) -> list[dict[str, Any]]:
    """The procurement-event records an article states, in text order."""
    text = unwrap(article.text)  # same offsets, sentences no longer broken by line wraps
    parts = segment(text)
    word_places().hold(text)
    # the year of a dateline is inferred from the article's own words, not from the dates
    # of the other stories the page lists after it
    body = text[: parts.sentences[-1].end] if parts.sentences else text
    reference = reference_date(article.published or published, parts.dateline, body)
    reference = title_date(reference, [(x.start, x.end) for x in parts.sentences], text)
    source = {
        "id": content_id(article.text),
        "publisher": article.publisher,
        "url": ascii_uri(article.url),
        "title": article.title or parts.headline,
        "published": article.published
        or published
        or (reference.date.isoformat() if reference.date else None),
        "dateline": parts.dateline.text if parts.dateline else None,
        "language": article.language,
        "published_inferred": not (article.published or published) and reference.inferred,
    }
    state = ArticleState(reference, Discourse(home_state(parts.dateline)))
    candidates: list[Candidate] = []
    # read once a paragraph, not once a sentence: the cue may stand anywhere in it
    spans = _paragraph_spans(parts.sentences)
    beneficiaries = {number: paragraph_beneficiaries(text, *span) for number, span in spans.items()}
    for sentence in parts.sentences:
        state.discourse.beneficiaries = beneficiaries[sentence.paragraph]
        state.paragraph_start = spans[sentence.paragraph][0]
        found, asides = sentence_candidates(text, sentence, state)
        candidates += found + asides
        # earlier buyers, contenders' offers and a package's further items are not the deal
        # that "it" or "the contract" continues later
        state.discourse.events += found
    # a headline's kind of weapon is the system the body names
    candidates = named_for_generic(candidates, list(state.named_systems.values()))
    headline = headline_sentence(parts.sentences)
    candidates = body_over_headline(one_seller_per_deal(candidates), headline)
    return [to_record(c, source) for c in merge(candidates)]


def _paragraph_spans(sentences: list[Sentence]) -> dict[int, tuple[int, int]]:
    """Where each paragraph's sentences begin and end."""
    spans: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        first = spans.get(sentence.paragraph, (sentence.start, sentence.end))[0]
        spans[sentence.paragraph] = (first, sentence.end)
    return spans


def sentence_candidates(
    text: str, sentence: Sentence, state: ArticleState
) -> tuple[list[Candidate], list[Candidate]]:
    """The events one sentence states, each with its deal, status, date and amounts; and
    its asides: the earlier buyers it lists, the offers of the contenders it lists for an
    order, the further platforms a package of the sentence before holds."""
    s, e = sentence.start, sentence.end
    evidence = (s, e, sentence.text)
    discourse = state.discourse
    mentions = find_mentions(text, s, e)
    if epithets := epithet_states(discourse, text, s, e, mentions):
        mentions = sorted(mentions + epithets, key=lambda m: m.start)
    for mention in mentions:
        if mention.kind == "person":
            state.people.setdefault(mention.text, mention)
        elif mention.system is not None and not mention.system.generic:
            state.named_systems.setdefault(mention.system.designation, mention.system)
    note_states(discourse, mentions)
    # a word inside a name is none of the text's ("Machine Building Design Bureau")
    names = [(m.start, m.end) for m in mentions if m.kind in ("company", "system")]
    triggers = [t for t in find_triggers(text, s, e) if not inside(t.start, names)]
    date_mentions = dates_.find_dates(text, s, e)
    latest_date = last_date(date_mentions, state.reference, state.previous_date)
    found: list[Candidate] = []
    deal = discourse.open_deal
    if deal is not None and holds_items(deal, text, s, e, sentence.text):
        own = last_date(date_mentions, state.reference, None)  # "the January cargo included"
        found = contents_candidates(text, evidence, mentions, deal, own)
    discourse.open_deal = after_sentence(deal, sentence.text, is_list_item(sentence.text))
    if triggers and not is_definitional(text, s, e, mentions):
        facts = read_sentence(text, s, e, mentions, triggers, date_mentions)
        hear_speakers(discourse, mentions, facts.attribution)
        people = actors(mentions, state.people, sentence.text)
        for trigger in triggers:
            clause = read_clause(facts, trigger)
            if clause is not None:
                found += _clause_candidates(clause, state, people, evidence, found)
    # earlier buyers a sentence lists are background: later words do not continue them
    background = earlier_purchases(text, evidence, mentions, found)
    offers = contenders(
        text, evidence, mentions, date_mentions, discourse, (state.reference, state.previous_date)
    )
    asides = background + offers + lost_competitions(text, evidence, mentions)
    if not found and discourse.events and names_contents(text, s, e):
        latest = discourse.events[-1]
        if latest.evidence[0] == discourse.sentence_start:  # the sentence just before
            asides += items_of_event(text, evidence, mentions, latest)
    if not found and not background:
        _date_completion(text, sentence, date_mentions, state)
    state.previous_date = latest_date or state.previous_date
    offered = {c.system.designation for c in offers}
    # "the jets" after a list of contenders is none of them
    remember_sentence(
        discourse, s, [m for m in mentions if not (m.system and m.system.designation in offered)]
    )
    return found, asides


@functools.cache
def _completion_cue() -> re.Pattern[str]:
    return cue_regex(dates_lexicon().completion_cues, after=r"\s+$")


def _date_completion(
    text: str, sentence: Sentence, found: list[dates_.DateMention], state: ArticleState
) -> None:
    """A sentence of no event that says when the work will be done ("work is expected to be
    completed by March 2027") dates the undated production its paragraph announced."""
    due = next(
        (
            d
            for d in found
            if d.kind in ("full", "monthyear")
            and _completion_cue().search(text, max(sentence.start, d.start - 60), d.start)
        ),
        None,
    )
    if due is None:
        return
    when = dates_.resolve(due, state.reference.date, True)
    for event in reversed(state.discourse.events):
        if event.evidence[0] < state.paragraph_start:
            break
        if event.event_type == "production" and event.date is None and event.status == "planned":
            event.date = when


def _clause_candidates(
    clause: Clause,
    state: ArticleState,
    people: list[dict[str, Any]],
    evidence: tuple[int, int, str],
    earlier: list[Candidate],
) -> list[Candidate]:
    """The events of one clause: one per system it is about, and per party listed;
    `earlier`: the events the sentence's clauses before it state."""
    status, when, by_report = status_and_date(clause, state.reference, state.previous_date)
    chosen = event_objects(clause, state.discourse)
    found: list[Candidate] = []
    for system in chosen:
        candidate = _candidate(clause, system, state, earlier)
        if candidate is None:
            opened = state.discourse.open_deal
            if opened is not None and opened.trigger is clause.trigger:
                opened.status, opened.date, opened.dated_by_report = status, when, by_report
            continue
        candidate.status, candidate.date, candidate.dated_by_report = status, when, by_report
        quantity = amount_for(clause.quantities(), system, clause.trigger, len(chosen))
        candidate.quantity = count_for(quantity, candidate.event_type)
        candidate.value = amount_for(clause.sentence.money, system, clause.trigger, len(chosen))
        candidate.actors = people
        candidate.evidence = evidence
        found += [
            listed
            for event in _one_per_listed_party(candidate, clause.sentence.content, clause.text)
            for listed in _one_per_beneficiary(event, state.discourse.beneficiaries)
        ]
    return found


def _one_per_listed_party(
    candidate: Candidate, content: list[Mention], text: str
) -> list[Candidate]:
    """One event per buyer (and per seller) the text lists together: "exported to Turkey,
    Poland and India" is three deals."""
    found = [candidate]
    for side in ("buyer", "seller"):
        other = "seller" if side == "buyer" else "buyer"
        expanded = []
        for event in found:
            party: Mention | None = getattr(event, side)
            if party is None:  # no seller named: nothing listed with it
                expanded.append(event)
                continue
            listed = coordinated(party, content, text)
            if getattr(event, other) in listed:
                expanded.append(event)  # both sides from one list: the list names neither
                continue
            for member in listed:
                if member is party:
                    expanded.append(event)
                elif member.country != country_of(getattr(event, other)):
                    expanded.append(
                        dataclasses.replace(event, buyer=member)
                        if side == "buyer"
                        else dataclasses.replace(event, seller=member)
                    )
        found = expanded
    return found


def _one_per_beneficiary(candidate: Candidate, beneficiaries: list[Mention]) -> list[Candidate]:
    """A contract announced for several states ("Foreign Military Sales to A and B"): one
    event per state."""
    if not beneficiaries or candidate.buyer is not beneficiaries[0]:
        return [candidate]
    return [dataclasses.replace(candidate, buyer=state) for state in beneficiaries]


@functools.cache
def _domestic_cue() -> re.Pattern[str]:
    return cue_regex(roles_lexicon().domestic_cues)


def _candidate(
    clause: Clause,
    system_mention: Mention | None,
    state: ArticleState,
    earlier: list[Candidate],
) -> Candidate | None:
    """Deal of one event: its parties from the clause, what it leaves out from what the
    article said before (the deal the sentence continues, the state it speaks of), the seller
    last from the system's origin. An event whose parties are known but whose system is not
    yet named is left open for the items that may follow ("an aid package for X")."""
    discourse = state.discourse
    roles = assign_roles(clause, system_mention, discourse.home.country if discourse.home else None)
    if roles.no_buyer or roles.no_seller:
        return None
    buyer = beneficiary_buyer(discourse, roles.buyer, roles.seller)
    kinds = weapon_kinds(clause.text, clause.start, clause.end)
    system = system_mention.system if system_mention else None
    if system is None and not kinds and has_pronoun_subject(clause):
        system = subject_before(discourse)  # "It has been exported to ..."
    system = system or same_system(discourse, clause)
    seller = speaking_seller(discourse, clause, roles.seller)
    buyer = buyer or speaker_buyer(discourse, clause, seller)
    prior = continued_deal(discourse.events, system, buyer, seller, kinds)
    if system is None and prior is None and kinds:
        # no deal yet of this kind: "the gun" after the Caesar; further back, the one system
        # of this kind the article's deals are about
        system = recent_system(discourse, kinds) or article_system(
            discourse, kinds, clause, buyer, seller
        )
    buyer, seller, continued = _parties_from_prior(buyer, seller, prior)
    system = system or (prior.system if prior is not None else None)
    if system is None:
        if seller is not None or (kinds and roles.sure_buyer):
            _open_deal(clause, discourse, buyer, seller)
        return None
    buyer = buyer or buyer_spoken_of(discourse, clause, seller)
    own_order = buyer is None and agency_buyer(discourse, seller) is not None
    buyer = buyer or agency_buyer(discourse, seller) or home_buyer(discourse, seller)
    made = made_in(clause, system_mention)
    if made is not None and (seller is None or seller.how == "origin"):
        seller = made  # "U.S.-made A-29s": the state the text says made them
    if seller is None and system.origin:
        seller = origin_state(system.origin)
    if buyer is None and seller is not None:
        # "The army was equipped with X, and an agreement was signed for Y": the buyer of the
        # sentence's clauses before, else of the article's deals
        buyer = sole_buyer(discourse, seller, earlier)
    if (
        buyer is None
        and seller is not None
        and seller.kind == "company"
        and by_unnamed_state(clause)
    ):
        # "The defence ministry signed with HAL": the firm's own state's ministry ordered
        buyer, own_order = origin_state(str(seller.country)), True
    if buyer is not None and seller is not None and buyer.country == seller.country:
        sure = roles.sure_buyer or own_order
        buyer = _own_state_buyer(clause, buyer, seller, sure, prior, continued)
    if seller is not None:
        seller = group_seller(seller, system)
    if buyer is not None and seller is not None:
        buyer, seller = swapped(buyer, seller, system)
    # A kind of weapon no supplier is named for ("the army expects 155 mm howitzers") could
    # be written with seller null (schema 1.3.0); measured on real news it costs precision
    # more than it finds (deal F1 0.640 -> 0.635), so such an event is left out for now.
    if buyer is None or seller is None or seller.country is None:
        if system.generic and buyer is not None and seller is None and roles.sure_buyer:
            _open_deal(clause, discourse, buyer, None)
        return None
    return Candidate(clause.trigger.event_type, buyer, seller, system)


def _open_deal(
    clause: Clause, discourse: Discourse, buyer: Mention | None, seller: Mention | None
) -> None:
    """An event that names its parties, of two states, and no system ("an aid package for
    Ukraine"), or its buyer and a kind of weapon only ("the army received 17 armoured
    vehicles"): open, its items may follow, and name their makers."""
    if buyer is not None and (
        seller is None or (seller.country and buyer.country != seller.country)
    ):
        discourse.open_deal = OpenDeal(clause.trigger, buyer, seller)


def _parties_from_prior(
    buyer: Mention | None, seller: Mention | None, prior: Candidate | None
) -> tuple[Mention | None, Mention | None, bool]:
    """What the clause leaves out, from the deal it continues: its buyer, unless that is the
    seller the clause names, and its seller; and whether both parties came from it whole."""
    if prior is None:
        return buyer, seller, False
    continued = False
    if buyer is None and (seller is None or prior.buyer.country != seller.country):
        buyer = prior.buyer
        continued = seller is None
    return buyer, seller or prior.seller, continued


def _own_state_buyer(
    clause: Clause,
    buyer: Mention,
    seller: Mention,
    sure: bool,
    prior: Candidate | None,
    continued: bool,
) -> Mention | None:
    """A state buying its own system needs words that say so ("Germany ordered", "for the
    Indian Army"), or a continued deal that was domestic; a guess that lands on the seller's
    state is a wrong guess: the continued deal's buyer, else none."""
    if (
        sure
        or (continued and prior is not None and prior.buyer.country == country_of(prior.seller))
        or _domestic_cue().search(clause.text, clause.sentence.start, clause.end)
    ):
        return buyer
    return prior.buyer if prior is not None and prior.buyer.country != seller.country else None
