"""Scoring the normalizer against gold events written by analysts.

Gold files are those of fixtures/gold and ../shared/realnews/gold: a gold deal is matched by
buyer, seller and system, where a null seller matches any seller (a record's null seller
included, which matches nothing else) and the system matches by its designation or any of
its `aliases`. Events are matched one to one within a deal by event type, pairing first
those that also agree on status and date. Reported: precision, recall and F1 for deals and
events, status and date accuracy over the matched events, the same figures without the gold
events marked `uncertain`, and every miss by class (missed system, roles, event type, status,
date, spurious) with its sentence, so a change that helps one article and hurts another
shows where.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exporter.articles import ArticleError, read_articles
from exporter.dealid import UNNAMED_SELLER
from exporter.normalize import normalize
from exporter.normalize.assemble import designation_key
from exporter.normalize.gazetteer import System, gazetteer
from exporter.normalize.mentions import gazetteer_mentions, singular


@dataclass(frozen=True)
class Deal:
    buyer: str | None
    # None in gold: any seller (the analyst did not say, or the text names none); a record
    # whose text names no seller predicts UNNAMED_SELLER, which only a gold None matches
    seller: str | None
    systems: frozenset[str]  # keys of the designation and its aliases
    heads: frozenset[str] = frozenset()  # a generic system's noun ("offshore patrol vessel")

    def matches(self, other: Deal) -> bool:
        """Whether a predicted deal `other` is this gold deal: the same parties, and the same
        system, or generic systems named by the same noun ("patrol vessel" for "offshore
        patrol vessel", "drone" for "armed drone")."""
        return (
            self.buyer == other.buyer
            and (self.seller is None or self.seller == other.seller)
            and bool(self.systems & other.systems or self.heads & other.heads)
        )

    def label(self) -> str:
        return f"{self.buyer}-{self.seller or '*'}-{min(self.systems, default='?')}"


@dataclass
class Event:
    deal: Deal
    event_type: str
    status: str
    date: tuple[str, str] | None
    sentence: str = ""
    uncertain: bool = False


def _compact_key(name: str) -> str:
    return designation_key(name).replace("-", "")


@functools.cache
def _compact_forms() -> dict[str, System]:
    """Every gazetteer form by its capitals without spaces or hyphens ("MK41" for Mk 41)."""
    forms: dict[str, System] = {}
    for form, system in gazetteer().systems.items():
        forms.setdefault(_compact_key(form), system)
    return forms


@functools.cache
def gazetteer_system(name: str) -> System | None:
    """The gazetteer system a name in gold or output is, as the normalizer would read it in a
    text, or written in other capitals or spacing ("MK 41" is the Mk 41)."""
    found = [
        m.system
        for m in gazetteer_mentions(name, 0, len(name), gazetteer())
        if m.kind == "system" and m.system
    ]
    return found[0] if found else _compact_forms().get(_compact_key(name))


@functools.cache
def system_key(name: str) -> str:
    """A system's key for matching: its gazetteer designation where it has one ("F-16 Block
    70" -> F16), else its designation as written ("K-9 Thunder" -> K9), whatever its
    hyphens and spaces."""
    system = gazetteer_system(name)
    if system is not None:
        return _compact_key(system.designation)
    first = name.split()[0] if name.split() else name
    if any(ch.isdigit() for ch in first) and any(ch.isalpha() for ch in first):
        name = first
    return _compact_key(name)


def generic_head(name: str) -> str | None:
    """The noun of a system named without a designation, singular and in capitals; None
    for a gazetteer system or a designation."""
    if any(ch.isdigit() for ch in name) or gazetteer_system(name) is not None:
        return None
    return designation_key(singular(name.split()[-1]))


def gold_event(event: dict[str, Any]) -> Event:
    deal = event["deal"]
    date = event.get("date")
    names = [str(deal["system"]), *(str(a) for a in deal.get("aliases") or [])]
    category = event.get("category")
    # a name two systems share is the one of the gold's category ("Mistral" ships)
    names += [
        f"{n}-class"
        for n in names
        if category
        and (found := gazetteer_system(n)) is not None
        and found.category != category
        and gazetteer_system(f"{n}-class") is not None
    ]
    heads = frozenset(h for n in names if (h := generic_head(n)))
    return Event(
        Deal(
            deal.get("buyer"),
            deal.get("seller"),
            frozenset(system_key(n) for n in names),
            heads,
        ),
        event["event_type"],
        event["status"],
        (str(date["value"]), date["precision"]) if date else None,
        event.get("sentence", ""),
        bool(event.get("uncertain")),
    )


def record_event(record: dict[str, Any]) -> Event:
    date = record["date"]
    designation = record["system"]["designation"]
    head = generic_head(designation)
    return Event(
        Deal(
            record["buyer"]["country"],
            UNNAMED_SELLER if record["seller"] is None else record["seller"]["country"],
            frozenset([system_key(designation)]),
            frozenset([head] if head else []),
        ),
        record["event_type"],
        record["status"],
        (date["value"], date["precision"]) if date else None,
        record["evidence"]["text"],
    )


@dataclass
class Score:
    true: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    """The counts behind one set of figures."""

    deals: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    matched: int = 0
    status_right: int = 0
    date_right: int = 0

    def figures(self) -> dict[str, float]:
        return {
            "deal_precision": round(self.deals.precision, 3),
            "deal_recall": round(self.deals.recall, 3),
            "deal_f1": round(self.deals.f1, 3),
            "event_precision": round(self.events.precision, 3),
            "event_recall": round(self.events.recall, 3),
            "event_f1": round(self.events.f1, 3),
            "status_accuracy": round(self.status_right / self.matched, 3) if self.matched else 1.0,
            "date_accuracy": round(self.date_right / self.matched, 3) if self.matched else 1.0,
        }


@dataclass
class Report:
    all: Tally = field(default_factory=Tally)
    certain: Tally = field(default_factory=Tally)  # gold events marked uncertain left out
    articles: int = 0
    misses: list[str] = field(default_factory=list)
    classes: Counter[str] = field(default_factory=Counter)

    def figures(self) -> dict[str, float]:
        return self.all.figures()

    def miss(self, name: str, kind: str, text: str) -> None:
        self.classes[kind] += 1
        self.misses.append(f"{name}: {kind:<8} {text}")


def match_deals(gold: list[Deal], got: list[Deal]) -> list[tuple[Deal, Deal]]:
    """One-to-one pairs of a gold deal and a predicted deal that is it."""
    used: set[Deal] = set()
    pairs = []
    for g in gold:
        for p in got:
            if p not in used and g.matches(p):
                used.add(p)
                pairs.append((g, p))
                break
    return pairs


def match_events(gold: list[Event], got: list[Event]) -> list[tuple[Event, Event]]:
    """One-to-one pairs of the same deal and type, closest agreement first."""

    def agreement(g: Event, p: Event) -> int:
        return (g.status == p.status) + 2 * (g.date == p.date)

    options = sorted(
        (
            (agreement(g, p), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(got)
            if g.deal.matches(p.deal) and g.event_type == p.event_type
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], got[j]))
    return pairs


def describe(event: Event) -> str:
    date = event.date[0] if event.date else "no date"
    sentence = " ".join(event.sentence.split())[:90]
    return (
        f"{event.deal.label()} {event.event_type} {event.status} {date}"
        + (" (uncertain)" if event.uncertain else "")
        + (f" «{sentence}»" if sentence else "")
    )


def _tally(tally: Tally, gold: list[Event], got: list[Event], pairs: list[tuple[Event, Event]]):
    gold_deals = list(dict.fromkeys(e.deal for e in gold))
    got_deals = list(dict.fromkeys(e.deal for e in got))
    tally.deals.true += len(match_deals(gold_deals, got_deals))
    tally.deals.predicted += len(got_deals)
    tally.deals.expected += len(gold_deals)
    tally.events.true += len(pairs)
    tally.events.predicted += len(got)
    tally.events.expected += len(gold)
    tally.matched += len(pairs)
    for g, p in pairs:
        tally.status_right += g.status == p.status
        tally.date_right += g.date == p.date


def _miss_class(gold: Event, got: list[Event]) -> str:
    """Why a gold event was missed: the system never found, found with other parties, or
    the deal found without an event of this type."""
    same_system = [
        p for p in got if gold.deal.systems & p.deal.systems or gold.deal.heads & p.deal.heads
    ]
    if not same_system:
        return "system"
    if not any(gold.deal.matches(p.deal) for p in same_system):
        return "roles"
    return "type"


def score_article(report: Report, name: str, gold: list[Event], got: list[Event]) -> None:
    report.articles += 1
    pairs = match_events(gold, got)
    _tally(report.all, gold, got, pairs)
    # without the uncertain codings: those gold events, and what matched them, leave the count
    uncertain_matches = {id(p) for g, p in pairs if g.uncertain}
    _tally(
        report.certain,
        [g for g in gold if not g.uncertain],
        [p for p in got if id(p) not in uncertain_matches],
        [(g, p) for g, p in pairs if not g.uncertain],
    )
    for g, p in pairs:
        if g.status != p.status:
            report.miss(name, "status", f"{describe(p)}  (gold: {g.status})")
        if g.date != p.date:
            report.miss(
                name, "date", f"{describe(p)}  (gold: {g.date[0] if g.date else 'no date'})"
            )
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g in gold:
        if id(g) not in matched_g:
            report.miss(name, _miss_class(g, got), describe(g))
    for p in got:
        if id(p) not in matched_p:
            report.miss(name, "spurious", describe(p))


def evaluate(articles: Path, gold_dir: Path, only: Iterable[str] = ()) -> Report:
    """Score every article under `articles` that has a gold file in `gold_dir`."""
    report = Report()
    wanted = set(only)
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text("utf-8"))
        name = gold["article"]
        if wanted and name not in wanted and gold_path.stem not in wanted:
            continue
        path = articles / name
        items = list(read_articles([str(path)]))
        got: list[Event] = []
        for item in items:
            if isinstance(item, ArticleError):
                report.miss(name, "unread", str(item))
                continue
            got += [record_event(r) for r in normalize(item)]
        score_article(report, name, [gold_event(e) for e in gold.get("events") or []], got)
    return report
